package org.exoret.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.exoret.ExoretException;
import org.exoret.testmodel.GaussianLineModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelDensityDesignTest {

    private static final ParameterSpace BOX = new ParameterSpace(List.of("a", "b"), List.of("", "dex"),
            new double[] {-10, -10}, new double[] {10, 10});

    /** n draws of a = N(1, 0.5²), b = N(−2, 1.5²). */
    private static double[][] gaussianSamples(int n) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(4L);
        ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
        double[][] s = new double[n][];
        for (int i = 0; i < n; i++) {
            s[i] = new double[] {1 + 0.5 * normal.sample(), -2 + 1.5 * normal.sample()};
        }
        return s;
    }

    private static double[] column(double[][] x, int k) {
        return java.util.Arrays.stream(x).mapToDouble(r -> r[k]).toArray();
    }

    @Test
    void bandwidthFollowsSilvermansRule() {
        double[][] samples = gaussianSamples(2000);
        KernelDensityDesign kde = KernelDensityDesign.of(samples, BOX);
        double factor = Math.pow(4.0 / (4 * 2000), 1.0 / 6);
        for (int k = 0; k < 2; k++) {
            assertEquals(factor * new StandardDeviation().evaluate(column(samples, k)), kde.bandwidth()[k], 1e-12);
        }
    }

    @Test
    void pointsHaveTheKernelDensitysMeanAndVariance() {
        double[][] samples = gaussianSamples(2000);
        KernelDensityDesign kde = KernelDensityDesign.of(samples, BOX);
        int n = 40000;
        double[][] x = kde.points(BOX, 3, 0, n);
        for (int k = 0; k < 2; k++) {
            double[] s = column(samples, k);
            double[] v = column(x, k);
            double sampleVariance = new org.apache.commons.math3.stat.descriptive.moment.Variance(false).evaluate(s);
            // a draw is a uniformly chosen sample plus N(0, h²): mean of the samples, variance of the samples + h²
            double variance = sampleVariance + kde.bandwidth()[k] * kde.bandwidth()[k];
            double mean = java.util.Arrays.stream(s).average().orElseThrow();
            assertEquals(mean, java.util.Arrays.stream(v).average().orElseThrow(), 4 * Math.sqrt(variance / n));
            assertEquals(variance, new org.apache.commons.math3.stat.descriptive.moment.Variance(false).evaluate(v),
                    4 * variance * Math.sqrt(2.0 / n));
        }
    }

    @Test
    void pointIDependsOnlyOnSeedAndIndexAndStaysInTheBox() {
        ParameterSpace tight = new ParameterSpace(List.of("a", "b"), List.of("", "dex"),
                new double[] {0.5, -3}, new double[] {1.5, 0});
        double[][] inside = java.util.Arrays.stream(gaussianSamples(500))
                .filter(r -> r[0] >= 0.5 && r[0] <= 1.5 && r[1] >= -3 && r[1] <= 0).toArray(double[][]::new);
        KernelDensityDesign kde = KernelDensityDesign.of(inside, tight);
        double[][] all = kde.points(tight, 8, 0, 300);
        double[][] tail = kde.points(tight, 8, 200, 100);
        for (int i = 0; i < 100; i++) {
            assertArrayEquals(all[200 + i], tail[i], 0.0, "point " + (200 + i));
        }
        for (double[] p : all) {
            assertTrue(p[0] >= 0.5 && p[0] <= 1.5 && p[1] >= -3 && p[1] <= 0, java.util.Arrays.toString(p));
        }
        assertTrue(!java.util.Arrays.equals(all[0], kde.points(tight, 9, 0, 1)[0]), "another seed, other points");
    }

    @Test
    void badSamplesAreRefused() {
        assertEquals(ExoretException.Kind.INVALID_ARGUMENT, assertThrows(ExoretException.class,
                () -> KernelDensityDesign.of(new double[][] {{0, 0}, {11, 0}}, BOX)).kind());
        assertEquals(ExoretException.Kind.MISMATCH, assertThrows(ExoretException.class,
                () -> KernelDensityDesign.of(new double[][] {{0, 0}, {1, 1, 1}}, BOX)).kind());
        ExoretException repeated = assertThrows(ExoretException.class,
                () -> KernelDensityDesign.of(new double[][] {{1, 2}, {1, 2}, {1, 2}}, BOX));
        assertTrue(repeated.getMessage().contains("two distinct"), repeated.getMessage());
        ExoretException nan = assertThrows(ExoretException.class,
                () -> KernelDensityDesign.of(new double[][] {{0, Double.NaN}, {1, 1}}, BOX));
        assertTrue(nan.getMessage().contains("b = NaN"), nan.getMessage());
    }

    @Test
    void focusedGenerationResumesOnlyWithTheSameSamples(@TempDir Path dir) {
        GaussianLineModel model = new GaussianLineModel(40);
        ParameterSpace space = GaussianLineModel.space();
        double[][] centres = Design.SOBOL.points(space, 1, 0, 50);
        KernelDensityDesign kde = KernelDensityDesign.of(centres, space);
        GenerationPlan plan = new GenerationPlan(120, 2, Design.KERNEL_DENSITY, 40, 10, 1);
        TrainingSetGenerator focused = new TrainingSetGenerator(model, space, "h").withKernelDensity(kde);
        focused.generate(dir.resolve("a"), plan, GenerationListener.NONE);
        TrainingSet set = TrainingSet.open(dir.resolve("a"));
        assertEquals(Design.KERNEL_DENSITY, set.header().design());
        assertEquals(kde.samplesHash(), set.header().designSamplesHash());
        float[] theta = new float[4];
        set.readParameters(0, theta);
        double[] expected = kde.points(space, 2, set.sampleIndex(0), 1)[0];
        for (int k = 0; k < 4; k++) {
            assertEquals((float) expected[k], theta[k], 0f);
        }
        KernelDensityDesign other = KernelDensityDesign.of(Design.SOBOL.points(space, 2, 0, 50), space);
        ExoretException e = assertThrows(ExoretException.class, () -> new TrainingSetGenerator(model, space, "h")
                .withKernelDensity(other).generate(dir.resolve("a"), plan, GenerationListener.NONE));
        assertEquals(ExoretException.Kind.MISMATCH, e.kind());
        assertTrue(e.getMessage().contains("design samples"), e.getMessage());
        ExoretException missing = assertThrows(ExoretException.class, () -> new TrainingSetGenerator(model, space, "h")
                .generate(dir.resolve("b"), plan, GenerationListener.NONE));
        assertTrue(missing.getMessage().contains("--focus"), missing.getMessage());
    }
}
