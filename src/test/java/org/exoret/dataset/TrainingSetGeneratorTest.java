package org.exoret.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.exoret.ExoretException;
import org.exoret.forward.ForwardResult;
import org.exoret.testmodel.GaussianLineModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingSetGeneratorTest {

    private static final GaussianLineModel MODEL = new GaussianLineModel(120);
    private static final GenerationPlan PLAN = new GenerationPlan(230, 42, Design.UNIFORM, 50, 7, 2);

    private static GenerationReport generate(Path dir, GenerationPlan plan, GenerationListener listener) {
        return new TrainingSetGenerator(MODEL, GaussianLineModel.space(), "test-hash").generate(dir, plan, listener);
    }

    @Test
    void storesExactlyTheForwardModelsSpectraAndCountsRejections(@TempDir Path dir) {
        GenerationReport report = generate(dir, PLAN, GenerationListener.NONE);
        TrainingSet set = TrainingSet.open(dir);
        double[][] theta = Design.UNIFORM.points(GaussianLineModel.space(), 42, 0, 230);
        for (double[] row : theta) {
            for (int k = 0; k < row.length; k++) {
                row[k] = (float) row[k];
            }
        }
        ForwardResult direct = MODEL.evaluateWithSpectra(theta);
        int accepted = 0;
        long rejected = 0;
        float[] p = new float[4];
        float[] s = new float[120];
        for (int i = 0; i < 230; i++) {
            if (!direct.accepted(i)) {
                rejected++;
                continue;
            }
            assertEquals(i, set.sampleIndex(accepted));
            set.readParameters(accepted, p);
            set.readSpectrum(accepted, s);
            for (int k = 0; k < 4; k++) {
                assertEquals((float) theta[i][k], p[k], 0f);
            }
            double[] expected = direct.spectrum(i);
            for (int j = 0; j < 120; j++) {
                assertEquals((float) expected[j], s[j], 0f);
            }
            accepted++;
        }
        assertTrue(rejected > 0, "the test box must include rejected samples");
        assertEquals(accepted, set.size());
        assertEquals(Map.of(GaussianLineModel.TOO_DEEP, rejected), report.rejections());
        assertEquals(Map.of(GaussianLineModel.TOO_DEEP, rejected), set.rejections());
        assertEquals(5, report.chunksWritten());
        assertEquals(230, set.header().sampleCount());
        assertArrayEquals(MODEL.wavenumberPerCm(), set.header().wavenumberPerCm(), 0.0);
        assertTrue(Files.exists(dir.resolve("chunk-000004.bin")));
    }

    @Test
    void parameterCsvListsEveryAcceptedSample(@TempDir Path dir) throws IOException {
        generate(dir, PLAN, GenerationListener.NONE);
        List<String> lines = Files.readAllLines(dir.resolve(TrainingSetGenerator.PARAMETER_CSV));
        assertEquals("sample,temperatureK,lineDepth,lineShiftPerCm,log10LineWidthPerCm", lines.get(0));
        assertEquals(TrainingSet.open(dir).size() + 1, lines.size());
    }

    @Test
    void killedGenerationResumesToTheSameFiles(@TempDir Path dir) throws IOException {
        Path whole = dir.resolve("whole");
        Path killed = dir.resolve("killed");
        GenerationPlan plan = new GenerationPlan(230, 9, Design.SOBOL, 50, 7, 2);
        generate(whole, plan, GenerationListener.NONE);
        RuntimeException kill = new IllegalStateException("killed after two chunks");
        GenerationListener killer = new GenerationListener() {
            @Override
            public void chunkWritten(int chunk, int accepted, int attempted) {
                if (chunk == 1) {
                    throw kill;
                }
            }
        };
        assertEquals(kill, assertThrows(IllegalStateException.class, () -> generate(killed, plan, killer)));
        assertTrue(Files.exists(killed.resolve("chunk-000001.bin")));
        assertTrue(Files.notExists(killed.resolve("chunk-000002.bin")));
        // a half-written temporary file, as a kill during a write would leave
        Files.write(killed.resolve("chunk-000002.bin.tmp"), new byte[] {1, 2, 3});
        long[] reported = new long[2];
        GenerationReport report = generate(killed, plan, new GenerationListener() {
            @Override
            public void started(long sampleCount, long alreadyDone) {
                reported[0] = alreadyDone;
            }

            @Override
            public void evaluated(int count) {
                reported[1] += count;
            }
        });
        assertEquals(100, reported[0], "two chunks of 50 were already done");
        assertEquals(130, reported[1], "only the remaining samples are evaluated");
        assertEquals(3, report.chunksWritten());
        assertEquals(2, report.chunksReused());
        for (String name : List.of("chunk-000000.bin", "chunk-000001.bin", "chunk-000002.bin", "chunk-000003.bin",
                "chunk-000004.bin", TrainingSetGenerator.PARAMETER_CSV, TrainingSetHeader.FILE_NAME)) {
            assertArrayEquals(Files.readAllBytes(whole.resolve(name)), Files.readAllBytes(killed.resolve(name)), name);
        }
        try (Stream<Path> files = Files.list(killed)) {
            assertTrue(files.noneMatch(f -> f.toString().endsWith(".tmp")));
        }
        assertEquals(TrainingSet.open(whole).contentHash(), TrainingSet.open(killed).contentHash());
    }

    @Test
    void raisingTheSampleCountExtendsTheSet(@TempDir Path dir) {
        Path grown = dir.resolve("grown");
        Path whole = dir.resolve("whole");
        generate(grown, new GenerationPlan(120, 4, Design.UNIFORM, 50, 10, 1), GenerationListener.NONE);
        generate(grown, new GenerationPlan(230, 4, Design.UNIFORM, 50, 10, 1), GenerationListener.NONE);
        generate(whole, new GenerationPlan(230, 4, Design.UNIFORM, 50, 10, 1), GenerationListener.NONE);
        assertEquals(TrainingSet.open(whole).contentHash(), TrainingSet.open(grown).contentHash());
    }

    @Test
    void truncatedChunkIsNamed(@TempDir Path dir) throws IOException {
        generate(dir, PLAN, GenerationListener.NONE);
        Path chunk = dir.resolve("chunk-000002.bin");
        try (RandomAccessFile f = new RandomAccessFile(chunk.toFile(), "rw")) {
            f.setLength(f.length() - 4);
        }
        ExoretException e = assertThrows(ExoretException.class, () -> TrainingSet.open(dir));
        assertEquals(ExoretException.Kind.MALFORMED_FILE, e.kind());
        assertTrue(e.getMessage().contains(chunk.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("bytes"), e.getMessage());
    }

    @Test
    void badMagicIsNamed(@TempDir Path dir) throws IOException {
        generate(dir, PLAN, GenerationListener.NONE);
        Path chunk = dir.resolve("chunk-000001.bin");
        try (RandomAccessFile f = new RandomAccessFile(chunk.toFile(), "rw")) {
            f.write("NOTASET!".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        ExoretException e = assertThrows(ExoretException.class, () -> TrainingSet.open(dir));
        assertEquals(ExoretException.Kind.MALFORMED_FILE, e.kind());
        assertTrue(e.getMessage().contains(chunk.toString()) && e.getMessage().contains("magic"), e.getMessage());
    }

    @Test
    void missingChunkSaysTheSetIsIncomplete(@TempDir Path dir) throws IOException {
        generate(dir, PLAN, GenerationListener.NONE);
        Files.delete(dir.resolve("chunk-000003.bin"));
        ExoretException e = assertThrows(ExoretException.class, () -> TrainingSet.open(dir));
        assertEquals(ExoretException.Kind.MISSING_FILE, e.kind());
        assertTrue(e.getMessage().contains("chunk-000003.bin"), e.getMessage());
    }

    @Test
    void resumingWithOtherSettingsIsRefused(@TempDir Path dir) {
        generate(dir, PLAN, GenerationListener.NONE);
        ExoretException e = assertThrows(ExoretException.class,
                () -> generate(dir, new GenerationPlan(230, 43, Design.UNIFORM, 50, 7, 2), GenerationListener.NONE));
        assertEquals(ExoretException.Kind.MISMATCH, e.kind());
        assertTrue(e.getMessage().contains("seed 42 vs 43"), e.getMessage());
        ExoretException grid = assertThrows(ExoretException.class, () -> new TrainingSetGenerator(new GaussianLineModel(121),
                GaussianLineModel.space(), "test-hash").generate(dir, PLAN, GenerationListener.NONE));
        assertTrue(grid.getMessage().contains("wavenumber grid (120 vs 121 points"), grid.getMessage());
    }

    @Test
    void gridOrParameterMismatchOnOpenIsRefused(@TempDir Path dir) {
        generate(dir, PLAN, GenerationListener.NONE);
        ExoretException g = assertThrows(ExoretException.class, () -> TrainingSet.open(dir,
                MODEL.parameterNames(), new GaussianLineModel(60).wavenumberPerCm()));
        assertEquals(ExoretException.Kind.MISMATCH, g.kind());
        assertTrue(g.getMessage().contains("wavenumber grid"), g.getMessage());
        ExoretException p = assertThrows(ExoretException.class, () -> TrainingSet.open(dir,
                List.of("a", "b", "c", "d"), MODEL.wavenumberPerCm()));
        assertTrue(p.getMessage().contains("[a, b, c, d]"), p.getMessage());
    }

    @Test
    void unionReadsThePartsInOrderOverTheirCommonBox(@TempDir Path dir) {
        generate(dir.resolve("a"), PLAN, GenerationListener.NONE);
        ParameterSpace narrow = new ParameterSpace(GaussianLineModel.space().names(), GaussianLineModel.space().units(),
                new double[] {900, 0.1, -100, 1.5}, new double[] {1500, 0.5, 100, 2.0});
        new TrainingSetGenerator(MODEL, narrow, "test-hash")
                .generate(dir.resolve("b"), new GenerationPlan(90, 3, Design.SOBOL, 50, 7, 1), GenerationListener.NONE);
        TrainingSet a = TrainingSet.open(dir.resolve("a"));
        TrainingSet b = TrainingSet.open(dir.resolve("b"));
        TrainingSet union = TrainingSet.union(List.of(a, b));
        assertEquals(a.size() + b.size(), union.size());
        assertEquals(List.of(dir.resolve("a"), dir.resolve("b")), union.folders());
        assertArrayEquals(new double[] {900, 0.05, -150, 1.3}, union.parameterLower(), 0.0);
        assertArrayEquals(new double[] {1800, 0.9, 150, 2.3}, union.parameterUpper(), 0.0);
        float[] expected = new float[120];
        float[] got = new float[120];
        b.readSpectrum(3, expected);
        union.readSpectrum(a.size() + 3, got);
        assertArrayEquals(expected, got);
        assertEquals(1, union.part(a.size() + 3));
        assertEquals(b.sampleIndex(3), union.sampleIndex(a.size() + 3));
        assertEquals(0, union.part(a.size() - 1));

        ExoretException twice = assertThrows(ExoretException.class, () -> TrainingSet.union(List.of(a, b, a)));
        assertTrue(twice.getMessage().contains("twice"), twice.getMessage());
        ParameterSpace apart = new ParameterSpace(GaussianLineModel.space().names(), GaussianLineModel.space().units(),
                new double[] {800, 0.1, -100, 1.5}, new double[] {1500, 0.5, 100, 2.0});
        new TrainingSetGenerator(MODEL, apart, "test-hash")
                .generate(dir.resolve("d"), new GenerationPlan(60, 3, Design.SOBOL, 50, 7, 1), GenerationListener.NONE);
        ExoretException notNested = assertThrows(ExoretException.class,
                () -> TrainingSet.union(List.of(a, TrainingSet.open(dir.resolve("d")))));
        assertTrue(notNested.getMessage().contains("holds all the others"), notNested.getMessage());

        new TrainingSetGenerator(new GaussianLineModel(121), GaussianLineModel.space(), "test-hash")
                .generate(dir.resolve("c"), PLAN, GenerationListener.NONE);
        ExoretException e = assertThrows(ExoretException.class,
                () -> TrainingSet.union(List.of(a, TrainingSet.open(dir.resolve("c")))));
        assertEquals(ExoretException.Kind.MISMATCH, e.kind());
        assertTrue(e.getMessage().contains("wavenumber grid") && e.getMessage().contains(dir.resolve("c").toString()),
                e.getMessage());
    }
}
