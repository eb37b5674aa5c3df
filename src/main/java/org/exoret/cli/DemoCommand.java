package org.exoret.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.exoret.ExoretException;
import org.exoret.mcmc.ProgressBarListener;
import org.exoret.retrieval.Retrieval;
import org.exoret.retrieval.RetrievalConfig;
import org.exoret.retrieval.RetrievalResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code exoret demo}: the embedded default retrieval — HD 189733 b with the surrogate bundle in {@code models/}
 * and the observations in {@code data/}, compared with the committed RT-reference posterior. Needs nothing
 * outside the repository.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Surrogate retrieval of HD 189733 b from the bundled model and observations, compared with the "
                + "committed RT-reference posterior; prints the summary and the report's path.")
final class DemoCommand implements Callable<Integer> {

    /** System property the launcher sets to the checkout folder. */
    static final String HOME_PROPERTY = "exoret.home";
    static final String DEFAULT_CONFIG = "data/hd189733b_demo.cfg";

    @CommandLine.Option(names = "--config", description = "retrieval configuration (default: ${DEFAULT-VALUE} in the checkout)",
            defaultValue = DEFAULT_CONFIG)
    Path config;

    @CommandLine.Option(names = "--no-progress", description = "do not draw a progress bar")
    boolean noProgress;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        DjlSettings.singleThreadedInference();
        Path file = resolve(config);
        RetrievalConfig cfg = RetrievalConfig.read(file);
        Retrieval.Builder builder = Retrieval.builder(cfg);
        if (!noProgress) {
            builder.addListener(new ProgressBarListener(System.err));
        }
        RetrievalResult result = builder.build().run();
        PrintWriter out = spec.commandLine().getOut();
        out.println(result.summaryText());
        out.printf("%d chains × %d iterations in %.1f s (%.2f µs per chain-iteration)%n", result.samples().chains(),
                result.samples().iterations(), result.samplingSeconds(), 1e6 * result.secondsPerChainIteration());
        out.printf("report: %s%n", cfg.output().resolve("report.md"));
        out.flush();
        return 0;
    }

    /** A relative path is looked up in the working directory, then in the checkout named by {@value #HOME_PROPERTY}. */
    static Path resolve(Path path) {
        if (path.isAbsolute() || Files.exists(path)) {
            return path;
        }
        String home = System.getProperty(HOME_PROPERTY);
        if (home != null && Files.exists(Path.of(home).resolve(path))) {
            return Path.of(home).resolve(path);
        }
        throw new ExoretException(ExoretException.Kind.MISSING_FILE, "configuration " + path + " not found in "
                + Path.of("").toAbsolutePath() + (home == null ? "" : " nor in " + home));
    }
}
