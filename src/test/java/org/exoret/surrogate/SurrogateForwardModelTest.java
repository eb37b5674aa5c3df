package org.exoret.surrogate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.exoret.ExoretException;
import org.exoret.dataset.Design;
import org.exoret.dataset.GenerationListener;
import org.exoret.dataset.GenerationPlan;
import org.exoret.dataset.TrainingSet;
import org.exoret.dataset.TrainingSetGenerator;
import org.exoret.forward.ForwardResult;
import org.exoret.testmodel.GaussianLineModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SurrogateForwardModelTest {

    /**
     * Fused and unfused band depths differ only by float32 rounding: the unfused path rounds ~100 hidden-layer
     * products per channel and sums in double, the fused one sums ~64 float32 products; both relative to the depth
     * scale. 1e-5 is about 100 float32 ulps.
     */
    static final double FLOAT32_RELATIVE = 1e-5;

    @TempDir
    static Path dir;
    static Path bundle;
    static final GaussianLineModel MODEL = new GaussianLineModel(120);

    @BeforeAll
    static void trainQuickly() {
        new TrainingSetGenerator(MODEL, GaussianLineModel.space(), "gaussian-line-120")
                .generate(dir.resolve("set"), new GenerationPlan(800, 5, Design.UNIFORM, 400, 100, 2), GenerationListener.NONE);
        bundle = dir.resolve("bundle");
        SurrogateTrainer.train(TrainingSet.open(dir.resolve("set")), TrainingOptions.builder()
                .optArchitecture(Architecture.dense(List.of(64, 64), Architecture.ActivationKind.RELU))
                .optBatchSize(128).optMaxEpochs(4).optPlotCount(0)
                .optBands(MODEL.bandProjection(), SIGMA, BAND_IDS).build(), bundle, TrainingListener.NONE);
    }

    static final List<String> BAND_IDS = List.of("b1200", "b1800", "b2100", "b2600", "b3200");
    static final double[] SIGMA = {1e-4, 1e-4, 1e-4, 1e-4, 1e-4};

    /**
     * Points that differ by the exchange of the temperature profile's two streams have one spectrum; the committed
     * HD 189733 b bundle gives them identical band depths on both inference paths (Java below 10 rows, native above).
     */
    @Test
    void mirrorImagesOfTheTwoStreamsGetIdenticalDepths() {
        org.exoret.atmosphere.StreamSymmetry streams = org.exoret.atmosphere.StreamSymmetry.in(
                BundleDescriptor.read(Path.of("models/hd189733b")).parameterNames()).orElseThrow();
        double[][] theta = new double[12][];
        for (int i = 0; i < 6; i++) {
            theta[i] = new double[] {-1.5 + 0.3 * i, -1.3 + 0.1 * i, 0.6 - 0.2 * i, 0.1 + 0.15 * i, 0.8 + 0.08 * i,
                4.0 - i, 1.5, 1.0 - 0.5 * i, -1.0};
            theta[6 + i] = new double[9];
            streams.mirror(theta[i], theta[6 + i]);
        }
        try (SurrogateForwardModel model = SurrogateForwardModel.open(Path.of("models/hd189733b"), Device.cpu(), true)) {
            ForwardResult batch = model.evaluate(theta);
            for (int i = 0; i < 6; i++) {
                assertArrayEquals(batch.bandDepth(i), batch.bandDepth(6 + i), 0.0, "native path, point " + i);
                ForwardResult pair = model.evaluate(new double[][] {theta[i], theta[6 + i]});
                assertArrayEquals(pair.bandDepth(0), pair.bandDepth(1), 0.0, "Java path, point " + i);
            }
        }
    }

    @Test
    void storedBandProjectionGivesTheSameDepthsAsAnExplicitOne() {
        BundleDescriptor d = BundleDescriptor.read(bundle);
        assertEquals(BundleDescriptor.FORMAT_VERSION, d.formatVersion());
        assertTrue(d.hasBandProjection());
        assertEquals(BAND_IDS, d.bandIds());
        d.requireBands(BAND_IDS);
        ExoretException swapped = assertThrows(ExoretException.class,
                () -> d.requireBands(List.of("b1200", "b2100", "b1800", "b2600", "b3200")));
        assertEquals(ExoretException.Kind.MISMATCH, swapped.kind());
        assertTrue(swapped.getMessage().contains("first differing at band 1: bundle b1800, observations b2100"),
                swapped.getMessage());
        double[][] theta = thetas(16, 3);
        try (SurrogateForwardModel stored = SurrogateForwardModel.open(bundle, Device.cpu(), true);
             SurrogateForwardModel given = SurrogateForwardModel.open(bundle, MODEL.bandProjection(), Device.cpu(), true)) {
            ForwardResult a = stored.evaluate(theta);
            ForwardResult b = given.evaluate(theta);
            for (int i = 0; i < theta.length; i++) {
                assertArrayEquals(b.bandDepth(i), a.bandDepth(i), 0.0, "row " + i);
            }
        }
    }

    /** A format-1 bundle (no stored projection) still opens with an explicit projection, and says what to do without. */
    @Test
    void formatOneBundleReadsButNeedsAnExplicitProjection() throws java.io.IOException {
        Path old = dir.resolve("format1");
        java.nio.file.Files.createDirectories(old);
        for (String f : List.of("surrogate-0000.params", "bundle.json")) {
            java.nio.file.Files.copy(bundle.resolve(f), old.resolve(f));
        }
        com.google.gson.JsonObject json = com.google.gson.JsonParser.parseString(
                java.nio.file.Files.readString(old.resolve("bundle.json"))).getAsJsonObject();
        json.addProperty("formatVersion", 1);
        json.remove("bandIds");
        java.nio.file.Files.writeString(old.resolve("bundle.json"), json.toString());
        BundleDescriptor d = BundleDescriptor.read(old);
        assertFalse(d.hasBandProjection());
        ExoretException none = assertThrows(ExoretException.class, () -> SurrogateForwardModel.open(old, Device.cpu(), true));
        assertEquals(ExoretException.Kind.MISSING_FILE, none.kind());
        assertTrue(none.getMessage().contains(old.toString())
                && none.getMessage().contains("train with --config to store the band projection"), none.getMessage());
        assertEquals(ExoretException.Kind.CONFIGURATION,
                assertThrows(ExoretException.class, () -> d.requireBands(BAND_IDS)).kind());
        try (SurrogateForwardModel s = SurrogateForwardModel.open(old, MODEL.bandProjection(), Device.cpu(), true)) {
            assertTrue(s.evaluate(thetas(2, 1)).accepted(0));
        }
        json.addProperty("formatVersion", BundleDescriptor.FORMAT_VERSION + 1);
        java.nio.file.Files.writeString(old.resolve("bundle.json"), json.toString());
        assertEquals(ExoretException.Kind.MALFORMED_FILE,
                assertThrows(ExoretException.class, () -> BundleDescriptor.read(old)).kind());
    }

    static double[][] thetas(int n, long seed) {
        return Design.UNIFORM.points(GaussianLineModel.space(), seed, 0, n);
    }

    @Test
    void fusedBandDepthsEqualUnfusedToFloat32Precision() {
        try (SurrogateForwardModel fused = SurrogateForwardModel.open(bundle, MODEL.bandProjection(), Device.cpu(), true,
                SurrogateForwardModel.Inference.NATIVE);
             SurrogateForwardModel plain = SurrogateForwardModel.open(bundle, MODEL.bandProjection(), Device.cpu(), false)) {
            assertTrue(fused.fused());
            assertFalse(plain.fused());
            double[][] theta = thetas(64, 8);
            ForwardResult a = fused.evaluate(theta);
            ForwardResult b = plain.evaluate(theta);
            ForwardResult c = plain.evaluateWithSpectra(theta);
            double scale = 0;
            for (int i = 0; i < theta.length; i++) {
                for (double d : b.bandDepth(i)) {
                    scale = Math.max(scale, Math.abs(d));
                }
            }
            for (int i = 0; i < theta.length; i++) {
                assertArrayEquals(b.bandDepth(i), a.bandDepth(i), FLOAT32_RELATIVE * scale, "row " + i);
                assertArrayEquals(MODEL.bandProjection().apply(c.spectrum(i)), c.bandDepth(i), 0.0);
                assertArrayEquals(b.bandDepth(i), c.bandDepth(i), 0.0);
            }
        }
    }

    /** Java-side and native fused inference agree to float32 rounding, for each activation's float implementation. */
    @Test
    void javaInferenceEqualsNativeToFloat32Precision() {
        Path gelu = dir.resolve("gelu");
        SurrogateTrainer.train(TrainingSet.open(dir.resolve("set")), TrainingOptions.builder()
                .optArchitecture(Architecture.dense(List.of(48, 32), Architecture.ActivationKind.GELU))
                .optBatchSize(128).optMaxEpochs(1).optPlotCount(0)
                .optBands(MODEL.bandProjection(), SIGMA, BAND_IDS).build(), gelu, TrainingListener.NONE);
        for (Path b : List.of(bundle, gelu)) {
            try (SurrogateForwardModel java = SurrogateForwardModel.open(b, Device.cpu(), true,
                         SurrogateForwardModel.Inference.JAVA);
                 SurrogateForwardModel nat = SurrogateForwardModel.open(b, Device.cpu(), true,
                         SurrogateForwardModel.Inference.NATIVE)) {
                assertTrue(java.javaInference());
                assertFalse(nat.javaInference());
                for (int n : new int[] {1, 10, 64}) {
                    double[][] theta = thetas(n, 40 + n);
                    ForwardResult a = java.evaluate(theta);
                    ForwardResult c = nat.evaluate(theta);
                    double scale = 0;
                    for (int i = 0; i < n; i++) {
                        for (double d : c.bandDepth(i)) {
                            scale = Math.max(scale, Math.abs(d));
                        }
                    }
                    for (int i = 0; i < n; i++) {
                        assertArrayEquals(c.bandDepth(i), a.bandDepth(i), FLOAT32_RELATIVE * scale, b + " row " + i);
                    }
                }
            }
        }
        ExoretException unfused = assertThrows(ExoretException.class, () -> SurrogateForwardModel.open(bundle,
                Device.cpu(), false, SurrogateForwardModel.Inference.JAVA));
        assertEquals(ExoretException.Kind.CONFIGURATION, unfused.kind());
        try (SurrogateForwardModel auto = SurrogateForwardModel.open(bundle, Device.cpu(), false)) {
            assertFalse(auto.javaInference());
        }
    }

    /** A batch split over cores gives every row exactly the depths it gets when evaluated alone. */
    @Test
    void javaInferenceOfABatchEqualsRowByRowBitForBit() {
        try (SurrogateForwardModel java = SurrogateForwardModel.open(bundle, Device.cpu(), true,
                SurrogateForwardModel.Inference.JAVA)) {
            double[][] theta = thetas(64, 7);
            ForwardResult batch = java.evaluate(theta);
            for (int i = 0; i < theta.length; i++) {
                ForwardResult alone = java.evaluate(new double[][] {theta[i]});
                assertArrayEquals(alone.bandDepth(0), batch.bandDepth(i), 0.0, "row " + i);
            }
        }
    }

    @Test
    void rowsOutsideTheTrainingBoxAreRejectedAndBadRowsRefused() {
        try (SurrogateForwardModel s = SurrogateForwardModel.open(bundle, MODEL.bandProjection(), Device.cpu(), true)) {
            double[][] theta = thetas(3, 1);
            theta[1][0] = 2500;
            ForwardResult r = s.evaluate(theta);
            assertTrue(r.accepted(0) && r.accepted(2));
            assertTrue(r.rejection(1).contains("temperatureK = 2500.0 is outside the training range [900.0, 1800.0]"),
                    r.rejection(1));
            theta[1][0] = Double.NaN;
            assertEquals(ExoretException.Kind.INVALID_ARGUMENT,
                    assertThrows(ExoretException.class, () -> s.evaluate(theta)).kind());
            assertEquals(ExoretException.Kind.MISMATCH,
                    assertThrows(ExoretException.class, () -> s.evaluate(new double[][] {{1, 2}})).kind());
        }
    }

    @Test
    void bundleForOtherParametersGridOrPriorIsRefused() {
        try (SurrogateForwardModel s = SurrogateForwardModel.open(bundle, MODEL.bandProjection(), Device.cpu(), true)) {
            double[] lo = GaussianLineModel.space().lower();
            double[] hi = GaussianLineModel.space().upper();
            s.requireCompatible(MODEL.parameterNames(), MODEL.wavenumberPerCm(), lo, hi);
            ExoretException names = assertThrows(ExoretException.class, () -> s.requireCompatible(
                    List.of("temperatureK", "lineDepth", "lineShiftPerCm", "log10H2O"), MODEL.wavenumberPerCm(), lo, hi));
            assertEquals(ExoretException.Kind.MISMATCH, names.kind());
            assertTrue(names.getMessage().contains("log10H2O"), names.getMessage());
            ExoretException grid = assertThrows(ExoretException.class, () -> s.requireCompatible(
                    MODEL.parameterNames(), new GaussianLineModel(100).wavenumberPerCm(), lo, hi));
            assertTrue(grid.getMessage().contains("bundle 120 points, retrieval 100"), grid.getMessage());
            double[] wide = hi.clone();
            wide[1] = 0.95;
            ExoretException prior = assertThrows(ExoretException.class, () -> s.requireCompatible(
                    MODEL.parameterNames(), MODEL.wavenumberPerCm(), lo, wide));
            assertTrue(prior.getMessage().contains("lineDepth prior [0.05, 0.95] vs training [0.05, 0.9]"),
                    prior.getMessage());
        }
        ExoretException projection = assertThrows(ExoretException.class, () -> SurrogateForwardModel.open(bundle,
                new GaussianLineModel(100).bandProjection(), Device.cpu(), true));
        assertEquals(ExoretException.Kind.MISMATCH, projection.kind());
    }

    @Test
    void concurrentCallsAgreeWithSequentialOnes() throws Exception {
        try (SurrogateForwardModel s = SurrogateForwardModel.open(bundle, MODEL.bandProjection(), Device.cpu(), true)) {
            List<double[][]> batches = new ArrayList<>();
            List<ForwardResult> expected = new ArrayList<>();
            for (int k = 0; k < 16; k++) {
                batches.add(thetas(10, 100 + k));
                expected.add(s.evaluate(batches.get(k)));
            }
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<ForwardResult>> got = new ArrayList<>();
                for (int rep = 0; rep < 4; rep++) {
                    for (double[][] b : batches) {
                        got.add(pool.submit(() -> s.evaluate(b)));
                    }
                }
                for (int i = 0; i < got.size(); i++) {
                    ForwardResult g = got.get(i).get();
                    ForwardResult e = expected.get(i % 16);
                    for (int r = 0; r < 10; r++) {
                        assertArrayEquals(e.bandDepth(r), g.bandDepth(r), 0.0);
                    }
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    /** A GPU asked for where the engine sees none is refused with what to install, not with libtorch's kernel list. */
    @Test
    void gpuWhereThereIsNoneIsRefusedWithWhatToDo() {
        assumeTrue(Engine.getInstance().getGpuCount() == 0, "a GPU is present");
        ExoretException e = assertThrows(ExoretException.class, () -> SurrogateForwardModel.open(bundle,
                MODEL.bandProjection(), Devices.parse("GPU", "device"), true));
        assertEquals(ExoretException.Kind.ENGINE, e.kind());
        assertTrue(e.getMessage().contains("sees 0 GPU(s)") && e.getMessage().contains("docs/gpu.md"), e.getMessage());
        assertEquals(Device.cpu(), Devices.parse("CPU", "device"));
        ExoretException name = assertThrows(ExoretException.class, () -> Devices.parse("tpu", "--device"));
        assertTrue(name.getMessage().contains("--device tpu: use cpu or gpu"), name.getMessage());
    }

    @Test
    void closeIsIdempotentAndFinal() {
        SurrogateForwardModel s = SurrogateForwardModel.open(bundle, MODEL.bandProjection(), Device.cpu(), true);
        s.close();
        s.close();
        assertThrows(ExoretException.class, () -> s.evaluate(thetas(1, 1)));
    }

    /**
     * Every native array a call creates is released before it returns: the arrays the network's manager holds (its
     * children included) are the same after 20 000 calls, fused and unfused, as before them. A count, not a reading
     * of the resident set, so it holds on a loaded machine; the resident-set probe over 10⁶ calls runs with
     * {@code -Preproducibility} ({@link NativeMemoryReproducibilityTest}).
     */
    @Test
    void callsLeaveNoNativeArraysBehind() {
        double[][] theta = thetas(10, 77);
        for (boolean fuse : new boolean[] {true, false}) {
            try (SurrogateForwardModel s = SurrogateForwardModel.open(bundle, MODEL.bandProjection(), Device.cpu(), fuse,
                    SurrogateForwardModel.Inference.NATIVE)) {
                s.evaluate(theta);
                int held = s.nativeManager().getManagedArrays().size();
                for (int i = 0; i < 10_000; i++) {
                    s.evaluate(theta);
                    s.evaluateWithSpectra(theta);
                }
                assertEquals(held, s.nativeManager().getManagedArrays().size(), "fused " + fuse);
                // the count sees what a call would leak: a child manager left open with one array in it
                s.nativeManager().newSubManager().create(new float[] {1f});
                assertEquals(held + 1, s.nativeManager().getManagedArrays().size(), "a leaked child's array counted");
            }
        }
    }
}
