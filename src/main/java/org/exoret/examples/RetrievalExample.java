package org.exoret.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import org.exoret.posterior.ComparisonOptions;
import org.exoret.posterior.CredibleRegions;
import org.exoret.posterior.MarginalSummary;
import org.exoret.posterior.Mc3Npz;
import org.exoret.posterior.Posterior;
import org.exoret.posterior.PosteriorComparison;
import org.exoret.retrieval.Retrieval;
import org.exoret.retrieval.RetrievalConfig;
import org.exoret.retrieval.RetrievalResult;

/**
 * Using exoret from Java analysis code: run a retrieval from a configuration, read the posterior, compute a
 * credible region, and compare with another posterior (for instance a BART/MC3 run saved as {@code .npz}).
 *
 * <pre>
 * java -cp "target/exoret.jar:target/lib/*" org.exoret.examples.RetrievalExample data/hd189733b_demo.cfg \
 *      data/reference/hd189733b_rt_seed1.npz
 * </pre>
 */
public final class RetrievalExample {

    private RetrievalExample() {
    }

    /**
     * Runs the example.
     *
     * @param config retrieval configuration
     * @param comparison a posterior to compare with ({@code .npz} in MC3's layout), or {@code null}
     * @param out where to print
     * @return the retrieval's result
     */
    public static RetrievalResult run(Path config, Path comparison, PrintStream out) {
        RetrievalResult result = Retrieval.run(RetrievalConfig.read(config));
        Posterior posterior = result.posterior();
        for (MarginalSummary m : result.summaries()) {
            out.printf("%-18s median %9.4f  68.27 %% HPD %s%n", m.name(), m.median(),
                    CredibleRegions.hpd(posterior.column(posterior.indexOf(m.name())), 0.6827).intervals());
        }
        if (comparison != null) {
            PosteriorComparison c = PosteriorComparison.compare(posterior, Mc3Npz.read(comparison),
                    ComparisonOptions.defaults().withNames("this run", comparison.getFileName().toString()));
            out.println(c.toText());
        }
        return result;
    }

    /**
     * @param args configuration file, then optionally a posterior {@code .npz} to compare with
     */
    public static void main(String[] args) {
        System.setProperty("ai.djl.offline", "true");
        run(Path.of(args[0]), args.length > 1 ? Path.of(args[1]) : null, System.out);
    }
}
