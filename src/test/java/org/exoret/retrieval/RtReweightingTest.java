package org.exoret.retrieval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.exoret.ExoretException;
import org.exoret.mcmc.LogDensity;
import org.exoret.posterior.Posterior;
import org.junit.jupiter.api.Test;

/** Importance reweighting against closed forms: Gaussians whose likelihoods differ by a known shift. */
class RtReweightingTest {

    private static final int N = 40_000;

    /** N draws of N(0, 1): the "surrogate posterior" of a flat prior and L_S = exp(−x²/2). */
    private static Posterior standardNormalDraws() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(17L);
        ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
        double[][] x = new double[N][1];
        for (double[] row : x) {
            row[0] = normal.sample();
        }
        return Posterior.of(List.of("x"), x);
    }

    private static LogDensity gaussian(double mean) {
        return x -> Arrays.stream(x).mapToDouble(r -> -0.5 * (r[0] - mean) * (r[0] - mean)).toArray();
    }

    @Test
    void shiftedLikelihoodMovesThePosteriorToTheRtOne() {
        // L_RT = exp(−(x − μ)²/2): the RT posterior is N(μ, 1); χ² offset (x − μ)² − x² = μ² − 2μx has mean μ² and
        // standard deviation 2μ over N(0, 1); the weights exp(μx − μ²/2) have (Σw)²/Σw² = N·exp(−μ²)
        double mu = 0.5;
        RtReweighting r = RtReweighting.compute(standardNormalDraws(), gaussian(0), gaussian(mu), N, 3);
        assertEquals(N, r.draws());
        assertEquals(0, r.rejected());
        assertEquals(mu * mu, r.chi2OffsetMean(), 4 * 2 * mu / Math.sqrt(N));
        assertEquals(2 * mu, r.chi2OffsetSd(), 0.02);
        assertEquals(Math.exp(-mu * mu), r.effectiveSampleSize() / N, 0.02);
        assertTrue(r.reliable(), "lognormal weights of spread μ have a light tail: k̂ = " + r.paretoK());
        double[] corrected = r.reweighted().column(0);
        double mean = Arrays.stream(corrected).average().orElseThrow();
        double variance = Arrays.stream(corrected).map(v -> (v - mean) * (v - mean)).sum() / (corrected.length - 1);
        double standardError = 1 / Math.sqrt(r.effectiveSampleSize());
        assertEquals(mu, mean, 4 * standardError, "mean of the corrected posterior");
        assertEquals(1.0, variance, 4 * Math.sqrt(2) * standardError, "variance of the corrected posterior");
    }

    @Test
    void equalLikelihoodsKeepEveryDrawOnce() {
        Posterior draws = standardNormalDraws();
        List<Integer> progress = new java.util.ArrayList<>();
        RtReweighting r = RtReweighting.compute(draws, gaussian(0), gaussian(0), 1000, 5, progress::add);
        assertEquals(List.of(256, 512, 768, 1000), progress, "draws evaluated after each block of RT calls");
        assertEquals(0.0, r.chi2OffsetSd(), 0.0);
        assertEquals(1000, r.effectiveSampleSize(), 1e-6);
        double[] corrected = r.reweighted().column(0);
        assertEquals(1000, Arrays.stream(corrected).distinct().count(), "systematic resampling of equal weights");
        // the same seed selects the same draws
        assertArrayEquals(corrected, RtReweighting.compute(draws, gaussian(0), gaussian(0), 1000, 5).reweighted()
                .column(0), 0.0);
    }

    @Test
    void drawsTheRtRejectsGetNoWeight() {
        LogDensity rejectsNegative = x -> Arrays.stream(x)
                .mapToDouble(r -> r[0] < 0 ? Double.NEGATIVE_INFINITY : -0.5 * r[0] * r[0]).toArray();
        RtReweighting r = RtReweighting.compute(standardNormalDraws(), gaussian(0), rejectsNegative, 2000, 7);
        assertTrue(r.rejected() > 900 && r.rejected() < 1100, "about half rejected: " + r.rejected());
        assertTrue(Arrays.stream(r.reweighted().column(0)).allMatch(v -> v >= 0), "a rejected draw was resampled");
        LogDensity rejectsAll = x -> Arrays.stream(x).mapToDouble(r2 -> Double.NEGATIVE_INFINITY).toArray();
        ExoretException e = assertThrows(ExoretException.class,
                () -> RtReweighting.compute(standardNormalDraws(), gaussian(0), rejectsAll, 100, 7));
        assertTrue(e.getMessage().contains("rejected all 100"), e.getMessage());
        assertThrows(ExoretException.class, () -> RtReweighting.compute(standardNormalDraws(), gaussian(0), gaussian(0),
                0, 7));
    }
}
