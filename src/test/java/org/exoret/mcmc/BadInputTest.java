package org.exoret.mcmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.exoret.ExoretException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Inconsistent specifications are refused with a message that says what to fix. */
class BadInputTest {

    private static ExoretException refused(ExoretException.Kind kind, String fragment, Executable action) {
        ExoretException e = assertThrows(ExoretException.class, action);
        assertEquals(kind, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' should mention '" + fragment + "'");
        return e;
    }

    @Test
    void emptyOrNaNPriorBoxesAreRefused() {
        refused(ExoretException.Kind.INVALID_ARGUMENT, "min < max", () -> new Prior.Uniform(2, 2));
        refused(ExoretException.Kind.INVALID_ARGUMENT, "min < max", () -> new Prior.Uniform(3, 1));
        refused(ExoretException.Kind.INVALID_ARGUMENT, "finite", () -> new Prior.Uniform(Double.NaN, 1));
        refused(ExoretException.Kind.INVALID_ARGUMENT, "sigma", () -> new Prior.Gaussian(0, 0));
        refused(ExoretException.Kind.INVALID_ARGUMENT, "no numerical mass", () -> new Prior.Gaussian(0, 1, 60, 70));
        refused(ExoretException.Kind.INVALID_ARGUMENT, "finite", () -> new Prior.Fixed(Double.NaN));
    }

    @Test
    void temperaturesBelowOneOrNotFiniteAreRefused() {
        LogDensity flat = x -> new double[x.length];
        for (double t : new double[] {0.5, 0, -2, Double.NaN, Double.POSITIVE_INFINITY}) {
            refused(ExoretException.Kind.INVALID_ARGUMENT, "temperature must be a finite number ≥ 1",
                    () -> new TemperedDensity(flat, t));
        }
    }

    @Test
    void initialValuesMustBeFiniteAndInsideThePrior() {
        Parameter p = Parameter.of("kappa", new Prior.Uniform(-5, 0));
        refused(ExoretException.Kind.INVALID_ARGUMENT, "must be finite", () -> p.withInitial(Double.NaN));
        refused(ExoretException.Kind.INVALID_ARGUMENT, "outside its prior", () -> p.withInitial(1.0));
        refused(ExoretException.Kind.INVALID_ARGUMENT, "for every free parameter or for none",
                () -> ParameterSpace.of(p.withInitial(-1), Parameter.of("alpha", new Prior.Uniform(0, 1))));
        refused(ExoretException.Kind.INVALID_ARGUMENT, "appears twice", () -> ParameterSpace.of(p, p));
        refused(ExoretException.Kind.INVALID_ARGUMENT, "nothing to sample",
                () -> ParameterSpace.of(Parameter.of("g", new Prior.Fixed(3))));
    }

    @Test
    void nanOrOutOfPriorStartPointsAreRefused() {
        ParameterSpace space = TestProblems.flatSpace(2, 1);
        double[][] starts = new double[10][2];
        starts[4][1] = Double.NaN;
        refused(ExoretException.Kind.INVALID_ARGUMENT, "chain 4: parameter 'x1' is NaN", () -> SamplerConfig.builder()
                .setParameters(space).setSeed(1).setIterations(10).optStartPoints(starts).build());
        starts[4][1] = 5;
        refused(ExoretException.Kind.INVALID_ARGUMENT, "outside its prior", () -> SamplerConfig.builder()
                .setParameters(space).setSeed(1).setIterations(10).optStartPoints(starts).build());
    }

    @Test
    void missingOrInconsistentSettingsNameTheKey() {
        ParameterSpace space = TestProblems.flatSpace(3, 1);
        refused(ExoretException.Kind.CONFIGURATION, "'seed'", () -> SamplerConfig.builder().setParameters(space).setIterations(5).build());
        refused(ExoretException.Kind.CONFIGURATION, "'parameters'", () -> SamplerConfig.builder().setSeed(1).setIterations(5).build());
        refused(ExoretException.Kind.CONFIGURATION, "'burnIn'",
                () -> SamplerConfig.builder().setParameters(space).setSeed(1).setIterations(5).optBurnIn(5).build());
        refused(ExoretException.Kind.CONFIGURATION, "'chains'", () -> SamplerConfig.builder().setParameters(space).setSeed(1)
                .setIterations(5).optChains(2).optMoves(MoveMix.of(new ChainDifferentialMove())).build());
        refused(ExoretException.Kind.CONFIGURATION, "'initialArchiveSize'", () -> SamplerConfig.builder()
                .setParameters(space).setSeed(1).setIterations(5).optInitialArchiveSize(29).build());
        refused(ExoretException.Kind.CONFIGURATION, "'rhatStop'", () -> SamplerConfig.builder()
                .setParameters(space).setSeed(1).setIterations(5).optRhatStop(0.9, 10).build());
    }

    @Test
    void forwardModelWithWrongOutputLengthIsRefused() {
        List<String> names = List.of("a", "b");
        double[][] design = {{1, 0}, {0, 1}, {1, 1}};
        ParameterSpace space = ParameterSpace.of(Parameter.of("a", new Prior.Uniform(-1, 1)), Parameter.of("b", new Prior.Uniform(-1, 1)));
        double[] data = {0, 0, 0};
        double[] err = {1, 1, 1};
        // the model declares 3 bands but returns 2 values per row
        GaussianLikelihood like = new GaussianLikelihood(
                new TestProblems.LinearModel(names, design, Double.POSITIVE_INFINITY, 2), space, data, err);
        SamplerConfig config = SamplerConfig.builder().setParameters(space).setSeed(1).setIterations(10).build();
        refused(ExoretException.Kind.MISMATCH, "returned 2 band depths", () -> new Sampler(config, like).run());
        refused(ExoretException.Kind.MISMATCH, "3 bands", () -> new GaussianLikelihood(
                new TestProblems.LinearModel(names, design), space, new double[2], new double[] {1, 1}));
        refused(ExoretException.Kind.MISMATCH, "differ from the parameter space", () -> new GaussianLikelihood(
                new TestProblems.LinearModel(List.of("b", "a"), design), space, data, err));
        refused(ExoretException.Kind.INVALID_ARGUMENT, "uncertainty 1", () -> new GaussianLikelihood(
                new TestProblems.LinearModel(names, design), space, data, new double[] {1, 0, 1}));
    }

    @Test
    void nanOrWrongLengthLogDensityIsRefused() {
        ParameterSpace space = TestProblems.flatSpace(2, 1);
        SamplerConfig config = SamplerConfig.builder().setParameters(space).setSeed(1).setIterations(10).build();
        refused(ExoretException.Kind.INVALID_ARGUMENT, "must be finite or −∞",
                () -> new Sampler(config, x -> nan(x.length)).run());
        refused(ExoretException.Kind.MISMATCH, "values for a batch of", () -> new Sampler(config, x -> new double[1]).run());
    }

    private static double[] nan(int n) {
        double[] v = new double[n];
        java.util.Arrays.fill(v, Double.NaN);
        return v;
    }

    @Test
    void rejectedRowsHaveZeroLikelihoodAndAreNeverAccepted() {
        // the model rejects a > 0.5: no posterior sample may lie there, and the rest is sampled normally
        List<String> names = List.of("a", "b");
        double[][] design = {{1, 0}, {0, 1}};
        ParameterSpace space = ParameterSpace.of(Parameter.of("a", new Prior.Uniform(-1, 1)), Parameter.of("b", new Prior.Uniform(-1, 1)));
        GaussianLikelihood like = new GaussianLikelihood(new TestProblems.LinearModel(names, design, 0.5, 2), space,
                new double[] {0, 0}, new double[] {1, 1});
        assertEquals(Double.NEGATIVE_INFINITY, like.logDensity(new double[][] {{0.7, 0}})[0]);
        SamplerResult r = new Sampler(SamplerConfig.builder().setParameters(space).setSeed(2).setIterations(300).build(), like).run();
        for (double[] s : r.allSamples()) {
            assertTrue(s[0] <= 0.5, "sample in the rejected region: " + s[0]);
        }
    }

    @Test
    void startsWithZeroLikelihoodAreRefusedWhenGiven() {
        ParameterSpace space = TestProblems.flatSpace(1, 1);
        double[][] starts = new double[10][1];
        SamplerConfig config = SamplerConfig.builder().setParameters(space).setSeed(1).setIterations(10).optStartPoints(starts).build();
        refused(ExoretException.Kind.INVALID_ARGUMENT, "zero posterior density",
                () -> new Sampler(config, x -> new double[] {Double.NEGATIVE_INFINITY, 0, 0, 0, 0, 0, 0, 0, 0, 0}).run());
    }
}
