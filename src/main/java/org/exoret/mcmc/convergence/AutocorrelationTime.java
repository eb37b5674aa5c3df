package org.exoret.mcmc.convergence;

import org.exoret.ExoretException;

/**
 * Integrated autocorrelation time τ = 1 + 2 Σ_{t≥1} ρ_t with Sokal's automatic window (Sokal 1997, in
 * Functional Integration, NATO ASI Series B 361, 131–192), as emcee computes it (Foreman-Mackey et al. 2013,
 * PASP 125, 306): the autocorrelation function is averaged over chains and the sum is cut at the smallest
 * window M ≥ c·τ(M). The estimate is trusted only when each chain is at least {@code minimumLengthInTaus}·τ
 * long (emcee: 50); shorter chains are refused with the estimate in the message. Stateless.
 *
 * @param tau integrated autocorrelation time, in draws
 * @param window the summation window M
 * @param drawsPerChain n
 * @param chainCount m
 */
public record AutocorrelationTime(double tau, int window, int drawsPerChain, int chainCount) {

    /** Sokal's window factor c used by emcee. */
    public static final double DEFAULT_WINDOW_FACTOR = 5.0;
    /** emcee's default trust threshold: chains at least 50 τ long. */
    public static final double DEFAULT_MINIMUM_LENGTH_IN_TAUS = 50.0;

    /**
     * Estimates τ with emcee's defaults (c = 5, chains ≥ 50 τ).
     *
     * @param chains m ≥ 1 chains of n draws
     * @return the estimate
     */
    public static AutocorrelationTime estimate(double[][] chains) {
        return estimate(chains, DEFAULT_WINDOW_FACTOR, DEFAULT_MINIMUM_LENGTH_IN_TAUS);
    }

    /**
     * @param chains m ≥ 1 chains of n ≥ 4 draws
     * @param windowFactor Sokal's c, positive
     * @param minimumLengthInTaus refuse when n &lt; this·τ
     * @return the estimate
     */
    public static AutocorrelationTime estimate(double[][] chains, double windowFactor, double minimumLengthInTaus) {
        int n = Chains.check("autocorrelation time", chains, 1, EffectiveSampleSize.MIN_DRAWS);
        ExoretException.requirePositive("window factor", windowFactor);
        double[] rho = new double[n];
        for (double[] chain : chains) {
            double[] acov = EffectiveSampleSize.autocovariance(chain);
            if (!(acov[0] > 0)) {
                throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT,
                        "autocorrelation time: a chain has zero variance (all draws equal)");
            }
            for (int t = 0; t < n; t++) {
                rho[t] += acov[t] / acov[0] / chains.length;
            }
        }
        double tau = 1.0;
        int window = n - 1;
        for (int mw = 1; mw < n; mw++) {
            tau += 2 * rho[mw];
            if (mw >= windowFactor * tau) {
                window = mw;
                break;
            }
        }
        if (n < minimumLengthInTaus * tau) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "chains of " + n + " draws are shorter than "
                    + minimumLengthInTaus + " times the autocorrelation time estimate " + tau + "; run at least "
                    + (long) Math.ceil(minimumLengthInTaus * tau) + " draws per chain");
        }
        return new AutocorrelationTime(tau, window, n, chains.length);
    }

    /** @return the effective sample size m·n/τ */
    public double effectiveSampleSize() {
        return chainCount * (double) drawsPerChain / tau;
    }
}
