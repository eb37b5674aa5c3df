package org.exoret.mcmc;

/**
 * Observes a {@link Sampler} run: progress reports come every {@link SamplerConfig#progressEvery()}
 * iterations, on the sampling thread, so a listener must return quickly. Defaults do nothing.
 */
public interface SamplerListener {

    /**
     * @param totalIterations iterations per chain the run aims for
     * @param startIteration iterations per chain already done (non-zero on resume)
     */
    default void onStart(int totalIterations, int startIteration) {
    }

    /** @param progress the state of the run */
    default void onProgress(Progress progress) {
    }

    /** @param result the finished (or stopped) run */
    default void onFinish(SamplerResult result) {
    }

    /**
     * A progress report.
     *
     * @param iteration iterations per chain done
     * @param totalIterations iterations per chain aimed for
     * @param acceptanceRate accepted / proposed over the whole run so far
     * @param bestLogPosterior highest log posterior found so far
     * @param gelmanRubin per-parameter Gelman–Rubin R̂ on the post-burn-in samples so far (NaN while too few)
     */
    record Progress(int iteration, int totalIterations, double acceptanceRate, double bestLogPosterior, double[] gelmanRubin) {
        /** Copies the R̂ array. */
        public Progress {
            gelmanRubin = gelmanRubin.clone();
        }

        /** @return the R̂ values (a copy) */
        @Override
        public double[] gelmanRubin() {
            return gelmanRubin.clone();
        }

        /** @return the largest R̂ (NaN while too few samples) */
        public double maxGelmanRubin() {
            double m = Double.NaN;
            for (double r : gelmanRubin) {
                m = Double.isNaN(m) || r > m ? r : m;
            }
            return m;
        }
    }
}
