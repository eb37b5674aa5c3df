package org.exoret.posterior;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.exoret.ExoretException;

/**
 * Pareto-smoothed importance weights (PSIS; Vehtari, Simpson, Gelman, Yao &amp; Gabry 2024, JMLR 25, 72). Raw
 * importance weights w = exp(log ratio) are unbiased but heavy-tailed when the proposal misses part of the target:
 * one draw can then carry most of the weight. PSIS fits a generalized Pareto distribution (GPD) to the largest
 * M = ⌈min(0.2 S, 3√S)⌉ of the S weights, replaces them by the fitted distribution's quantiles at (z − ½)/M, and
 * truncates at the largest raw weight. The fitted shape k̂ is the diagnostic: below {@link #kThreshold(int)} the
 * smoothed estimate is reliable; above it the proposal is too far from the target for any reweighting of its draws.
 *
 * <p>The GPD is fitted by the empirical-Bayes estimate of Zhang &amp; Stephens (2009, Technometrics 51, 316) with the
 * weakly informative prior and the shrinkage of k̂ towards ½ that the paper's reference implementation (R package
 * loo) uses. Immutable.
 */
public final class ParetoSmoothedWeights {

    /** Fewer tail draws than this leave the weights unsmoothed and k̂ undefined. */
    private static final int MIN_TAIL = 5;

    private final double[] weights;
    private final double paretoK;
    private final int tailLength;
    private final int accepted;

    private ParetoSmoothedWeights(double[] weights, double paretoK, int tailLength, int accepted) {
        this.weights = weights;
        this.paretoK = paretoK;
        this.tailLength = tailLength;
        this.accepted = accepted;
    }

    /**
     * @param logRatios log importance ratio per draw, log p_target − log p_proposal up to a constant; −∞ gives weight
     *     0 (a draw the target rules out, not counted in S); NaN and +∞ are refused
     * @return the smoothed weights, normalised to sum to 1
     * @throws ExoretException INVALID_ARGUMENT when a ratio is NaN or +∞, or when every ratio is −∞
     */
    public static ParetoSmoothedWeights of(double[] logRatios) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < logRatios.length; i++) {
            double r = logRatios[i];
            if (Double.isNaN(r) || r == Double.POSITIVE_INFINITY) {
                throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "log importance ratio " + i + " is " + r);
            }
            max = Math.max(max, r);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT,
                    "every one of the " + logRatios.length + " importance ratios is 0");
        }
        double[] logWeight = new double[logRatios.length];
        for (int i = 0; i < logRatios.length; i++) {
            logWeight[i] = logRatios[i] - max;
        }
        int finite = (int) Arrays.stream(logWeight).filter(Double::isFinite).count();
        int tail = (int) Math.ceil(Math.min(0.2 * finite, 3 * Math.sqrt(finite)));
        double k = tail >= MIN_TAIL && tail < finite ? smoothTail(logWeight, tail) : Double.NaN;
        double[] w = new double[logWeight.length];
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            w[i] = Math.exp(logWeight[i]);
            sum += w[i];
        }
        for (int i = 0; i < w.length; i++) {
            w[i] /= sum;
        }
        return new ParetoSmoothedWeights(w, k, tail, finite);
    }

    /**
     * Above this k̂ the smoothed weights are unreliable for S draws: min(1 − 1/log10 S, 0.7) (Vehtari et al. 2024,
     * §3.2.4); the estimate's error then falls too slowly with S for a finite sample to be trusted.
     *
     * @param draws S, the number of draws
     * @return the threshold on k̂
     */
    public static double kThreshold(int draws) {
        return Math.min(1 - 1 / Math.log10(draws), 0.7);
    }

    /** @return the smoothed weights, normalised to sum to 1, in the order of the ratios given */
    public double[] weights() {
        return weights.clone();
    }

    /**
     * @return the fitted GPD shape k̂ of the largest weights; −∞ when they are all equal (a bounded tail, nothing to
     *     smooth); +∞ when a quarter or more of them tie at the cutoff (no fit, left unsmoothed); NaN when the tail
     *     was too short to fit (&lt; 5 draws, i.e. fewer than 21 draws of nonzero weight)
     */
    public double paretoK() {
        return paretoK;
    }

    /** @return how many of the largest weights were smoothed (or would have been, when k̂ is NaN) */
    public int tailLength() {
        return tailLength;
    }

    /** @return {@link #kThreshold(int)} for the draws of nonzero weight */
    public double threshold() {
        return kThreshold(accepted);
    }

    /** @return whether k̂ is defined and at most {@link #threshold()} */
    public boolean reliable() {
        return paretoK <= threshold();
    }

    /** @return the effective sample size (Σw)²/Σw² of the smoothed weights */
    public double effectiveSampleSize() {
        double s2 = 0;
        for (double v : weights) {
            s2 += v * v;
        }
        return 1 / s2;
    }

    /**
     * Zhang &amp; Stephens (2009) estimate of a GPD's shape and scale from positive exceedances: the posterior mean
     * of θ = −k/σ over a grid of 30 + ⌊√n⌋ points under their profile likelihood, with the weakly informative prior
     * of strength 3 and the shrinkage k̂·n/(n + 10) + 5/(n + 10) of the reference implementation.
     *
     * @param x exceedances, ascending, the largest positive
     * @return {k, σ}
     */
    static double[] fitGeneralizedPareto(double[] x) {
        int n = x.length;
        double prior = 3;
        int m = 30 + (int) Math.sqrt(n);
        double firstQuartile = x[(int) Math.floor(n / 4.0 + 0.5) - 1];
        double[] theta = new double[m];
        double[] logLikelihood = new double[m];
        double maxLogLikelihood = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < m; j++) {
            theta[j] = 1 / x[n - 1] + (1 - Math.sqrt(m / (j + 0.5))) / prior / firstQuartile;
            double meanLog = 0;
            for (double v : x) {
                meanLog += Math.log1p(-theta[j] * v) / n;
            }
            // profile log-likelihood per point: log(−θ/k) − k − 1 with k = mean log(1 − θx)
            double kj = meanLog;
            logLikelihood[j] = n * (Math.log(-theta[j] / kj) - kj - 1);
            maxLogLikelihood = Math.max(maxLogLikelihood, logLikelihood[j]);
        }
        double weightSum = 0;
        double thetaHat = 0;
        for (int j = 0; j < m; j++) {
            double w = Math.exp(logLikelihood[j] - maxLogLikelihood);
            weightSum += w;
            thetaHat += w * theta[j];
        }
        thetaHat /= weightSum;
        double k = 0;
        for (double v : x) {
            k += Math.log1p(-thetaHat * v) / n;
        }
        double sigma = -k / thetaHat;
        double shrunk = k * n / (n + 10.0) + 10 * 0.5 / (n + 10.0);
        return new double[] {shrunk, sigma};
    }

    /**
     * Fits a generalized Pareto distribution to the largest {@code tail} weights and replaces them, in place, by its
     * expected order statistics.
     *
     * @param logWeight log weights, the largest 0; at least {@code tail + 1} finite
     * @param tail how many of the largest to smooth
     * @return the fitted shape k̂ (−∞ for an equal tail, +∞ for ties at the cutoff; then nothing is replaced)
     */
    private static double smoothTail(double[] logWeight, int tail) {
        Integer[] order = IntStream.range(0, logWeight.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> logWeight[i]));
        // the tail: the largest `tail` weights, ascending; the cutoff is the largest weight below them
        int first = order.length - tail;
        double cutoff = Math.exp(logWeight[order[first - 1]]);
        double[] exceedance = new double[tail];
        for (int z = 0; z < tail; z++) {
            exceedance[z] = Math.exp(logWeight[order[first + z]]) - cutoff;
        }
        if (exceedance[tail - 1] == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (exceedance[(int) Math.floor(tail / 4.0 + 0.5) - 1] == 0) {
            return Double.POSITIVE_INFINITY; // the fit's scale (the first quartile) is 0: ties, or weights underflowing
        }
        double[] fit = fitGeneralizedPareto(exceedance);
        double k = fit[0];
        if (Double.isFinite(k)) {
            for (int z = 0; z < tail; z++) {
                double q = quantile((z + 0.5) / tail, k, fit[1]) + cutoff;
                // truncated at the largest raw weight, exp(0) after the shift
                logWeight[order[first + z]] = Math.min(Math.log(q), 0);
            }
        }
        return k;
    }

    /** GPD quantile σ((1 − p)^(−k) − 1)/k (σ·(−log(1 − p)) at k = 0). */
    private static double quantile(double p, double k, double sigma) {
        double tailLog = -Math.log1p(-p);
        return k == 0 ? sigma * tailLog : sigma * Math.expm1(k * tailLog) / k;
    }
}
