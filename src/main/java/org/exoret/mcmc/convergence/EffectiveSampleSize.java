package org.exoret.mcmc.convergence;

import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;

/**
 * Multi-chain effective sample size with Geyer's initial monotone sequence estimator, as Vehtari et al.
 * (2021, Bayesian Analysis 16, 667–718, §3.2) and Stan define it: the combined autocorrelation
 * ρ̂_t = 1 − (W − mean_c(γ̂_{t,c}))/var⁺ is summed over pairs of lags while the pair sums stay positive, the
 * pair sums are made non-increasing, and ESS = mn/τ̂ with τ̂ = −1 + 2Σρ̂_t. Stateless.
 */
public final class EffectiveSampleSize {

    /** Fewest draws per chain. */
    public static final int MIN_DRAWS = 4;

    private EffectiveSampleSize() {
    }

    /**
     * @param chains m ≥ 1 chains of n ≥ 4 draws
     * @return the effective sample size (at most mn·log10(mn)); NaN when all draws are equal
     */
    public static double multiChain(double[][] chains) {
        int n = Chains.check("effective sample size", chains, 1, MIN_DRAWS);
        int m = chains.length;
        double[][] acov = new double[m][];
        double[] means = new double[m];
        double meanVar = 0;
        for (int c = 0; c < m; c++) {
            acov[c] = autocovariance(chains[c]);
            means[c] = Chains.mean(chains[c]);
            meanVar += acov[c][0];
        }
        meanVar = meanVar / m * n / (n - 1.0);
        double varPlus = meanVar * (n - 1.0) / n;
        if (m > 1) {
            varPlus += Chains.variance(means, 1);
        }
        if (!(varPlus > 0)) {
            return Double.NaN;
        }
        double[] rho = new double[n];
        rho[0] = 1.0;
        double even = 1.0;
        double odd = 1.0 - (meanVar - meanLag(acov, 1)) / varPlus;
        rho[1] = odd;
        int t = 1;
        while (t < n - 3 && even + odd > 0) {
            even = 1.0 - (meanVar - meanLag(acov, t + 1)) / varPlus;
            odd = 1.0 - (meanVar - meanLag(acov, t + 2)) / varPlus;
            if (even + odd >= 0) {
                rho[t + 1] = even;
                rho[t + 2] = odd;
            }
            t += 2;
        }
        int maxT = t - 2;
        if (even > 0) {
            rho[maxT + 1] = even;
        }
        // Geyer's initial monotone sequence: pair sums must not increase
        for (t = 1; t <= maxT - 2; t += 2) {
            if (rho[t + 1] + rho[t + 2] > rho[t - 1] + rho[t]) {
                rho[t + 1] = 0.5 * (rho[t - 1] + rho[t]);
                rho[t + 2] = rho[t + 1];
            }
        }
        double total = (double) m * n;
        double sum = 0;
        for (t = 0; t <= maxT; t++) {
            sum += rho[t];
        }
        double tau = -1.0 + 2.0 * sum + rho[maxT + 1];
        tau = Math.max(tau, 1.0 / Math.log10(total));
        return total / tau;
    }

    private static double meanLag(double[][] acov, int lag) {
        double s = 0;
        for (double[] a : acov) {
            s += a[lag];
        }
        return s / acov.length;
    }

    /**
     * Biased autocovariance (divisor n) at lags 0..n−1, by FFT with zero padding (Wiener–Khinchin).
     *
     * @param x one chain
     * @return γ̂_t, t = 0..n−1
     */
    static double[] autocovariance(double[] x) {
        int n = x.length;
        int size = Integer.highestOneBit(2 * n - 1) << 1;
        double mean = Chains.mean(x);
        double[] re = new double[size];
        double[] im = new double[size];
        for (int i = 0; i < n; i++) {
            re[i] = x[i] - mean;
        }
        double[][] data = {re, im};
        FastFourierTransformer.transformInPlace(data, DftNormalization.STANDARD, TransformType.FORWARD);
        for (int i = 0; i < size; i++) {
            re[i] = re[i] * re[i] + im[i] * im[i];
            im[i] = 0;
        }
        FastFourierTransformer.transformInPlace(data, DftNormalization.STANDARD, TransformType.INVERSE);
        double[] acov = new double[n];
        for (int t = 0; t < n; t++) {
            acov[t] = re[t] / n;
        }
        return acov;
    }
}
