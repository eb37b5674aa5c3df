package org.exoret.mcmc.convergence;

import org.exoret.ExoretException;

/** Shared checks and small statistics on {@code chains[m][n]} arrays. */
final class Chains {

    private Chains() {
    }

    /**
     * Checks shape and values.
     *
     * @param estimator name shown in messages
     * @param chains the draws
     * @param minChains fewest chains
     * @param minDraws fewest draws per chain
     * @return the common chain length
     */
    static int check(String estimator, double[][] chains, int minChains, int minDraws) {
        if (chains.length < minChains) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT,
                    estimator + " needs at least " + minChains + " chains, got " + chains.length);
        }
        int n = chains[0].length;
        for (int c = 0; c < chains.length; c++) {
            if (chains[c].length != n) {
                throw new ExoretException(ExoretException.Kind.MISMATCH,
                        estimator + " needs chains of equal length: chain 0 has " + n + " draws, chain " + c + " has " + chains[c].length);
            }
            for (double v : chains[c]) {
                if (!Double.isFinite(v)) {
                    throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT,
                            estimator + ": chain " + c + " holds a non-finite value " + v);
                }
            }
        }
        if (n < minDraws) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT,
                    estimator + " needs at least " + minDraws + " draws per chain, got " + n + "; run the chains longer");
        }
        return n;
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    /** Sample variance with divisor n − ddof. */
    static double variance(double[] x, int ddof) {
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return s / (x.length - ddof);
    }
}
