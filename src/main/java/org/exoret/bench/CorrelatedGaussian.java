package org.exoret.bench;

import org.exoret.mcmc.LogDensity;

/**
 * The standard sampler benchmark target: a zero-mean d-dimensional Gaussian with unit variances and equal
 * correlation ρ between every pair, Σ = (1−ρ)I + ρ11ᵀ, whose inverse is [I − ρ/(1+(d−1)ρ) 11ᵀ]/(1−ρ).
 * Log density −½ xᵀΣ⁻¹x (unnormalised). Allocation-free through {@link #logDensity(double[][], double[])};
 * immutable and thread-safe.
 *
 * @param dimension d ≥ 1
 * @param rho pairwise correlation, in (−1/(d−1), 1)
 */
public record CorrelatedGaussian(int dimension, double rho) implements LogDensity {

    /**
     * @param i row
     * @param j column
     * @return Σ_ij
     */
    public double covariance(int i, int j) {
        return i == j ? 1.0 : rho;
    }

    @Override
    public double[] logDensity(double[][] x) {
        double[] out = new double[x.length];
        logDensity(x, out);
        return out;
    }

    @Override
    public int logDensity(double[][] x, double[] out) {
        double c = rho / (1 + (dimension - 1) * rho);
        for (int i = 0; i < x.length; i++) {
            double sum = 0;
            double sq = 0;
            for (double v : x[i]) {
                sum += v;
                sq += v * v;
            }
            out[i] = -0.5 * (sq - c * sum * sum) / (1 - rho);
        }
        return x.length;
    }
}
