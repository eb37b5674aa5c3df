package org.exoret.mcmc.convergence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.exoret.ExoretException;
import org.junit.jupiter.api.Test;

/**
 * Estimators against an AR(1) process x_t = φx_{t−1} + √(1−φ²)ε_t, whose integrated autocorrelation time
 * is exactly τ = (1+φ)/(1−φ) (Sokal 1997, §3), so ESS = mn(1−φ)/(1+φ).
 */
class ConvergenceDiagnosticsTest {

    /** Relative tolerance on τ and ESS for chains of 10⁴ draws (the estimators' own error is a few per cent). */
    private static final double RELATIVE = 0.15;

    static double[][] ar1(int chains, int n, double phi, double[] offsets, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ContinuousSampler g = ZigguratSampler.NormalizedGaussian.of(rng);
        double[][] x = new double[chains][n];
        double s = Math.sqrt(1 - phi * phi);
        for (int c = 0; c < chains; c++) {
            double v = g.sample();
            for (int t = 0; t < n; t++) {
                v = phi * v + s * g.sample();
                x[c][t] = v + offsets[c];
            }
        }
        return x;
    }

    @Test
    void autocorrelationTimeAndEssOfAr1() {
        double phi = 0.8;
        double tau = (1 + phi) / (1 - phi);
        double[][] x = ar1(4, 10000, phi, new double[4], 3);
        AutocorrelationTime act = AutocorrelationTime.estimate(x);
        assertEquals(tau, act.tau(), RELATIVE * tau);
        double ess = 4 * 10000 / tau;
        assertEquals(ess, act.effectiveSampleSize(), RELATIVE * ess);
        assertEquals(ess, EffectiveSampleSize.multiChain(x), RELATIVE * ess);
        assertEquals(ess, RankNormalized.essBulk(x), RELATIVE * ess);
        // the indicator of a 5 % tail decorrelates faster than x itself, so tail ESS is at least comparable
        assertTrue(RankNormalized.essTail(x) > 0.5 * ess, "tail ESS " + RankNormalized.essTail(x));
    }

    @Test
    void rhatIsOneForMixedChainsAndLargeForShiftedOnes() {
        double[][] mixed = ar1(4, 2000, 0.5, new double[4], 5);
        assertEquals(1.0, GelmanRubin.psrf(mixed), 0.01);
        assertEquals(1.0, RankNormalized.splitRhat(mixed), 0.01);
        double[][] shifted = ar1(4, 2000, 0.5, new double[] {0, 0, 0, 1.5}, 5);
        assertTrue(GelmanRubin.psrf(shifted) > 1.1, "Gelman-Rubin misses a shifted chain");
        assertTrue(RankNormalized.splitRhat(shifted) > 1.1, "split R-hat misses a shifted chain");
    }

    @Test
    void splitRhatSeesATrendWithinChains() {
        // every chain drifts the same way: between-chain R̂ cannot see it, split-R̂ can (Vehtari et al. 2021, §3.1)
        double[][] x = ar1(4, 2000, 0.5, new double[4], 9);
        for (double[] chain : x) {
            for (int t = 0; t < chain.length; t++) {
                chain[t] += 3.0 * t / chain.length;
            }
        }
        assertTrue(GelmanRubin.psrf(x) < 1.05, "Gelman-Rubin " + GelmanRubin.psrf(x));
        assertTrue(RankNormalized.splitRhat(x) > 1.1, "split R-hat " + RankNormalized.splitRhat(x));
    }

    @Test
    void mc3GelmanRubinMatchesHandComputation() {
        // two chains {0, 2} and {4, 6}: W = 1, B = 2·8 = 16 (n/(m−1)·Σ(ȳ−ȳ̄)² = 2·(4+4)), V = ½ + 16·3/4 = 12.5
        double r = GelmanRubin.psrf(new double[][] {{0, 2}, {4, 6}});
        assertEquals(Math.sqrt(12.5), r, 1e-12);
    }

    @Test
    void tooShortChainsAreRefused() {
        double[][] shortChains = ar1(2, 6, 0.5, new double[2], 1);
        ExoretException e = assertThrows(ExoretException.class, () -> RankNormalized.splitRhat(shortChains));
        assertTrue(e.getMessage().contains("at least 8 draws per chain, got 6"), e.getMessage());
        assertThrows(ExoretException.class, () -> GelmanRubin.psrf(new double[][] {{1, 2, 3}}));
        double[][] correlated = ar1(2, 300, 0.95, new double[2], 1);
        ExoretException act = assertThrows(ExoretException.class, () -> AutocorrelationTime.estimate(correlated));
        assertTrue(act.getMessage().contains("shorter than 50.0 times the autocorrelation time estimate"), act.getMessage());
        assertThrows(ExoretException.class, () -> GelmanRubin.psrf(new double[][] {{1, Double.NaN}, {1, 2}}));
    }
}
