package org.exoret.retrieval;

import java.util.List;
import java.util.Optional;
import org.exoret.mcmc.SamplerResult;
import org.exoret.posterior.MarginalSummary;
import org.exoret.posterior.Posterior;
import org.exoret.posterior.Summaries;

/**
 * The outcome of a retrieval: the sampler's result, the posterior with units and labels, timings.
 * Immutable.
 */
public final class RetrievalResult {

    private final RetrievalConfig config;
    private final SamplerResult samples;
    private final double setupSeconds;
    private final double samplingSeconds;
    private final RtReweighting rtCheck;
    private final double rtCheckSeconds;

    RetrievalResult(RetrievalConfig config, SamplerResult samples, double setupSeconds, double samplingSeconds,
            RtReweighting rtCheck, double rtCheckSeconds) {
        this.config = config;
        this.samples = samples;
        this.setupSeconds = setupSeconds;
        this.samplingSeconds = samplingSeconds;
        this.rtCheck = rtCheck;
        this.rtCheckSeconds = rtCheckSeconds;
    }

    /** @return the RT check of a surrogate posterior and its corrected posterior, when {@code rt_check} asked for one */
    public Optional<RtReweighting> rtCheck() {
        return Optional.ofNullable(rtCheck);
    }

    /** @return seconds spent on the RT check (building the RT and evaluating it), 0 without one */
    public double rtCheckSeconds() {
        return rtCheckSeconds;
    }

    /** @return the configuration that produced this result */
    public RetrievalConfig config() {
        return config;
    }

    /** @return the sampler's result: all draws, diagnostics, best fit */
    public SamplerResult samples() {
        return samples;
    }

    /** @return whether the run was stopped by {@link Retrieval#cancel()} (then only its checkpoint was written) */
    public boolean cancelled() {
        return samples.stopReason() == SamplerResult.StopReason.CANCELLED;
    }

    /** @return post-burn-in, thinned samples of the free parameters */
    public Posterior posterior() {
        return samples.posterior();
    }

    /** @return seconds spent building the forward model (opacity tables, bundle loading) */
    public double setupSeconds() {
        return setupSeconds;
    }

    /** @return seconds spent sampling (this invocation only, when resumed) */
    public double samplingSeconds() {
        return samplingSeconds;
    }

    /**
     * @return sampling seconds per chain per iteration (the per-chain cost the speed-up is measured on), over the
     *     iterations this invocation ran (a resumed run's earlier iterations took time not counted here)
     */
    public double secondsPerChainIteration() {
        return samplingSeconds / ((double) samples.chains() * Math.max(1, samples.iterationsThisRun()));
    }

    /** @return median, mean, standard deviation and credible regions per free parameter */
    public List<MarginalSummary> summaries() {
        return Summaries.of(posterior());
    }

    /** @return the summary table as plain text */
    public String summaryText() {
        return Summaries.toText(summaries());
    }
}
