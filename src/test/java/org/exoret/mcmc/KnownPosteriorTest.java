package org.exoret.mcmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.junit.jupiter.api.Test;

/**
 * The sampler against posteriors known in closed form. Every tolerance is Z Monte-Carlo standard errors, the
 * standard errors coming from the run's own effective sample sizes (Vehtari et al. 2021).
 */
class KnownPosteriorTest {

    /** Allowed deviation in Monte-Carlo standard errors; a correct sampler exceeds it with probability ~6e-5 per check. */
    private static final double Z = 4.0;

    private static SamplerResult run(ParameterSpace space, LogDensity target, int iterations, int burnIn, long seed, MoveMix moves) {
        SamplerConfig config = SamplerConfig.builder().setParameters(space).setSeed(seed).setIterations(iterations)
                .optBurnIn(burnIn).optMoves(moves).build();
        return new Sampler(config, target).run();
    }

    /** @return the fraction of draws with x₁ > 0 and the multi-chain ESS of that indicator */
    private static double[] positiveMassAndEss(SamplerResult r) {
        double[][] x0 = r.chainsOf(0);
        double[][] indicator = new double[x0.length][x0[0].length];
        double mass = 0;
        for (int c = 0; c < x0.length; c++) {
            for (int i = 0; i < x0[c].length; i++) {
                indicator[c][i] = x0[c][i] > 0 ? 1 : 0;
                mass += indicator[c][i];
            }
        }
        return new double[] {mass / (x0.length * x0[0].length),
            org.exoret.mcmc.convergence.EffectiveSampleSize.multiChain(indicator)};
    }

    private static double minimum(double[] v) {
        return Arrays.stream(v).min().orElseThrow();
    }

    @Test
    void correlatedGaussian5dMeansCovarianceAndQuantiles() {
        org.exoret.bench.CorrelatedGaussian target = new org.exoret.bench.CorrelatedGaussian(5, 0.9);
        SamplerResult r = run(TestProblems.flatSpace(5, 20), target, 4000, 1000, 11, MoveMix.defaultMix());
        double[][] s = r.samples();
        double[] bulk = r.essBulk();
        double[] tail = r.essTail();
        NormalDistribution unit = new NormalDistribution(null, 0, 1);
        for (int i = 0; i < 5; i++) {
            assertTrue(bulk[i] > 500, "bulk ESS " + bulk[i] + " too small for a meaningful check");
            assertEquals(0.0, TestProblems.mean(s, i), Z / Math.sqrt(bulk[i]), "mean of x" + i);
            for (int j = i; j < 5; j++) {
                double sigma = target.covariance(i, j);
                double ess = Math.min(Math.min(bulk[i], bulk[j]), Math.min(tail[i], tail[j]));
                assertEquals(sigma, TestProblems.covariance(s, i, j), Z * Math.sqrt((1 + sigma * sigma) / ess),
                        "covariance " + i + "," + j);
            }
            double[] column = Arrays.stream(s).mapToDouble(row -> row[0]).toArray();
            for (double q : new double[] {0.05, 0.5, 0.95}) {
                double expected = unit.inverseCumulativeProbability(q);
                double se = Math.sqrt(q * (1 - q) / tail[0]) / unit.density(expected);
                double got = new Percentile().withEstimationType(Percentile.EstimationType.R_7).evaluate(column, 100 * q);
                assertEquals(expected, got, Z * se, "quantile " + q);
            }
            assertTrue(r.splitRhat()[i] < 1.01, "split R-hat " + r.splitRhat()[i]);
            assertTrue(r.gelmanRubin()[i] < 1.01, "Gelman-Rubin " + r.gelmanRubin()[i]);
        }
        assertTrue(r.acceptanceRate() > 0.1 && r.acceptanceRate() < 0.5, "acceptance " + r.acceptanceRate());
    }

    @Test
    void temperedGaussianIsWidenedBySquareRootOfTemperature() {
        double temperature = 9;
        org.exoret.bench.CorrelatedGaussian target = new org.exoret.bench.CorrelatedGaussian(3, 0.5);
        SamplerResult r = run(TestProblems.flatSpace(3, 60), new TemperedDensity(target, temperature), 4000, 1000, 13,
                MoveMix.defaultMix());
        double[][] s = r.samples();
        double[] bulk = r.essBulk();
        for (int i = 0; i < 3; i++) {
            assertTrue(bulk[i] > 500, "bulk ESS " + bulk[i] + " too small for a meaningful check");
            // L^(1/T) of a Gaussian is the Gaussian with covariance T·Σ
            double variance = temperature * target.covariance(i, i);
            assertEquals(variance, TestProblems.covariance(s, i, i), Z * variance * Math.sqrt(2 / bulk[i]),
                    "variance of x" + i + " at T = " + temperature);
        }
    }

    /**
     * A 2-D standard Gaussian restricted by a joint constraint to x₀ + x₁ &gt; 0: the posterior is the Gaussian cut
     * in half, so x₀ + x₁ ~ √2·|N(0, 1)| has mean 2/√π, and x₀ − x₁, independent of it, keeps mean 0, variance 2.
     * The constraint is checked only after the Metropolis–Hastings test, so this also shows that the delayed check
     * leaves the target exact. Counted calls show that it is skipped for rejected proposals.
     */
    @Test
    void jointConstraintCutsTheGaussianInHalfAndIsCheckedOnlyAfterTheTest() {
        org.exoret.bench.CorrelatedGaussian target = new org.exoret.bench.CorrelatedGaussian(2, 0.0);
        java.util.concurrent.atomic.AtomicLong checks = new java.util.concurrent.atomic.AtomicLong();
        ParameterSpace space = TestProblems.flatSpace(2, 20).withSupport(x -> {
            checks.incrementAndGet();
            return x[0] + x[1] > 0;
        }, "x0 + x1 > 0");
        SamplerResult r = run(space, target, 4000, 1000, 31, MoveMix.defaultMix());
        double[][] s = r.samples();
        double[] sum = Arrays.stream(s).mapToDouble(x -> x[0] + x[1]).toArray();
        double[] difference = Arrays.stream(s).mapToDouble(x -> x[0] - x[1]).toArray();
        assertTrue(Arrays.stream(sum).allMatch(v -> v > 0), "a draw outside the support");
        double ess = minimum(r.essBulk());
        assertTrue(ess > 500, "bulk ESS " + ess + " too small for a meaningful check");
        double meanSum = Arrays.stream(sum).average().orElseThrow();
        // sd of √2|N| is √(2 − 4/π)
        assertEquals(2 / Math.sqrt(Math.PI), meanSum, Z * Math.sqrt(2 - 4 / Math.PI) / Math.sqrt(ess), "mean of x0 + x1");
        assertEquals(0, Arrays.stream(difference).average().orElseThrow(), Z * Math.sqrt(2 / ess), "mean of x0 - x1");
        // starts are checked once per chain (and redrawn where refused); proposals only after passing the test
        // (10 chains × 4000 iterations; about 40 % pass the test, against ~100 % checked on every proposal)
        long proposals = 10L * 4000;
        assertTrue(checks.get() < 0.6 * proposals, checks.get() + " checks for " + proposals + " proposals");
    }

    @Test
    void bananaTwoAndEightDimensions() {
        for (int d : new int[] {2, 8}) {
            TestProblems.Banana target = new TestProblems.Banana(d, 0.1);
            ParameterSpace space = TestProblems.flatSpace(d, 100);
            SamplerResult r = run(space, target, d == 2 ? 6000 : 12000, 2000, 5 + d, MoveMix.defaultMix());
            double[][] s = r.samples();
            double[] bulk = r.essBulk();
            // x1 ~ N(0, 100); the untwisted y2 = x2 + b(x1² − 100) ~ N(0, 1); x_k ~ N(0, 1) for k ≥ 3
            assertEquals(0.0, TestProblems.mean(s, 0), Z * 10 / Math.sqrt(bulk[0]), d + "-D banana mean x1");
            assertEquals(100.0, TestProblems.covariance(s, 0, 0), Z * 100 * Math.sqrt(2 / bulk[0]), d + "-D banana var x1");
            double[][] y = Arrays.stream(s).map(row -> new double[] {target.twisted(row[0], row[1])}).toArray(double[][]::new);
            double essY = Math.min(bulk[0], bulk[1]);
            assertEquals(0.0, TestProblems.mean(y, 0), Z / Math.sqrt(essY), d + "-D banana mean y2");
            assertEquals(1.0, TestProblems.covariance(y, 0, 0), Z * Math.sqrt(2 / essY), d + "-D banana var y2");
            for (int k = 2; k < d; k++) {
                assertEquals(0.0, TestProblems.mean(s, k), Z / Math.sqrt(bulk[k]), d + "-D banana mean x" + k);
            }
        }
    }

    @Test
    void twoModeMixtureGivesEachModeHalfTheMass() {
        TestProblems.TwoModes target = new TestProblems.TwoModes(2, 3.0);
        // ter Braak (2006) and ter Braak & Vrugt (2008): γ = 1 now and then to jump between modes (mode_jump = 0.1)
        double unitGamma = Math.sqrt(2 * 2) / 2.38;
        MoveMix mix = MoveMix.defaultMix().with(new DifferentialMove(unitGamma, DifferentialMove.DEFAULT_JITTER), 0.1);
        SamplerResult r = run(TestProblems.flatSpace(2, 10), target, 6000, 1000, 3, mix);
        double[] massAndEss = positiveMassAndEss(r);
        double ess = massAndEss[1];
        assertTrue(ess > 50, "indicator ESS " + ess + ": the chains hardly switch modes");
        assertEquals(0.5, massAndEss[0], Z * Math.sqrt(0.25 / ess), "mass of the positive mode");
    }

    /** w·N(+μe₁, I) + (1 − w)·N(−μe₁, I): mirror images under x₁ → −x₁ with unequal weights. */
    private record UnequalMirrorModes(double mu, double weight) implements LogDensity {
        @Override
        public double[] logDensity(double[][] x) {
            double[] out = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                double a = Math.log(weight) - 0.5 * (x[i][0] - mu) * (x[i][0] - mu);
                double b = Math.log(1 - weight) - 0.5 * (x[i][0] + mu) * (x[i][0] + mu);
                double m = Math.max(a, b);
                out[i] = m + Math.log(Math.exp(a - m) + Math.exp(b - m)) - 0.5 * x[i][1] * x[i][1];
            }
            return out;
        }
    }

    @Test
    void involutionMoveBetweenMirrorModesKeepsTheirUnequalWeights() {
        // modes 12 σ apart: the ordinary moves almost never cross; the reflection x1 -> -x1 crosses in one step and is
        // accepted with probability min(1, w'/w), so the chains share their time 3 : 1 only if the move is unbiased
        UnequalMirrorModes target = new UnequalMirrorModes(6.0, 0.75);
        MoveMix mix = MoveMix.defaultMix().with(new InvolutionMove("x1 -> -x1", (x, image) -> {
            image[0] = -x[0];
            image[1] = x[1];
        }), 0.2);
        SamplerResult r = run(TestProblems.flatSpace(2, 12), target, 6000, 1000, 5, mix);
        double[] massAndEss = positiveMassAndEss(r);
        double ess = massAndEss[1];
        assertTrue(ess > 1000, "indicator ESS " + ess + ": the chains hardly switch modes");
        assertEquals(0.75, massAndEss[0], Z * Math.sqrt(0.75 * 0.25 / ess), "mass of the heavier mode");
        assertEquals("InvolutionMove[x1 -> -x1]", mix.entries().get(2).move().toString());
    }

    @Test
    void linearGaussianRegressionMatchesClosedFormPosterior() {
        // y_b = β0 + β1 t_b + β2 t_b² with known σ; prior β_j ~ N(0, 2²): the posterior is Gaussian with
        // precision XᵀX/σ² + I/τ² and mean Σ XᵀY/σ² (conjugate normal linear model)
        int bands = 12;
        double sigma = 0.3;
        double tau = 2.0;
        double[] truth = {0.5, -1.0, 0.8};
        double[][] design = new double[bands][3];
        double[] data = new double[bands];
        double[] err = new double[bands];
        org.apache.commons.rng.UniformRandomProvider rng = org.apache.commons.rng.simple.RandomSource.XO_RO_SHI_RO_128_PP.create(99L);
        org.apache.commons.rng.sampling.distribution.ContinuousSampler g =
                org.apache.commons.rng.sampling.distribution.ZigguratSampler.NormalizedGaussian.of(rng);
        for (int b = 0; b < bands; b++) {
            double t = -1 + 2.0 * b / (bands - 1);
            design[b] = new double[] {1, t, t * t};
            data[b] = truth[0] + truth[1] * t + truth[2] * t * t + sigma * g.sample();
            err[b] = sigma;
        }
        List<String> names = List.of("b0", "b1", "b2");
        ParameterSpace space = new ParameterSpace(names.stream()
                .map(n -> Parameter.of(n, new Prior.Gaussian(0, tau))).toList());
        GaussianLikelihood like = new GaussianLikelihood(new TestProblems.LinearModel(names, design), space, data, err);
        SamplerConfig config = SamplerConfig.builder().setParameters(space).setSeed(21).setIterations(4000).optBurnIn(1000).build();
        SamplerResult r = new Sampler(config, like).run();

        RealMatrix x = new Array2DRowRealMatrix(design);
        RealMatrix precision = x.transpose().multiply(x).scalarMultiply(1 / (sigma * sigma));
        for (int j = 0; j < 3; j++) {
            precision.addToEntry(j, j, 1 / (tau * tau));
        }
        RealMatrix cov = new LUDecomposition(precision).getSolver().getInverse();
        double[] mean = cov.operate(x.transpose().operate(data)).clone();
        for (int j = 0; j < 3; j++) {
            mean[j] /= sigma * sigma;
        }
        double[][] s = r.samples();
        double[] bulk = r.essBulk();
        double[] tail = r.essTail();
        for (int i = 0; i < 3; i++) {
            double sdi = Math.sqrt(cov.getEntry(i, i));
            assertEquals(mean[i], TestProblems.mean(s, i), Z * sdi / Math.sqrt(bulk[i]), "posterior mean of b" + i);
            for (int j = i; j < 3; j++) {
                double sdj = Math.sqrt(cov.getEntry(j, j));
                double rho = cov.getEntry(i, j) / (sdi * sdj);
                double ess = Math.min(Math.min(bulk[i], bulk[j]), Math.min(tail[i], tail[j]));
                assertEquals(rho, TestProblems.covariance(s, i, j) / (sdi * sdj), Z * Math.sqrt((1 + rho * rho) / ess),
                        "posterior correlation/covariance " + i + "," + j);
            }
        }
        // the best fit approaches the posterior mode, which is the mean for a Gaussian posterior
        for (int j = 0; j < 3; j++) {
            assertEquals(mean[j], r.bestFit()[j], 0.5 * Math.sqrt(cov.getEntry(j, j)), "best fit b" + j);
        }
    }
}
