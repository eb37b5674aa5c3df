package org.exoret.retrieval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.exoret.ExoretException;
import org.exoret.cli.ExoretCommand;
import org.exoret.data.DataRoot;
import org.exoret.mcmc.SamplerListener;
import org.exoret.posterior.CredibleRegion;
import org.exoret.posterior.CredibleRegions;
import org.exoret.posterior.Interval;
import org.exoret.posterior.Mc3Npz;
import org.exoret.posterior.Posterior;
import org.exoret.testmodel.ConfigCopies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end retrievals with the RT reference on a cheap synthetic set-up built from the real data kit. */
class RetrievalTest {

    @TempDir
    Path dir;

    @Test
    void recoversInjectedParametersWithinCredibleRegions() throws IOException {
        Path cfg = SyntheticRetrieval.write(dir, 8000, "");
        RetrievalResult result = Retrieval.run(RetrievalConfig.read(cfg));
        Posterior p = result.posterior();
        assertEquals(List.of("beta", "log10_scale_H2O", "log10_scale_CO2"), p.names());
        int[] free = {4, 5, 6};
        for (int j = 0; j < free.length; j++) {
            double truth = SyntheticRetrieval.TRUTH[free[j]];
            CredibleRegion region = CredibleRegions.hpd(p.column(j), 0.9973);
            boolean inside = region.intervals().stream().anyMatch(i -> truth >= i.lower() && truth <= i.upper());
            assertTrue(inside, p.names().get(j) + ": injected " + truth + " outside the 99.73 % HPD " + region);
        }
        // β is tightly constrained by the thermal emission: its 68 % region must be narrow.
        Interval beta = CredibleRegions.central(p.column(0), 0.6827);
        assertTrue(beta.upper() - beta.lower() < 0.1, "β 68 % interval " + beta);
        Path out = dir.resolve("out");
        for (String f : List.of("posterior.csv", "posterior.npz", "summary.md", "run.json", "report.md", "corner.png",
                "trace.png", "temperature.png", "bands.png")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
    }

    @Test
    void resumeAfterStopEqualsUninterruptedRun() throws IOException {
        Path whole = Files.createDirectories(dir.resolve("whole"));
        Path split = Files.createDirectories(dir.resolve("split"));
        RetrievalConfig a = RetrievalConfig.read(SyntheticRetrieval.write(whole, 1500, "checkpoint_every = 20"));
        RetrievalConfig b = RetrievalConfig.read(SyntheticRetrieval.write(split, 1500, "checkpoint_every = 20"));
        Posterior uninterrupted = Retrieval.builder(a).optWriteOutputs(false).build().run().posterior();

        AtomicReference<Retrieval> self = new AtomicReference<>();
        Retrieval first = Retrieval.builder(b).optWriteOutputs(false).addListener(new SamplerListener() {
            @Override
            public void onProgress(Progress progress) {
                if (progress.iteration() >= 120) {
                    self.get().cancel();
                }
            }
        }).build();
        self.set(first);
        RetrievalResult stopped = first.run();
        assertTrue(stopped.cancelled());
        RetrievalResult resumedRun = Retrieval.builder(b).optWriteOutputs(false).build().resume();
        // the time per chain-iteration of a resumed run divides its own time by its own iterations only
        assertEquals(resumedRun.samples().iterations() - stopped.samples().iterations(),
                resumedRun.samples().iterationsThisRun());
        assertEquals(resumedRun.samplingSeconds() / (resumedRun.samples().chains()
                * (double) resumedRun.samples().iterationsThisRun()), resumedRun.secondsPerChainIteration(), 1e-15);
        Posterior resumed = resumedRun.posterior();
        assertEquals(uninterrupted.sampleCount(), resumed.sampleCount());
        for (int i = 0; i < uninterrupted.sampleCount(); i++) {
            assertArrayEquals(uninterrupted.samples()[i], resumed.samples()[i], 0.0, "sample " + i);
        }
    }

    /**
     * The command line after a real kill: {@code exoret retrieve} runs in a child JVM, is killed (SIGKILL, no
     * shutdown hook) once its first checkpoint is on disk, and {@code exoret retrieve --resume} finishes the run with
     * the posterior of an uninterrupted one, sample for sample.
     */
    @Test
    void killedRetrieveCommandResumesToTheUninterruptedPosterior() throws Exception {
        Path whole = Files.createDirectories(dir.resolve("whole"));
        Path killed = Files.createDirectories(dir.resolve("killed"));
        Path cfgWhole = SyntheticRetrieval.write(whole, 6000, "checkpoint_every = 10");
        Path cfgKilled = SyntheticRetrieval.write(killed, 6000, "checkpoint_every = 10");
        assertEquals(0, ExoretCommand.execute("retrieve", cfgWhole.toString()));
        Posterior uninterrupted = Mc3Npz.read(whole.resolve("out/posterior.npz"));

        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "-Dexoret.data.root=" + DataRoot.fromEnvironment().path(), "-Djava.awt.headless=true",
                "org.exoret.cli.ExoretCommand", "retrieve", cfgKilled.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        Path checkpoint = killed.resolve("out").resolve(Retrieval.CHECKPOINT);
        try {
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (!Files.exists(checkpoint) && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        } finally {
            child.destroyForcibly().waitFor();
        }
        assertTrue(Files.exists(checkpoint), "no checkpoint before the child ended:\n"
                + Files.readString(dir.resolve("child.log")));
        assertTrue(!Files.exists(killed.resolve("out/posterior.npz")), "the child finished before it was killed");

        assertEquals(0, ExoretCommand.execute("retrieve", cfgKilled.toString(), "--resume"));
        // it continued from the checkpoint: it sampled fewer iterations than the whole run
        JsonObject run = JsonParser.parseString(Files.readString(killed.resolve("out/run.json"))).getAsJsonObject();
        long total = run.get("iterations_per_chain").getAsLong();
        long timed = run.get("iterations_timed_per_chain").getAsLong();
        assertTrue(timed < total, "resumed run sampled " + timed + " of " + total + " iterations per chain");
        Posterior resumed = Mc3Npz.read(killed.resolve("out/posterior.npz"));
        assertEquals(uninterrupted.sampleCount(), resumed.sampleCount());
        for (int i = 0; i < uninterrupted.sampleCount(); i++) {
            assertArrayEquals(uninterrupted.samples()[i], resumed.samples()[i], 0.0, "sample " + i);
        }
    }

    /** The demo's set-up with β's prior reaching past the committed bundle's training box (β ≤ 1.36) is refused. */
    @Test
    void priorOutsideTheBundlesTrainingBoxIsRefused() throws IOException {
        Path config = ConfigCopies.copy(Path.of("data/hd189733b_demo.cfg"), dir.resolve("wide.cfg"), Map.of(
                "output", dir.resolve("out").toString(), "reference", "",
                "pmax", "0.99 1.99 1.29 0.999 1.5 5.49 5.49 5.49 5.49"));
        ExoretException e = assertThrows(ExoretException.class, () -> Retrieval.run(RetrievalConfig.read(config)));
        assertEquals(ExoretException.Kind.MISMATCH, e.kind());
        assertTrue(e.getMessage().contains("beta prior [0.72, 1.5] vs training [0.5, 1.36]")
                && e.getMessage().contains(config.toString()), e.getMessage());
    }

    @Test
    void javaApiExampleRunsAndCompares() throws IOException {
        Path cfg = SyntheticRetrieval.write(dir, 2000, "");
        Retrieval.run(RetrievalConfig.read(cfg));
        java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream();
        org.exoret.examples.RetrievalExample.run(cfg, dir.resolve("out/posterior.npz"),
                new java.io.PrintStream(text, true, java.nio.charset.StandardCharsets.UTF_8));
        String printed = text.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(printed.contains("beta") && printed.contains("HPD") && printed.contains("mean BC"), printed);
        // the same seed and configuration reproduce the run: BC of identical samples is 1
        assertTrue(printed.contains("mean BC 1.0000"), printed);
    }

    @Test
    void unknownKeyIsNamedWithItsLine() throws IOException {
        Path cfg = SyntheticRetrieval.write(dir, 2000, "numitt = 5");
        ExoretException e = assertThrows(ExoretException.class, () -> RetrievalConfig.read(cfg));
        assertTrue(e.getMessage().contains("numitt") && e.getMessage().contains("line"), e.getMessage());
    }

    @Test
    void dataCountMismatchNamesTheKey() throws IOException {
        Path cfg = SyntheticRetrieval.write(dir, 2000, "data = 0.001 0.002\nuncert = 0.0001 0.0001");
        ExoretException e = assertThrows(ExoretException.class, () -> RetrievalConfig.read(cfg));
        assertTrue(e.getMessage().contains("data") && e.getMessage().contains("30 filters/bands"), e.getMessage());
    }

    @Test
    void missingRtConfigFileIsNamed() throws IOException {
        Path cfg = SyntheticRetrieval.write(dir, 2000, "");
        Files.writeString(cfg, Files.readString(cfg).replace("rtconfig = rt.cfg", "rtconfig = nowhere.cfg"));
        ExoretException e = assertThrows(ExoretException.class, () -> RetrievalConfig.read(cfg));
        assertEquals(ExoretException.Kind.MISSING_FILE, e.kind());
        assertTrue(e.getMessage().contains("nowhere.cfg"), e.getMessage());
    }

    @Test
    void startOutsideBoundsIsRefused() throws IOException {
        Path cfg = SyntheticRetrieval.write(dir, 2000, "");
        Files.writeString(cfg, Files.readString(cfg).replace("pmax = 1 2 1.3 1 1.3", "pmax = 1 2 1.3 1 0.9"));
        ExoretException e = assertThrows(ExoretException.class, () -> RetrievalConfig.read(cfg));
        assertTrue(e.getMessage().contains("beta") && e.getMessage().contains("params"), e.getMessage());
    }

    @Test
    void samplerKeysSetTheMoveMix() throws IOException {
        Path cfg = SyntheticRetrieval.write(dir, 2000, "fgamma = 0.7\nfepsilon = 1e-4\nmode_jump = 0.1");
        org.exoret.mcmc.MoveMix mix = RetrievalConfig.read(cfg).moves();
        List<org.exoret.mcmc.MoveMix.Weighted> moves = mix.entries();
        assertEquals(3, moves.size());
        assertEquals(new org.exoret.mcmc.DifferentialMove(0.7, 1e-4), moves.get(0).move());
        assertEquals(0.81, moves.get(0).weight(), 1e-12);
        assertEquals(0.09, moves.get(1).weight(), 1e-12);
        // the mode jump: γ = f·2.38/√(2d) = 1 for the d = 3 free parameters of the synthetic set-up
        org.exoret.mcmc.DifferentialMove jump = (org.exoret.mcmc.DifferentialMove) moves.get(2).move();
        assertEquals(1.0, jump.gammaFactor() * 2.38 / Math.sqrt(2 * 3), 1e-12);
        assertEquals(0.1, moves.get(2).weight(), 1e-12);
    }

    @Test
    void streamSwapExchangesTheFreeStreamsWithItsOwnFraction() throws IOException {
        Path cfg = SyntheticRetrieval.write(dir, 2000, "mode_jump = 0.1\nstream_swap = 0.2");
        Files.writeString(cfg, Files.readString(cfg).replace("stepsize = 0 0 0 0 0.1", "stepsize = 0 0.1 0.1 0.1 0.1"));
        List<org.exoret.mcmc.MoveMix.Weighted> moves = RetrievalConfig.read(cfg).moves().entries();
        assertEquals(4, moves.size());
        assertEquals(0.63, moves.get(0).weight(), 1e-12);
        assertEquals(0.07, moves.get(1).weight(), 1e-12);
        assertEquals(0.1, moves.get(2).weight(), 1e-12);
        assertEquals(0.2, moves.get(3).weight(), 1e-12);
        // free: log10_gamma1, log10_gamma2, alpha, beta, log10_scale_H2O, log10_scale_CO2
        double[] current = {-0.6, 0.3, 0.4, 0.95, 0.8, -0.5};
        double[] proposal = new double[6];
        assertEquals(0.0, moves.get(3).move().propose(null, 0, current, proposal, null));
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {0.3, -0.6, 0.6, 0.95, 0.8, -0.5}, proposal,
                1e-15);
    }

    @Test
    void streamSwapNeedsBothStreamsFree() throws IOException {
        Path cfg = SyntheticRetrieval.write(dir, 2000, "stream_swap = 0.1");
        ExoretException e = assertThrows(ExoretException.class, () -> RetrievalConfig.read(cfg));
        assertTrue(e.getMessage().contains("stream_swap") && e.getMessage().contains("log10_gamma2"), e.getMessage());
        Path crowded = SyntheticRetrieval.write(dir, 2000, "mode_jump = 0.5\nstream_swap = 0.5");
        e = assertThrows(ExoretException.class, () -> RetrievalConfig.read(crowded));
        assertTrue(e.getMessage().contains("mode_jump + stream_swap"), e.getMessage());
    }

    @Test
    void rtCheckIsForUntemperedSurrogateRetrievals() throws IOException {
        String lower = "-5 -2 -1.3 0 0.5 -7 -7 -7";
        String upper = "1 2 1.3 1 1.3 5.5 5.5 5.5";
        Path ok = SyntheticRetrieval.write(dir, 2000, "", "model = surrogate\nbundle = b\nrt_check = 500", lower, upper);
        assertEquals(500, RetrievalConfig.read(ok).rtCheckDraws());
        assertEquals(0, RetrievalConfig.read(SyntheticRetrieval.write(dir, 2000, "")).rtCheckDraws());
        for (String[] bad : new String[][] {{"model = rt\nrt_check = 500", "", "rt_check"},
            {"model = surrogate\nbundle = b\nrt_check = -1", "", "rt_check"},
            {"model = surrogate\nbundle = b\nrt_check = 500", "temperature = 4", "rt_check"}}) {
            Path cfg = SyntheticRetrieval.write(dir, 2000, bad[1], bad[0], lower, upper);
            ExoretException e = assertThrows(ExoretException.class, () -> RetrievalConfig.read(cfg));
            assertTrue(e.getMessage().contains(bad[2]), e.getMessage());
        }
    }

    @Test
    void samplerKeysOutOfRangeAreNamed() throws IOException {
        for (String line : List.of("fgamma = 0", "fepsilon = -1", "mode_jump = 1", "stream_swap = -0.1",
                "temperature = 0.5")) {
            Path cfg = SyntheticRetrieval.write(dir, 2000, line);
            ExoretException e = assertThrows(ExoretException.class, () -> RetrievalConfig.read(cfg));
            String key = line.substring(0, line.indexOf(' '));
            assertTrue(e.getMessage().contains(key), e.getMessage());
        }
    }

    @Test
    void temperatureIsReadAndCannotBeComparedWithAReference() throws IOException {
        assertEquals(1.0, RetrievalConfig.read(SyntheticRetrieval.write(dir, 2000, "")).temperature());
        Path cfg = SyntheticRetrieval.write(dir, 2000, "temperature = 16");
        assertEquals(16.0, RetrievalConfig.read(cfg).temperature());
        Files.writeString(cfg, Files.readString(cfg).replace("name = synthetic", "name = synthetic\nreference = ref.npz"));
        ExoretException e = assertThrows(ExoretException.class, () -> RetrievalConfig.read(cfg));
        assertTrue(e.getMessage().contains("temperature") && e.getMessage().contains("reference"), e.getMessage());
    }
}
