package org.exoret.surrogate;

/**
 * A {@link FeatureScaling} unrolled into per-feature slope and intercept ({@code t = a·s + b}) for fast loops over
 * batches. Immutable and thread-safe.
 */
final class AffineScaling {

    private final boolean[] log10;
    private final double[] slope;
    private final double[] intercept;

    AffineScaling(FeatureScaling scaling) {
        int n = scaling.size();
        log10 = scaling.log10();
        slope = new double[n];
        intercept = new double[n];
        for (int k = 0; k < n; k++) {
            slope[k] = scaling.slope(k);
            intercept[k] = scaling.intercept(k);
        }
    }

    int size() {
        return slope.length;
    }

    double slope(int k) {
        return slope[k];
    }

    double intercept(int k) {
        return intercept[k];
    }

    /** Normalises {@code x} into {@code dst[offset …]}. */
    void normaliseInto(float[] x, float[] dst, int offset) {
        for (int k = 0; k < slope.length; k++) {
            double t = log10[k] ? Math.log10(x[k]) : x[k];
            dst[offset + k] = (float) ((t - intercept[k]) / slope[k]);
        }
    }

    /** Normalises {@code x} into {@code dst[offset …]}. */
    void normaliseInto(double[] x, float[] dst, int offset) {
        for (int k = 0; k < slope.length; k++) {
            double t = log10[k] ? Math.log10(x[k]) : x[k];
            dst[offset + k] = (float) ((t - intercept[k]) / slope[k]);
        }
    }

    /** De-normalises {@code s[offset …]} into {@code dst}. */
    void denormaliseInto(float[] s, int offset, double[] dst) {
        for (int k = 0; k < slope.length; k++) {
            double t = slope[k] * s[offset + k] + intercept[k];
            dst[k] = log10[k] ? Math.pow(10, t) : t;
        }
    }
}
