package org.exoret.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.exoret.ExoretException;
import org.exoret.dataset.Design;
import org.exoret.dataset.GenerationListener;
import org.exoret.dataset.GenerationPlan;
import org.exoret.dataset.GenerationReport;
import org.exoret.dataset.TrainingSet;
import org.exoret.dataset.TrainingSetGenerator;
import org.exoret.forward.ForwardModel;
import org.exoret.forward.ForwardResult;
import org.exoret.testmodel.GaussianLineModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkTrainingSetJobTest {

    private static final int CHANNELS = 90;
    /** 230 samples in chunks of 20: 12 chunks, the last one short; batches of 7 do not divide a chunk. */
    private static final GenerationPlan PLAN = new GenerationPlan(230, 42, Design.UNIFORM, 20, 7, 1);

    private static JavaSparkContext spark;

    @BeforeAll
    static void startSpark() {
        spark = new JavaSparkContext(testConf("SparkTrainingSetJobTest"));
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    /** Two local worker threads; a failed task is tried twice in all ("local[N,maxFailures]"). */
    static SparkConf testConf(String name) {
        return new SparkConf().setMaster("local[2,2]").setAppName(name)
                .set("spark.ui.enabled", "false")
                .set("spark.ui.showConsoleProgress", "false")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1");
    }

    private static void generateSingleMachine(Path dir, String hash) {
        new TrainingSetGenerator(new GaussianLineModel(CHANNELS), GaussianLineModel.space(), hash)
                .generate(dir, new GenerationPlan(PLAN.sampleCount(), PLAN.seed(), PLAN.design(), PLAN.chunkSize(), 5, 2),
                        GenerationListener.NONE);
    }

    /** Every file of the set (header, chunks, parameter CSV), byte for byte, and nothing else. */
    private static void assertSameFiles(Path expected, Path actual) throws IOException {
        List<String> names;
        try (Stream<Path> s = Files.list(expected)) {
            names = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        try (Stream<Path> s = Files.list(actual)) {
            assertEquals(names, s.map(p -> p.getFileName().toString()).sorted().toList());
        }
        for (String n : names) {
            assertArrayEquals(Files.readAllBytes(expected.resolve(n)), Files.readAllBytes(actual.resolve(n)), n);
        }
    }

    @Test
    void sparkSetEqualsSingleMachineSetSampleForSampleWhateverThePartitioning(@TempDir Path dir) throws IOException {
        GaussianLineFactory factory = new GaussianLineFactory(CHANNELS, "gaussian-equality");
        generateSingleMachine(dir.resolve("single"), factory.configurationHash());
        int createdBefore = GaussianLineFactory.CREATED.get();
        SparkTrainingSetJob job = new SparkTrainingSetJob(factory, GaussianLineModel.space());
        for (int partitions : new int[] {1, 3, 12, 50}) {
            Path out = dir.resolve("spark-" + partitions);
            GenerationReport report = job.run(spark, out, PLAN, partitions);
            assertEquals(12, report.chunksWritten());
            assertEquals(0, report.chunksReused());
            assertSameFiles(dir.resolve("single"), out);
        }
        TrainingSet single = TrainingSet.open(dir.resolve("single"));
        TrainingSet distributed = TrainingSet.open(dir.resolve("spark-3"));
        assertTrue(single.size() > 0 && single.size() < 230, "the box must hold accepted and rejected samples");
        float[] a = new float[CHANNELS];
        float[] b = new float[CHANNELS];
        for (int row = 0; row < single.size(); row++) {
            assertEquals(single.sampleIndex(row), distributed.sampleIndex(row));
            single.readSpectrum(row, a);
            distributed.readSpectrum(row, b);
            assertArrayEquals(a, b, 0f);
        }
        // four jobs on one JVM (driver and executors, local mode): the model was built once
        assertEquals(1, GaussianLineFactory.CREATED.get() - createdBefore);
    }

    @Test
    void resumedJobWritesOnlyTheMissingChunks(@TempDir Path dir) throws IOException {
        GaussianLineFactory factory = new GaussianLineFactory(CHANNELS, "gaussian-resume");
        generateSingleMachine(dir.resolve("single"), factory.configurationHash());
        Path out = dir.resolve("spark");
        SparkTrainingSetJob job = new SparkTrainingSetJob(factory, GaussianLineModel.space());
        job.run(spark, out, PLAN, 4);
        Files.delete(out.resolve("chunk-000003.bin"));
        Files.delete(out.resolve("chunk-000011.bin"));
        GenerationReport report = job.run(spark, out, PLAN, 4);
        assertEquals(2, report.chunksWritten());
        assertEquals(10, report.chunksReused());
        assertSameFiles(dir.resolve("single"), out);
    }

    @Test
    void otherSettingsInTheFolderAreRefused(@TempDir Path dir) {
        GaussianLineFactory factory = new GaussianLineFactory(CHANNELS, "gaussian-mismatch");
        SparkTrainingSetJob job = new SparkTrainingSetJob(factory, GaussianLineModel.space());
        job.run(spark, dir, PLAN, 2);
        GenerationPlan otherSeed = new GenerationPlan(230, 43, Design.UNIFORM, 20, 7, 1);
        ExoretException e = org.junit.jupiter.api.Assertions.assertThrows(ExoretException.class,
                () -> job.run(spark, dir, otherSeed, 2));
        assertEquals(ExoretException.Kind.MISMATCH, e.kind());
    }

    /** Fails its {@code failAtCall}-th evaluation, once per factory instance hash, then behaves. */
    record FailOnceFactory(String configurationHash, int failAtCall) implements ForwardModelFactory {

        static final AtomicInteger INJECTED = new AtomicInteger();

        @Override
        public ForwardModel create() {
            GaussianLineModel inner = new GaussianLineModel(CHANNELS);
            AtomicInteger calls = new AtomicInteger();
            return new ForwardModel() {
                @Override
                public List<String> parameterNames() {
                    return inner.parameterNames();
                }

                @Override
                public int bandCount() {
                    return inner.bandCount();
                }

                @Override
                public double[] wavenumberPerCm() {
                    return inner.wavenumberPerCm();
                }

                @Override
                public ForwardResult evaluate(double[][] theta) {
                    return inner.evaluate(theta);
                }

                @Override
                public ForwardResult evaluateWithSpectra(double[][] theta) {
                    if (calls.incrementAndGet() == failAtCall) {
                        INJECTED.incrementAndGet();
                        throw new IllegalStateException("injected executor failure");
                    }
                    return inner.evaluateWithSpectra(theta);
                }
            };
        }
    }

    @Test
    void taskKilledMidPartitionAndRetriedLeavesNoDuplicatesAndNoGaps(@TempDir Path dir) throws IOException {
        FailOnceFactory factory = new FailOnceFactory("gaussian-fail-once", 8);
        generateSingleMachine(dir.resolve("single"), factory.configurationHash());
        Path out = dir.resolve("spark");
        int injectedBefore = FailOnceFactory.INJECTED.get();
        // 3 partitions of 4 chunks, 3 evaluations per chunk: call 8 dies inside the third chunk of a partition,
        // after two of its chunks were already moved into place
        GenerationReport report = new SparkTrainingSetJob(factory, GaussianLineModel.space()).run(spark, out, PLAN, 3);
        assertEquals(1, FailOnceFactory.INJECTED.get() - injectedBefore, "the failure must have been injected");
        assertEquals(12, report.chunksWritten());
        assertFalse(Files.exists(out.resolve(SparkTrainingSetJob.STAGING)));
        TrainingSet set = TrainingSet.open(out);
        long expected = -1;
        for (int row = 0; row < set.size(); row++) {
            assertTrue(set.sampleIndex(row) > expected, "sample indices strictly ascend: no duplicates");
            expected = set.sampleIndex(row);
        }
        assertEquals(230, set.size() + set.rejections().values().stream().mapToLong(Long::longValue).sum());
        assertSameFiles(dir.resolve("single"), out);
    }
}
