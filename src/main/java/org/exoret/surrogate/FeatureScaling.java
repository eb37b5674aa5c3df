package org.exoret.surrogate;

import java.util.Arrays;
import org.exoret.ExoretException;

/**
 * MARGE's normalisation of one group of features (the inputs θ, or the spectral channels): optionally
 * {@code t = log10(x)} per feature, standardise {@code z = (t − mean)/σ} with training statistics, then scale to
 * [−1, 1] with the training extremes, {@code s = 2(z − z_min)/(z_max − z_min) − 1} (Himes et al. 2022, PSJ 3, 91,
 * §2.2). The composition is affine in t; a feature that is constant in training maps to 0 and back to its mean.
 * Immutable; arrays are copied in and out.
 *
 * @param log10 whether feature k is log-scaled first
 * @param mean mean of t per feature over the training split
 * @param std population standard deviation of t per feature (1 where the feature is constant)
 * @param min minimum of t per feature over the training split
 * @param max maximum of t per feature over the training split
 */
public record FeatureScaling(boolean[] log10, double[] mean, double[] std, double[] min, double[] max) {

    /** Validates and copies. */
    public FeatureScaling {
        log10 = log10.clone();
        mean = mean.clone();
        std = std.clone();
        min = min.clone();
        max = max.clone();
        int n = log10.length;
        if (mean.length != n || std.length != n || min.length != n || max.length != n) {
            throw new ExoretException(ExoretException.Kind.MISMATCH, "feature scaling arrays disagree in length: "
                    + n + ", " + mean.length + ", " + std.length + ", " + min.length + ", " + max.length);
        }
        for (int k = 0; k < n; k++) {
            if (!(Double.isFinite(mean[k]) && std[k] > 0 && Double.isFinite(std[k]) && min[k] <= max[k])) {
                throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "feature " + k
                        + " has invalid statistics: mean " + mean[k] + ", std " + std[k] + ", range [" + min[k] + ", " + max[k] + "]");
            }
        }
    }

    /** @return the number of features */
    public int size() {
        return log10.length;
    }

    /** @return whether any feature is log-scaled */
    public boolean anyLog() {
        for (boolean b : log10) {
            if (b) {
                return true;
            }
        }
        return false;
    }

    /**
     * Slope a of the affine map {@code t = a·s + b} for feature k (t is x itself when not log-scaled).
     *
     * @param k feature index
     * @return a
     */
    public double slope(int k) {
        double zMin = (min[k] - mean[k]) / std[k];
        double zMax = (max[k] - mean[k]) / std[k];
        double half = zMax > zMin ? (zMax - zMin) / 2 : 1;
        return half * std[k];
    }

    /**
     * Intercept b of {@code t = a·s + b} for feature k.
     *
     * @param k feature index
     * @return b
     */
    public double intercept(int k) {
        double zMin = (min[k] - mean[k]) / std[k];
        double zMax = (max[k] - mean[k]) / std[k];
        double centre = zMax > zMin ? (zMax + zMin) / 2 : 0;
        return mean[k] + centre * std[k];
    }

    /**
     * Normalises one feature.
     *
     * @param k feature index
     * @param x physical value (positive where log-scaled)
     * @return the value in normalised units
     */
    public double normalise(int k, double x) {
        double t = log10[k] ? Math.log10(x) : x;
        double zMin = (min[k] - mean[k]) / std[k];
        double zMax = (max[k] - mean[k]) / std[k];
        double z = (t - mean[k]) / std[k];
        return zMax > zMin ? 2 * (z - zMin) / (zMax - zMin) - 1 : 0;
    }

    /**
     * Inverse of {@link #normalise(int, double)}.
     *
     * @param k feature index
     * @param s normalised value
     * @return the physical value
     */
    public double denormalise(int k, double s) {
        double t = slope(k) * s + intercept(k);
        return log10[k] ? Math.pow(10, t) : t;
    }

    /**
     * @param x physical feature vector
     * @return normalised vector
     */
    public double[] normalise(double[] x) {
        requireSize(x.length);
        double[] s = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            s[k] = normalise(k, x[k]);
        }
        return s;
    }

    /**
     * @param s normalised vector
     * @return physical vector
     */
    public double[] denormalise(double[] s) {
        requireSize(s.length);
        double[] x = new double[s.length];
        for (int k = 0; k < s.length; k++) {
            x[k] = denormalise(k, s[k]);
        }
        return x;
    }

    private void requireSize(int n) {
        if (n != size()) {
            throw new ExoretException(ExoretException.Kind.MISMATCH, "vector has " + n + " features, the scaling " + size());
        }
    }

    @Override
    public boolean[] log10() {
        return log10.clone();
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] std() {
        return std.clone();
    }

    @Override
    public double[] min() {
        return min.clone();
    }

    @Override
    public double[] max() {
        return max.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureScaling f && Arrays.equals(log10, f.log10) && Arrays.equals(mean, f.mean)
                && Arrays.equals(std, f.std) && Arrays.equals(min, f.min) && Arrays.equals(max, f.max);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(mean) * 31 + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return "FeatureScaling[" + size() + " features, log10 " + anyLog() + "]";
    }
}
