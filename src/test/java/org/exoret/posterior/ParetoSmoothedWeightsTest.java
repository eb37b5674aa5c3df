package org.exoret.posterior;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.exoret.ExoretException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Pareto smoothing against known tails: GPD samples, and Gaussian proposals for Gaussian targets. */
class ParetoSmoothedWeightsTest {

    /** The Zhang–Stephens estimate recovers a GPD's shape and scale from its own samples (inverse-CDF draws). */
    @ParameterizedTest
    @CsvSource({"0.2, 1.0", "0.5, 3.0", "0.8, 0.5", "-0.3, 2.0"})
    void fitRecoversTheShapeAndScaleOfGeneralizedParetoSamples(double k, double sigma) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(11L);
        double[] x = new double[20_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = sigma * Math.expm1(-k * Math.log(1 - rng.nextDouble())) / k;
        }
        Arrays.sort(x);
        double[] fit = ParetoSmoothedWeights.fitGeneralizedPareto(x);
        assertEquals(k, fit[0], 0.04, "shape");
        assertEquals(sigma, fit[1], 0.05 * sigma, "scale");
    }

    /**
     * Draws of N(0, 1) weighted towards N(0, s²): the weights exp(x²(1 − 1/s²)/2)/s have a Pareto tail of shape
     * k = 1 − 1/s² when s &gt; 1 (P(w &gt; t) falls as t^(−1/k)), and are bounded when s &lt; 1. With s = 3 the
     * proposal is too narrow for any reweighting to be trusted, and the diagnostic says so.
     */
    @ParameterizedTest
    @CsvSource({"1.2, 0.306", "1.414213562, 0.5", "3.0, 0.889"})
    void gaussianProposalsForWiderTargetsHaveTheirKnownParetoShape(double s, double k) {
        double[] x = standardNormal(10_000, 5L);
        double[] logRatio = Arrays.stream(x).map(v -> 0.5 * v * v * (1 - 1 / (s * s)) - Math.log(s)).toArray();
        ParetoSmoothedWeights w = ParetoSmoothedWeights.of(logRatio);
        assertEquals(300, w.tailLength(), "⌈min(0.2 S, 3√S)⌉ for S = 10⁴");
        // the tail is Pareto only up to a logarithmic factor, so at 10⁴ draws k̂ still sits 0.03–0.13 below k
        assertEquals(k, w.paretoK(), 0.15, "k̂ for s = " + s);
        assertTrue(w.paretoK() < k, "pre-asymptotic k̂ lies below k");
        assertEquals(k <= ParetoSmoothedWeights.kThreshold(10_000), w.reliable());
    }

    @Test
    void boundedWeightsAreLeftAlmostUnchangedAndEstimateTheTargetsMoment() {
        double s = 0.7;
        double[] x = standardNormal(10_000, 9L);
        double[] logRatio = Arrays.stream(x).map(v -> 0.5 * v * v * (1 - 1 / (s * s))).toArray();
        ParetoSmoothedWeights smoothed = ParetoSmoothedWeights.of(logRatio);
        assertTrue(smoothed.paretoK() < 0, "a bounded tail has k < 0: " + smoothed.paretoK());
        assertTrue(smoothed.reliable());
        double[] w = smoothed.weights();
        double secondMoment = 0;
        for (int i = 0; i < x.length; i++) {
            secondMoment += w[i] * x[i] * x[i];
        }
        assertEquals(s * s, secondMoment, 4 * s * s * Math.sqrt(2 / smoothed.effectiveSampleSize()), "E[x²] = s²");
        double[] raw = Arrays.stream(logRatio).map(Math::exp).toArray();
        double sum = Arrays.stream(raw).sum();
        for (int i = 0; i < w.length; i++) {
            assertEquals(raw[i] / sum, w[i], 0.2 * raw[i] / sum, "draw " + i);
        }
    }

    @Test
    void oneOutlierNoLongerTakesMostOfTheWeight() {
        double[] logRatio = Arrays.stream(standardNormal(1500, 3L)).map(v -> 0.5 * v).toArray();
        logRatio[700] = 5;
        double rawLargest = Math.exp(5) / Arrays.stream(logRatio).map(Math::exp).sum();
        ParetoSmoothedWeights w = ParetoSmoothedWeights.of(logRatio);
        double largest = Arrays.stream(w.weights()).max().orElseThrow();
        assertEquals(largest, w.weights()[700], 0.0, "the outlier keeps the largest weight");
        assertTrue(largest < rawLargest / 2, "smoothed " + largest + " vs raw " + rawLargest);
        assertEquals(1, Arrays.stream(w.weights()).sum(), 1e-12);
    }

    @Test
    void rejectedDrawsGetNoWeightAndEqualWeightsStayEqual() {
        double[] logRatio = new double[100];
        logRatio[3] = Double.NEGATIVE_INFINITY;
        ParetoSmoothedWeights w = ParetoSmoothedWeights.of(logRatio);
        assertEquals(0, w.weights()[3], 0.0);
        assertEquals(Double.NEGATIVE_INFINITY, w.paretoK(), "equal weights: a bounded tail");
        assertTrue(w.reliable());
        double[] expected = new double[100];
        Arrays.fill(expected, 1 / 99.0);
        expected[3] = 0;
        assertArrayEquals(expected, w.weights(), 1e-15);
    }

    @Test
    void rejectedDrawsDoNotCountTowardsTheThreshold() {
        double[] logRatio = Arrays.stream(standardNormal(1000, 4L)).map(v -> 0.3 * v).toArray();
        Arrays.fill(logRatio, 500, 1000, Double.NEGATIVE_INFINITY);
        ParetoSmoothedWeights w = ParetoSmoothedWeights.of(logRatio);
        assertEquals(ParetoSmoothedWeights.kThreshold(500), w.threshold(), 0.0);
        assertEquals(68, w.tailLength(), "⌈min(0.2 × 500, 3√500 = 67.08)⌉");
    }

    @Test
    void tiesAtTheCutoffGiveNoFitAndAreNotCalledReliable() {
        double[] logRatio = new double[1000];
        for (int i = 990; i < 1000; i++) {
            logRatio[i] = 1 + 0.1 * (i - 990);
        }
        ParetoSmoothedWeights w = ParetoSmoothedWeights.of(logRatio);
        assertEquals(Double.POSITIVE_INFINITY, w.paretoK(), "most of the 95 tail weights equal the cutoff");
        assertFalse(w.reliable());
        double sum = Arrays.stream(logRatio).map(Math::exp).sum();
        assertEquals(Math.exp(1.9) / sum, w.weights()[999], 1e-15, "left unsmoothed");
    }

    @Test
    void tooFewDrawsAreNotSmoothedAndNotCalledReliable() {
        double[] logRatio = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        ParetoSmoothedWeights w = ParetoSmoothedWeights.of(logRatio);
        assertTrue(Double.isNaN(w.paretoK()));
        assertFalse(w.reliable());
        double sum = Arrays.stream(logRatio).map(Math::exp).sum();
        assertEquals(Math.exp(9) / sum, w.weights()[9], 1e-15);
    }

    @Test
    void badRatiosAreRefused() {
        assertThrows(ExoretException.class, () -> ParetoSmoothedWeights.of(new double[] {0, Double.NaN}));
        assertThrows(ExoretException.class, () -> ParetoSmoothedWeights.of(new double[] {0, Double.POSITIVE_INFINITY}));
        ExoretException none = assertThrows(ExoretException.class, () -> ParetoSmoothedWeights.of(
                new double[] {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY}));
        assertTrue(none.getMessage().contains("every one of the 2"), none.getMessage());
    }

    @Test
    void thresholdFollowsTheSampleSize() {
        assertEquals(0.5, ParetoSmoothedWeights.kThreshold(100), 1e-12);
        assertEquals(0.7, ParetoSmoothedWeights.kThreshold(1_000_000), 1e-12);
        assertEquals(1 - 1 / Math.log10(1500), ParetoSmoothedWeights.kThreshold(1500), 1e-12);
    }

    private static double[] standardNormal(int n, long seed) {
        ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(
                RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
        double[] x = new double[n];
        Arrays.setAll(x, i -> normal.sample());
        return x;
    }
}
