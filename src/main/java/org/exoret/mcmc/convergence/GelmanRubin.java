package org.exoret.mcmc.convergence;

/**
 * The Gelman–Rubin potential scale reduction factor (Gelman &amp; Rubin 1992, Statistical Science 7, 457–472)
 * exactly as MC3 reports it (Cubillos et al. 2017, AJ 153, 3; mc3.stats.gelman_rubin): with m chains of n
 * draws, W = mean of the within-chain variances (divisor n), B = n/(m−1) Σ(ȳ_c − ȳ)², V = W(n−1)/n + B(m+1)/(mn),
 * R̂ = √(V/W). Stateless.
 */
public final class GelmanRubin {

    /** Fewest draws per chain. */
    public static final int MIN_DRAWS = 2;

    private GelmanRubin() {
    }

    /**
     * @param chains m ≥ 2 chains of n ≥ 2 draws of one parameter
     * @return R̂ (1 at convergence); NaN when every draw is equal
     */
    public static double psrf(double[][] chains) {
        int n = Chains.check("Gelman-Rubin R-hat", chains, 2, MIN_DRAWS);
        int m = chains.length;
        double w = 0;
        double[] means = new double[m];
        for (int c = 0; c < m; c++) {
            w += Chains.variance(chains[c], 0);
            means[c] = Chains.mean(chains[c]);
        }
        w /= m;
        double b = n * Chains.variance(means, 1);
        double v = w * (n - 1.0) / n + b * (m + 1.0) / (m * (double) n);
        return Math.sqrt(v / w);
    }
}
