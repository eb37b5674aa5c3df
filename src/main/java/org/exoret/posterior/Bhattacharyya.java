package org.exoret.posterior;

import org.exoret.ExoretException;

/**
 * The Bhattacharyya coefficient BC = Σ √(p_i q_i) of two one-dimensional sample sets, with HOMER's histogram
 * estimator (Himes et al. 2022, Planetary Science Journal 3, 91): both sets are binned on the same
 * equal-width bins spanning the union of their ranges (60 bins by default), counts are divided by each
 * set's size, and BC sums the geometric means. BC = 1 for identical histograms, 0 for disjoint ones; for two
 * normal distributions N(μ1, σ²), N(μ2, σ²) it is exp(−(μ1 − μ2)²/(8σ²)).
 *
 * <p>The estimator is biased low by finite samples: for two independent sample sets of one distribution
 * occupying K bins, E[BC] ≈ 1 − (K − 1)(1/N_a + 1/N_b)/8 with N the effective sample sizes, which is why
 * {@link PosteriorComparison} always reports a noise floor. Stateless and thread-safe.
 */
public final class Bhattacharyya {

    /** HOMER's bin count. */
    public static final int HOMER_BINS = 60;

    private Bhattacharyya() {
    }

    /**
     * BC on bins spanning the union of both ranges.
     *
     * @param a first sample set (finite, non-empty)
     * @param b second sample set (finite, non-empty)
     * @param bins number of equal-width bins (≥ 1)
     * @return the coefficient in [0, 1]
     */
    public static double coefficient(double[] a, double[] b, int bins) {
        double[] range = unionRange(a, b);
        return coefficient(a, b, range[0], range[1], bins);
    }

    /**
     * BC on given bins; samples outside [lo, hi] are counted in the end bins.
     *
     * @param a first sample set
     * @param b second sample set
     * @param lo lower edge of the first bin
     * @param hi upper edge of the last bin (≥ lo; equal edges put everything in one bin)
     * @param bins number of equal-width bins (≥ 1)
     * @return the coefficient in [0, 1]
     */
    public static double coefficient(double[] a, double[] b, double lo, double hi, int bins) {
        double[] p = histogram(a, lo, hi, bins);
        double[] q = histogram(b, lo, hi, bins);
        double bc = 0;
        for (int i = 0; i < bins; i++) {
            bc += Math.sqrt(p[i] * q[i]);
        }
        return Math.min(1.0, bc);
    }

    /**
     * @param a first sample set
     * @param b second sample set
     * @return {min, max} over both sets
     */
    public static double[] unionRange(double[] a, double[] b) {
        if (a.length == 0 || b.length == 0) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT,
                    "the Bhattacharyya coefficient needs two non-empty sample sets, got sizes "
                            + a.length + " and " + b.length);
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] set : new double[][] {a, b}) {
            for (double v : set) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return new double[] {lo, hi};
    }

    /** Counts per bin divided by the sample size. */
    static double[] histogram(double[] x, double lo, double hi, int bins) {
        if (bins < 1) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "bin count must be ≥ 1, got " + bins);
        }
        if (x.length == 0) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "cannot bin an empty sample set");
        }
        double[] h = new double[bins];
        double width = (hi - lo) / bins;
        for (double v : x) {
            if (!Double.isFinite(v)) {
                throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "sample value " + v + " is not finite");
            }
            int k = width > 0 ? (int) Math.floor((v - lo) / width) : 0;
            h[Math.max(0, Math.min(bins - 1, k))] += 1;
        }
        for (int i = 0; i < bins; i++) {
            h[i] /= x.length;
        }
        return h;
    }
}
