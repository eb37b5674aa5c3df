package org.exoret.spark;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.exoret.data.DataRoot;
import org.exoret.posterior.MarginalSummary;
import org.exoret.retrieval.Retrieval;
import org.exoret.retrieval.RetrievalConfig;
import org.exoret.retrieval.RetrievalResult;

/**
 * The batch runner for full retrievals: runs {@link Retrieval} on a retrieval configuration (its outputs go to the
 * configuration's output folder, which must be on a shared file system) and summarises the posterior.
 *
 * <p>Summary columns: {@code name}, {@code output}, {@code setup_s}, {@code sampling_s}, then per free parameter
 * {@code <p>_median}, {@code <p>_mean}, {@code <p>_sd}, {@code <p>_lo68}, {@code <p>_hi68} (central 68.27 %
 * interval).
 *
 * @param dataRoot absolute path of the data root, the same on every executor
 */
public record RetrievalSummary(String dataRoot) implements RetrievalRunner {

    @Override
    public Map<String, String> run(Path config) {
        RetrievalConfig rc = RetrievalConfig.read(config);
        RetrievalResult result = Retrieval.builder(rc).optDataRoot(DataRoot.of(Path.of(dataRoot))).build().run();
        Map<String, String> row = new LinkedHashMap<>();
        row.put("name", rc.name());
        row.put("output", rc.output().toAbsolutePath().toString());
        row.put("setup_s", format(result.setupSeconds()));
        row.put("sampling_s", format(result.samplingSeconds()));
        for (MarginalSummary m : result.summaries()) {
            row.put(m.name() + "_median", format(m.median()));
            row.put(m.name() + "_mean", format(m.mean()));
            row.put(m.name() + "_sd", format(m.standardDeviation()));
            row.put(m.name() + "_lo68", format(m.central68().lower()));
            row.put(m.name() + "_hi68", format(m.central68().upper()));
        }
        return row;
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
