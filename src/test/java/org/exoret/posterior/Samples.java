package org.exoret.posterior;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/** Seeded test draws. */
final class Samples {

    private Samples() {
    }

    static double[] normal(long seed, int n, double mean, double sigma) {
        ZigguratSampler.NormalizedGaussian z = gaussian(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = mean + sigma * z.sample();
        }
        return x;
    }

    static ZigguratSampler.NormalizedGaussian gaussian(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        return ZigguratSampler.NormalizedGaussian.of(rng);
    }

    /** One-parameter posterior in a single chain. */
    static Posterior single(String name, double[] x) {
        double[][] s = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            s[i] = new double[] {x[i]};
        }
        return Posterior.of(List.of(name), s);
    }

    /**
     * A one-parameter posterior from {@code chains} independent AR(1) chains of stationary N(mean, 1) with lag-1
     * correlation rho, stored interleaved as a population sampler writes them.
     */
    static Posterior ar1(long seed, int chains, int perChain, double rho, double mean) {
        ZigguratSampler.NormalizedGaussian z = gaussian(seed);
        double[][] s = new double[chains * perChain][];
        int[] id = new int[s.length];
        double[] state = new double[chains];
        for (int c = 0; c < chains; c++) {
            state[c] = z.sample();
        }
        double innovation = Math.sqrt(1 - rho * rho);
        for (int t = 0; t < perChain; t++) {
            for (int c = 0; c < chains; c++) {
                state[c] = rho * state[c] + innovation * z.sample();
                s[t * chains + c] = new double[] {mean + state[c]};
                id[t * chains + c] = c;
            }
        }
        return new Posterior(List.of("x"), List.of(""), List.of("x"), s, id, null);
    }
}
