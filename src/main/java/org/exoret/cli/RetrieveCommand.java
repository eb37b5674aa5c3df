package org.exoret.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.exoret.mcmc.ProgressBarListener;
import org.exoret.retrieval.Retrieval;
import org.exoret.retrieval.RetrievalConfig;
import org.exoret.retrieval.RetrievalResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code exoret retrieve CONFIG}: runs a retrieval from a BART-style configuration file. */
@Command(name = "retrieve", mixinStandardHelpOptions = true,
        description = "Run a retrieval: sample the posterior of a configuration's parameters given its observations, "
                + "and write posterior files, summary, plots and a report into its output folder.")
final class RetrieveCommand implements Callable<Integer> {

    @CommandLine.Parameters(index = "0", paramLabel = "CONFIG", description = "retrieval configuration (INI)")
    Path config;

    @CommandLine.Option(names = "--resume", description = "continue a killed run from the checkpoint in the output folder")
    boolean resume;

    @CommandLine.Option(names = "--no-progress", description = "do not draw a progress bar")
    boolean noProgress;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RetrievalConfig cfg = RetrievalConfig.read(config);
        report(cfg, !noProgress, resume, out);
        return 0;
    }

    /**
     * Runs (or resumes) a retrieval and prints its summary, cost and report path.
     *
     * @param cfg the retrieval
     * @param progress whether to draw a progress bar on standard error
     * @param resume continue from the checkpoint in the output folder
     * @param out where to print
     */
    static void report(RetrievalConfig cfg, boolean progress, boolean resume, PrintWriter out) {
        DjlSettings.singleThreadedInference();
        Retrieval.Builder builder = Retrieval.builder(cfg);
        ProgressBar[] rtBar = new ProgressBar[1];
        if (progress) {
            builder.addListener(new ProgressBarListener(System.err));
            builder.optRtCheckProgress(done -> {
                if (rtBar[0] == null) {
                    rtBar[0] = new ProgressBarBuilder().setTaskName("RT check").setInitialMax(cfg.rtCheckDraws())
                            .showSpeed().build();
                }
                rtBar[0].stepTo(done);
            });
        }
        Retrieval retrieval = builder.build();
        RetrievalResult result;
        try {
            result = resume ? retrieval.resume() : retrieval.run();
        } finally {
            if (rtBar[0] != null) {
                rtBar[0].close();
            }
        }
        out.println(result.summaryText());
        out.printf("%d chains × %d iterations in %.1f s (%.2f µs per chain-iteration)%n", result.samples().chains(),
                result.samples().iterations(), result.samplingSeconds(), 1e6 * result.secondsPerChainIteration());
        result.rtCheck().ifPresent(check -> out.printf("RT check at %d draws: chi2(RT) - chi2(surrogate) %.2f ± %.2f; "
                + "importance ESS %.0f, Pareto k %.2f (%s at most %.2f); corrected posterior: %s%n", check.draws(),
                check.chi2OffsetMean(), check.chi2OffsetSd(), check.effectiveSampleSize(), check.paretoK(),
                check.reliable() ? "reliable" : "UNRELIABLE: reliable", check.paretoKThreshold(),
                cfg.output().resolve("posterior_rt_weighted.csv")));
        out.printf("report: %s%n", cfg.output().resolve("report.md"));
        out.flush();
    }
}
