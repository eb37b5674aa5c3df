package org.exoret.surrogate;

import java.util.function.IntFunction;
import org.exoret.ExoretException;

/**
 * Streaming per-feature mean, variance and extremes of (optionally log10-scaled) feature vectors, by Welford's
 * update (Welford 1962, Technometrics 4, 419), so the statistics of a training set larger than memory come from
 * one pass. Mutable and not thread-safe: one accumulator per pass.
 */
public final class FeatureStatistics {

    private final boolean[] log10;
    private final IntFunction<String> featureName;
    private final double[] mean;
    private final double[] m2;
    private final double[] min;
    private final double[] max;
    private long count;

    /**
     * @param log10 which features are log10-scaled before accumulating
     * @param featureName names features in error messages
     */
    public FeatureStatistics(boolean[] log10, IntFunction<String> featureName) {
        this.log10 = log10.clone();
        this.featureName = featureName;
        int n = log10.length;
        mean = new double[n];
        m2 = new double[n];
        min = new double[n];
        max = new double[n];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
    }

    /**
     * Adds one feature vector.
     *
     * @param x physical values (float32 as stored in training sets)
     */
    public void accept(float[] x) {
        if (x.length != log10.length) {
            throw new ExoretException(ExoretException.Kind.MISMATCH,
                    "vector has " + x.length + " features, expected " + log10.length);
        }
        count++;
        for (int k = 0; k < x.length; k++) {
            double t = x[k];
            if (log10[k]) {
                if (!(t > 0)) {
                    throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, featureName.apply(k) + " = " + t
                            + " in training sample " + (count - 1) + " cannot be log10-scaled; do not log-scale it");
                }
                t = Math.log10(t);
            } else if (!Double.isFinite(t)) {
                throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT,
                        featureName.apply(k) + " is " + t + " in training sample " + (count - 1));
            }
            double delta = t - mean[k];
            mean[k] += delta / count;
            m2[k] += delta * (t - mean[k]);
            min[k] = Math.min(min[k], t);
            max[k] = Math.max(max[k], t);
        }
    }

    /** @return the number of vectors accepted */
    public long count() {
        return count;
    }

    /** @return the scaling these statistics define (population σ, as NumPy's default that MARGE used) */
    public FeatureScaling toScaling() {
        if (count == 0) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "no training samples to take statistics of");
        }
        double[] std = new double[mean.length];
        for (int k = 0; k < std.length; k++) {
            double s = Math.sqrt(m2[k] / count);
            std[k] = s > 0 ? s : 1;
        }
        return new FeatureScaling(log10, mean, std, min, max);
    }
}
