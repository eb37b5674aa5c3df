package org.exoret.retrieval;

import java.util.Arrays;
import java.util.function.IntConsumer;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.exoret.ExoretException;
import org.exoret.mcmc.LogDensity;
import org.exoret.posterior.ParetoSmoothedWeights;
import org.exoret.posterior.Posterior;

/**
 * Checks a surrogate posterior against the RT reference and corrects it: the RT is run at a random subset of the
 * posterior's draws, and each draw is weighted by L_RT/L_surrogate = exp(−½[χ²_RT − χ²_surrogate]), which turns
 * draws from the surrogate posterior into draws from the RT posterior (importance sampling; the priors cancel). The
 * largest weights are Pareto-smoothed ({@link ParetoSmoothedWeights}), so that one draw where the surrogate's χ²
 * is far too high cannot take most of the weight, and the fitted shape k̂ says whether the correction can be
 * trusted. The weighted draws are then resampled systematically into equally weighted ones.
 *
 * <p>The spread of the χ² offsets is the figure of merit: where it is well below 1 the surrogate's posterior is
 * already the RT's; where it is a few units, the weights move mass between the posterior's modes, which the
 * surrogate alone places with errors of that size. The effective sample size (Σw)²/Σw² says how many independent
 * draws the correction is worth; it must stay large for the corrected posterior to be better than the uncorrected.
 * The correction can only reweight where the surrogate posterior put draws, so it repairs misplaced mass, not
 * missing modes. Immutable.
 */
public final class RtReweighting {

    /** Draws per RT call: enough to keep every core busy, few enough for a progress bar to move. */
    private static final int BLOCK = 256;

    private final Posterior reweighted;
    private final double[] chi2Offset;
    private final ParetoSmoothedWeights weights;
    private final int rejected;

    private RtReweighting(Posterior reweighted, double[] chi2Offset, ParetoSmoothedWeights weights, int rejected) {
        this.reweighted = reweighted;
        this.chi2Offset = chi2Offset;
        this.weights = weights;
        this.rejected = rejected;
    }

    /**
     * @param posterior draws of the free parameters from the surrogate posterior
     * @param surrogate the surrogate's log-likelihood −½χ² over the free parameters
     * @param rt the RT reference's log-likelihood over the same parameters and data
     * @param draws how many draws to evaluate (all of them when the posterior has fewer); at least 1
     * @param seed selects the draws and the resampling
     * @return the check and the corrected posterior
     * @throws ExoretException INVALID_ARGUMENT when the RT rejects every selected draw
     */
    public static RtReweighting compute(Posterior posterior, LogDensity surrogate, LogDensity rt, int draws, long seed) {
        return compute(posterior, surrogate, rt, draws, seed, done -> { });
    }

    /**
     * As {@link #compute(Posterior, LogDensity, LogDensity, int, long)}, reporting progress: the RT is called on
     * blocks of {@value #BLOCK} draws (each block still spreads over the cores), and after each block
     * {@code evaluated} receives the number of draws evaluated so far.
     *
     * @param posterior draws of the free parameters from the surrogate posterior
     * @param surrogate the surrogate's log-likelihood −½χ² over the free parameters
     * @param rt the RT reference's log-likelihood over the same parameters and data
     * @param draws how many draws to evaluate (all of them when the posterior has fewer); at least 1
     * @param seed selects the draws and the resampling
     * @param evaluated progress callback, e.g. a progress bar
     * @return the check and the corrected posterior
     */
    public static RtReweighting compute(Posterior posterior, LogDensity surrogate, LogDensity rt, int draws, long seed,
            IntConsumer evaluated) {
        if (draws < 1) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "the RT check needs at least 1 draw, got "
                    + draws);
        }
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        int n = posterior.sampleCount();
        int[] order = PermutationSampler.natural(n);
        PermutationSampler.shuffle(rng, order);
        int[] rows = Arrays.copyOf(order, Math.min(draws, n));
        double[][] theta = posterior.select(rows).samples();
        double[] logRt = new double[theta.length];
        for (int from = 0; from < theta.length; from += BLOCK) {
            int to = Math.min(theta.length, from + BLOCK);
            System.arraycopy(rt.logDensity(Arrays.copyOfRange(theta, from, to)), 0, logRt, from, to - from);
            evaluated.accept(to);
        }
        double[] logSurrogate = surrogate.logDensity(theta);
        int m = rows.length;
        double[] offset = new double[m];
        double[] logRatio = new double[m];
        int rejected = 0;
        for (int i = 0; i < m; i++) {
            boolean refused = logRt[i] == Double.NEGATIVE_INFINITY;
            logRatio[i] = refused ? Double.NEGATIVE_INFINITY : logRt[i] - logSurrogate[i];
            offset[i] = -2 * logRatio[i];
            if (refused) {
                rejected++;
            }
        }
        if (rejected == m) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "the RT rejected all " + m
                    + " posterior draws of the RT check; the surrogate posterior lies where the RT has no spectrum");
        }
        ParetoSmoothedWeights smoothed = ParetoSmoothedWeights.of(logRatio);
        double[] w = smoothed.weights();
        // systematic resampling: m equally spaced points u0 + k/m through the cumulative weights; a draw of weight 0
        // is never picked, even where u0 = 0 or rounding leaves the last cumulative sum short of 1
        int last = m - 1;
        while (w[last] == 0) {
            last--;
        }
        int[] picked = new int[m];
        double u = rng.nextDouble() / m;
        double cumulative = w[0];
        int j = 0;
        for (int k = 0; k < m; k++) {
            double target = u + (double) k / m;
            while ((cumulative < target || w[j] == 0) && j < last) {
                cumulative += w[++j];
            }
            picked[k] = rows[j];
        }
        // in the posterior's own order (chain by chain); the surrogate's log posterior no longer applies
        Arrays.sort(picked);
        Posterior chosen = posterior.select(picked);
        Posterior reweighted = new Posterior(chosen.names(), chosen.units(), chosen.labels(), chosen.samples(),
                chosen.chains(), null);
        return new RtReweighting(reweighted, offset, smoothed, rejected);
    }

    /**
     * @return the corrected posterior: the evaluated draws resampled by their weights, as many as were evaluated, in
     *     the original posterior's order and with its chain ids (repeated draws are consecutive; per-chain
     *     diagnostics of it mean nothing); no log posterior
     */
    public Posterior reweighted() {
        return reweighted;
    }

    /** @return how many draws the RT evaluated */
    public int draws() {
        return chi2Offset.length;
    }

    /** @return how many of them the RT rejected (weight 0) */
    public int rejected() {
        return rejected;
    }

    /** @return χ²_RT − χ²_surrogate per evaluated draw (+∞ where the RT rejected it) */
    public double[] chi2Offsets() {
        return chi2Offset.clone();
    }

    /** @return the mean χ² offset over the draws the RT accepted */
    public double chi2OffsetMean() {
        return acceptedOffsets().getMean();
    }

    /** @return the standard deviation of the χ² offset over the draws the RT accepted */
    public double chi2OffsetSd() {
        return acceptedOffsets().getStandardDeviation();
    }

    private DescriptiveStatistics acceptedOffsets() {
        return new DescriptiveStatistics(Arrays.stream(chi2Offset).filter(Double::isFinite).toArray());
    }

    /** @return the importance effective sample size (Σw)²/Σw² of the evaluated draws' smoothed weights */
    public double effectiveSampleSize() {
        return weights.effectiveSampleSize();
    }

    /** @return the largest single smoothed weight, as a fraction of the total */
    public double largestWeight() {
        return Arrays.stream(weights.weights()).max().orElseThrow();
    }

    /**
     * @return the Pareto shape k̂ of the largest weights (NaN below 21 draws the RT accepts): above
     *     {@link #paretoKThreshold()} the surrogate posterior misses too much of the RT's for reweighting its draws to
     *     be trusted
     */
    public double paretoK() {
        return weights.paretoK();
    }

    /**
     * @return the k̂ above which the correction is unreliable, min(1 − 1/log10 S, 0.7) for the S draws the RT
     *     accepted
     */
    public double paretoKThreshold() {
        return weights.threshold();
    }

    /** @return whether k̂ is defined and at most {@link #paretoKThreshold()} */
    public boolean reliable() {
        return weights.reliable();
    }
}
