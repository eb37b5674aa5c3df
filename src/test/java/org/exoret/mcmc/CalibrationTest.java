package org.exoret.mcmc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * Simulation-based calibration (Talts, Betancourt, Simpson, Vehtari &amp; Gelman 2018, arXiv:1804.06788):
 * draw θ* from the prior, simulate data, sample the posterior, and record the rank of θ* among L posterior
 * draws. For a correct sampler the rank is uniform on {0, …, L}; a χ² test checks it, with a fixed seed.
 */
class CalibrationTest {

    /** Smallest accepted χ² p-value; a correct sampler falls below it once in a thousand seeds. */
    private static final double MIN_P_VALUE = 1e-3;

    @Test
    void ranksOfTrueParametersAreUniform() {
        int replications = 150;
        List<String> names = List.of("intercept", "slope");
        double[][] design = new double[6][];
        for (int b = 0; b < design.length; b++) {
            design[b] = new double[] {1, -1 + 0.4 * b};
        }
        double sigma = 0.5;
        double[] err = new double[design.length];
        java.util.Arrays.fill(err, sigma);
        ParameterSpace space = new ParameterSpace(names.stream().map(n -> Parameter.of(n, new Prior.Gaussian(0, 1))).toList());
        ContinuousSampler g = ZigguratSampler.NormalizedGaussian.of(RandomSource.XO_RO_SHI_RO_128_PP.create(2024L));
        int draws = 20;
        long[][] counts = new long[2][draws + 1];
        for (int rep = 0; rep < replications; rep++) {
            double[] truth = {g.sample(), g.sample()};
            double[] data = new double[design.length];
            for (int b = 0; b < data.length; b++) {
                data[b] = truth[0] + truth[1] * design[b][1] + sigma * g.sample();
            }
            GaussianLikelihood like = new GaussianLikelihood(new TestProblems.LinearModel(names, design), space, data, err);
            SamplerConfig config = SamplerConfig.builder().setParameters(space).setSeed(rep).setIterations(240)
                    .optBurnIn(120).optThinning(60).build();
            // thinning 60 keeps iterations 180 and 240 of each of the 10 chains: 20 nearly independent draws
            double[][] s = new Sampler(config, like).run().samples();
            for (int j = 0; j < 2; j++) {
                int rank = 0;
                for (double[] row : s) {
                    rank += row[j] < truth[j] ? 1 : 0;
                }
                counts[j][rank]++;
            }
        }
        double[] expected = new double[draws + 1];
        java.util.Arrays.fill(expected, replications / (double) (draws + 1));
        for (int j = 0; j < 2; j++) {
            double p = new ChiSquareTest().chiSquareTest(expected, counts[j]);
            assertTrue(p > MIN_P_VALUE, names.get(j) + " rank histogram " + java.util.Arrays.toString(counts[j]) + ", p = " + p);
        }
    }
}
