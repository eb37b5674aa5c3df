package org.exoret.mcmc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.exoret.ExoretException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seeds, threads, checkpoints: the same configuration gives the same samples, bit for bit. */
class ReproducibilityTest {

    /** Allowed deviation between two independent runs, in combined Monte-Carlo standard errors. */
    private static final double Z = 4.0;

    @TempDir
    Path dir;

    private static final org.exoret.bench.CorrelatedGaussian TARGET = new org.exoret.bench.CorrelatedGaussian(5, 0.9);

    private static SamplerConfig.Builder base(long seed) {
        return SamplerConfig.builder().setParameters(TestProblems.flatSpace(5, 20)).setSeed(seed).setIterations(600)
                .optBurnIn(100).optThinning(2);
    }

    private static void assertSameRun(SamplerResult a, SamplerResult b) {
        double[][] sa = a.allSamples();
        double[][] sb = b.allSamples();
        assertEquals(sa.length, sb.length);
        for (int i = 0; i < sa.length; i++) {
            assertArrayEquals(sa[i], sb[i], 0.0, "sample " + i);
        }
        assertArrayEquals(a.allLogPosterior(), b.allLogPosterior(), 0.0);
        assertArrayEquals(a.allChainIndex(), b.allChainIndex());
        assertArrayEquals(a.bestFit(), b.bestFit(), 0.0);
        assertEquals(a.acceptanceRate(), b.acceptanceRate(), 0.0);
        assertEquals(a.evaluations(), b.evaluations());
        assertArrayEquals(a.outOfBounds(), b.outOfBounds());
    }

    @Test
    void sameSeedGivesBitIdenticalChainsWhateverTheThreadCount() {
        SamplerResult one = new Sampler(base(42).build(), TARGET).run();
        SamplerResult again = new Sampler(base(42).build(), TARGET).run();
        SamplerResult threaded = new Sampler(base(42).optThreads(3).build(), TARGET).run();
        assertSameRun(one, again);
        assertSameRun(one, threaded);
    }

    @Test
    void differentSeedsDifferButAgreeStatistically() {
        SamplerResult a = new Sampler(base(1).setIterations(3000).optBurnIn(500).build(), TARGET).run();
        SamplerResult b = new Sampler(base(2).setIterations(3000).optBurnIn(500).build(), TARGET).run();
        assertFalse(Arrays.equals(a.allSamples()[0], b.allSamples()[0]), "different seeds must give different chains");
        for (int j = 0; j < 5; j++) {
            double se = Math.sqrt(1 / a.essBulk()[j] + 1 / b.essBulk()[j]);
            assertEquals(TestProblems.mean(a.samples(), j), TestProblems.mean(b.samples(), j), Z * se, "mean of x" + j);
        }
    }

    @Test
    void stoppedAndResumedRunEqualsUninterruptedRun() {
        SamplerResult whole = new Sampler(base(7).build(), TARGET).run();
        Path file = dir.resolve("run.ckpt");
        SamplerResult partial = cancelAt(file, 230);
        assertEquals(SamplerResult.StopReason.CANCELLED, partial.stopReason());
        assertEquals(230, partial.iterations());
        SamplerResult resumed = new Sampler(base(7).optCheckpoint(file, 50).build(), TARGET).resume(file);
        assertEquals(SamplerResult.StopReason.COMPLETED, resumed.stopReason());
        assertEquals(600, resumed.iterations());
        assertSameRun(whole, resumed);
        assertArrayEquals(whole.gelmanRubin(), resumed.gelmanRubin(), 0.0);
    }

    private static final ParameterSpace CONSTRAINED = TestProblems.flatSpace(5, 20)
            .withSupport(x -> x[0] + x[1] > -1, "x0 + x1 > -1");

    @Test
    void constrainedRunsDoNotDependOnThreadsAndResumeExactly() {
        SamplerResult whole = new Sampler(base(7).setParameters(CONSTRAINED).build(), TARGET).run();
        assertSameRun(whole, new Sampler(base(7).setParameters(CONSTRAINED).optThreads(3).build(), TARGET).run());
        assertTrue(Arrays.stream(whole.allSamples()).allMatch(x -> x[0] + x[1] > -1), "a draw outside the support");
        Path file = dir.resolve("constrained.ckpt");
        assertEquals(230, cancelAt(file, 230, base(7).setParameters(CONSTRAINED)).iterations());
        SamplerResult resumed = new Sampler(base(7).setParameters(CONSTRAINED).optCheckpoint(file, 50).build(), TARGET)
                .resume(file);
        assertSameRun(whole, resumed);
        ExoretException other = assertThrows(ExoretException.class, () -> new Sampler(base(7).setParameters(
                TestProblems.flatSpace(5, 20).withSupport(x -> x[0] > 0, "x0 > 0")).build(), TARGET).resume(file));
        assertTrue(other.getMessage().contains("joint constraint"), other.getMessage());
    }

    /** Runs the base configuration with a checkpoint and cancels it once it reaches {@code stopAt} iterations. */
    private SamplerResult cancelAt(Path file, int stopAt) {
        return cancelAt(file, stopAt, base(7));
    }

    private SamplerResult cancelAt(Path file, int stopAt, SamplerConfig.Builder builder) {
        Sampler[] holder = new Sampler[1];
        SamplerConfig config = builder.optCheckpoint(file, 50).optProgressEvery(10).addListener(new SamplerListener() {
            @Override
            public void onProgress(Progress p) {
                if (p.iteration() >= stopAt) {
                    holder[0].cancel();
                }
            }
        }).build();
        holder[0] = new Sampler(config, TARGET);
        return holder[0].run();
    }

    @Test
    void checkpointFromAnotherConfigurationIsRefused() {
        Path file = dir.resolve("other.ckpt");
        new Sampler(base(3).setIterations(50).optBurnIn(0).optCheckpoint(file, 0).build(), TARGET).run();
        ExoretException chains = assertThrows(ExoretException.class,
                () -> new Sampler(base(3).optChains(12).build(), TARGET).resume(file));
        assertEquals(ExoretException.Kind.MISMATCH, chains.kind());
        assertTrue(chains.getMessage().contains("chains is 10 there but 12 now"), chains.getMessage());
        ExoretException dim = assertThrows(ExoretException.class, () -> new Sampler(
                base(3).setParameters(TestProblems.flatSpace(4, 20)).build(), TARGET).resume(file));
        assertTrue(dim.getMessage().contains("dimension is 5 there but 4 now"), dim.getMessage());
        ParameterSpace renamed = new ParameterSpace(List.of(Parameter.of("a", new Prior.Uniform(-20, 20)),
                Parameter.of("x1", new Prior.Uniform(-20, 20)), Parameter.of("x2", new Prior.Uniform(-20, 20)),
                Parameter.of("x3", new Prior.Uniform(-20, 20)), Parameter.of("x4", new Prior.Uniform(-20, 20))));
        ExoretException names = assertThrows(ExoretException.class,
                () -> new Sampler(base(3).setParameters(renamed).build(), TARGET).resume(file));
        assertTrue(names.getMessage().contains("parameter names"), names.getMessage());
        ExoretException tempered = assertThrows(ExoretException.class,
                () -> new Sampler(base(3).optTemperature(4).build(), TARGET).resume(file));
        assertTrue(tempered.getMessage().contains("temperature"), tempered.getMessage());
        ExoretException constrained = assertThrows(ExoretException.class,
                () -> new Sampler(base(3).setParameters(CONSTRAINED).build(), TARGET).resume(file));
        assertTrue(constrained.getMessage().contains("written without the joint constraint this run has (x0 + x1 > -1)"),
                constrained.getMessage());
    }

    @Test
    void corruptOrForeignCheckpointIsRefused() throws IOException {
        Path file = dir.resolve("c.ckpt");
        new Sampler(base(3).setIterations(20).optBurnIn(0).optCheckpoint(file, 0).build(), TARGET).run();
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(file, bytes);
        ExoretException flipped = assertThrows(ExoretException.class, () -> new Sampler(base(3).build(), TARGET).resume(file));
        assertEquals(ExoretException.Kind.MALFORMED_FILE, flipped.kind());

        Files.write(file, Arrays.copyOf(bytes, 100));
        assertEquals(ExoretException.Kind.MALFORMED_FILE,
                assertThrows(ExoretException.class, () -> new Sampler(base(3).build(), TARGET).resume(file)).kind());

        byte[] version = Files.readAllBytes(file);
        version[11] = 9; // format version 9
        Files.write(file, version);
        ExoretException v = assertThrows(ExoretException.class, () -> new Sampler(base(3).build(), TARGET).resume(file));
        assertTrue(v.getMessage().contains("unknown checkpoint format version 9"), v.getMessage());

        Files.writeString(file, "posterior,x0\n");
        assertTrue(assertThrows(ExoretException.class, () -> new Sampler(base(3).build(), TARGET).resume(file))
                .getMessage().contains("not an exoret sampler checkpoint"));
        assertEquals(ExoretException.Kind.MISSING_FILE, assertThrows(ExoretException.class,
                () -> new Sampler(base(3).build(), TARGET).resume(dir.resolve("none.ckpt"))).kind());
    }

    @Test
    void rhatStopEndsTheRunEarlyAndDeterministically() {
        SamplerConfig config = base(5).setIterations(20000).optRhatStop(1.02, 100).optProgressEvery(100).build();
        SamplerResult a = new Sampler(config, TARGET).run();
        assertEquals(SamplerResult.StopReason.CONVERGED, a.stopReason());
        assertTrue(a.iterations() < 20000 && a.iterations() % 100 == 0, "stopped at " + a.iterations());
        for (double r : a.gelmanRubin()) {
            assertTrue(r < 1.02, "R-hat " + r);
        }
        assertSameRun(a, new Sampler(config, TARGET).run());
    }
}
