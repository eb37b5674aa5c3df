package org.exoret.mcmc;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Objects;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * A console progress bar (me.tongfei progressbar) for long runs: iterations per chain, iterations per second,
 * acceptance rate and the largest current Gelman–Rubin R̂. Attach it only when a person is watching (the CLI
 * does); the library never prints by itself. Not thread-safe; one bar per run.
 */
public final class ProgressBarListener implements SamplerListener {

    private final PrintStream out;
    private ProgressBar bar;

    /**
     * @param out where the bar is drawn (typically the CLI's standard error)
     */
    public ProgressBarListener(PrintStream out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    @Override
    public void onStart(int totalIterations, int startIteration) {
        bar = new ProgressBarBuilder().setTaskName("MCMC").setInitialMax(totalIterations).showSpeed()
                .setUnit(" it", 1).setConsumer(new ConsoleProgressBarConsumer(out)).build();
        bar.stepTo(startIteration);
    }

    @Override
    public void onProgress(Progress progress) {
        if (bar == null) {
            return;
        }
        bar.stepTo(progress.iteration());
        double rhat = progress.maxGelmanRubin();
        bar.setExtraMessage(String.format(Locale.ROOT, "acc %.1f%%  R̂max %s", 100 * progress.acceptanceRate(),
                Double.isNaN(rhat) ? "–" : String.format(Locale.ROOT, "%.4f", rhat)));
    }

    @Override
    public void onFinish(SamplerResult result) {
        if (bar != null) {
            bar.stepTo(result.iterations());
            bar.close();
            bar = null;
        }
    }
}
