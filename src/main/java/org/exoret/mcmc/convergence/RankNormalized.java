package org.exoret.mcmc.convergence;

import java.util.Arrays;
import org.apache.commons.math3.special.Erf;

/**
 * Rank-normalised split-R̂ and bulk/tail effective sample size of Vehtari, Gelman, Simpson, Carpenter &amp;
 * Bürkner (2021, Bayesian Analysis 16, 667–718). Chains are split in halves (the middle draw of an odd length
 * is dropped), draws are replaced by normal scores z = Φ⁻¹((r − 3/8)/(S + 1/4)) of their pooled ranks r
 * (average ranks for ties), and the classic R̂ and the multi-chain ESS with Geyer's initial monotone sequence
 * are computed on the result. Stateless.
 */
public final class RankNormalized {

    /** Fewest draws per chain (each half then holds four). */
    public static final int MIN_DRAWS = 8;

    private RankNormalized() {
    }

    /**
     * @param chains m ≥ 1 chains of n ≥ 8 draws
     * @return max(bulk R̂, folded tail R̂) (Vehtari et al. 2021, §4.1); below 1.01 is their recommended threshold
     */
    public static double splitRhat(double[][] chains) {
        Chains.check("split R-hat", chains, 1, MIN_DRAWS);
        double[][] split = split(chains);
        double bulk = rhat(normalScores(split));
        double median = quantile(split, 50);
        double[][] folded = new double[split.length][];
        for (int c = 0; c < split.length; c++) {
            folded[c] = new double[split[c].length];
            for (int i = 0; i < split[c].length; i++) {
                folded[c][i] = Math.abs(split[c][i] - median);
            }
        }
        double tail = rhat(normalScores(folded));
        return Math.max(bulk, tail);
    }

    /**
     * @param chains m ≥ 1 chains of n ≥ 8 draws
     * @return bulk effective sample size: ESS of the rank-normalised split chains
     */
    public static double essBulk(double[][] chains) {
        Chains.check("bulk ESS", chains, 1, MIN_DRAWS);
        return EffectiveSampleSize.multiChain(normalScores(split(chains)));
    }

    /**
     * @param chains m ≥ 1 chains of n ≥ 8 draws
     * @return tail effective sample size: the smaller ESS of the indicators I(θ ≤ q₀.₀₅) and I(θ ≤ q₀.₉₅) on
     *     the split chains
     */
    public static double essTail(double[][] chains) {
        Chains.check("tail ESS", chains, 1, MIN_DRAWS);
        double[][] split = split(chains);
        double q05 = quantile(split, 5);
        double q95 = quantile(split, 95);
        return Math.min(EffectiveSampleSize.multiChain(indicator(split, q05)),
                EffectiveSampleSize.multiChain(indicator(split, q95)));
    }

    /** Splits each chain into its first and last ⌊n/2⌋ draws. */
    static double[][] split(double[][] chains) {
        int half = chains[0].length / 2;
        double[][] s = new double[2 * chains.length][];
        for (int c = 0; c < chains.length; c++) {
            s[2 * c] = Arrays.copyOfRange(chains[c], 0, half);
            s[2 * c + 1] = Arrays.copyOfRange(chains[c], chains[c].length - half, chains[c].length);
        }
        return s;
    }

    /** The classic (non-split) R̂ with variance divisor n − 1 (Vehtari et al. 2021, eq. 3–4). */
    static double rhat(double[][] chains) {
        int m = chains.length;
        int n = chains[0].length;
        double w = 0;
        double[] means = new double[m];
        for (int c = 0; c < m; c++) {
            w += Chains.variance(chains[c], 1);
            means[c] = Chains.mean(chains[c]);
        }
        w /= m;
        double b = n * Chains.variance(means, 1);
        double varPlus = (n - 1.0) / n * w + b / n;
        return Math.sqrt(varPlus / w);
    }

    /** Normal scores of pooled average ranks (Blom's offset 3/8). */
    static double[][] normalScores(double[][] chains) {
        double[] sorted = pooledSorted(chains);
        int total = sorted.length;
        double[][] z = new double[chains.length][];
        for (int c = 0; c < chains.length; c++) {
            z[c] = new double[chains[c].length];
            for (int i = 0; i < chains[c].length; i++) {
                double v = chains[c][i];
                int lo = firstIndex(sorted, v, false);
                int hi = firstIndex(sorted, v, true);
                double rank = 0.5 * (lo + 1 + hi); // average 1-based rank of the tie group [lo, hi)
                double p = (rank - 0.375) / (total + 0.25);
                z[c][i] = Math.sqrt(2) * Erf.erfInv(2 * p - 1);
            }
        }
        return z;
    }

    private static double[] pooledSorted(double[][] chains) {
        double[] all = Arrays.stream(chains).flatMapToDouble(Arrays::stream).toArray();
        Arrays.sort(all);
        return all;
    }

    /** First index whose value is ≥ v (or &gt; v when {@code strictly}) in an ascending array. */
    private static int firstIndex(double[] sorted, double v, boolean strictly) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v || (strictly && sorted[mid] == v)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static double[][] indicator(double[][] chains, double threshold) {
        double[][] ind = new double[chains.length][];
        for (int c = 0; c < chains.length; c++) {
            ind[c] = new double[chains[c].length];
            for (int i = 0; i < chains[c].length; i++) {
                ind[c][i] = chains[c][i] <= threshold ? 1 : 0;
            }
        }
        return ind;
    }

    /** Pooled quantile with linear interpolation between order statistics (NumPy's default, Hyndman–Fan type 7). */
    private static double quantile(double[][] chains, double percent) {
        double[] sorted = pooledSorted(chains);
        double h = (sorted.length - 1) * percent / 100.0;
        int k = (int) Math.floor(h);
        return k + 1 < sorted.length ? sorted[k] + (h - k) * (sorted[k + 1] - sorted[k]) : sorted[k];
    }
}
