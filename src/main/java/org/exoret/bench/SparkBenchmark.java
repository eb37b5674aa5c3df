package org.exoret.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.exoret.ExoretException;
import org.exoret.data.DataRoot;
import org.exoret.dataset.Design;
import org.exoret.dataset.GenerationListener;
import org.exoret.dataset.GenerationPlan;
import org.exoret.dataset.ParameterSpace;
import org.exoret.dataset.TrainingSetGenerator;
import org.exoret.forward.ForwardModel;
import org.exoret.spark.ExecutorModels;
import org.exoret.spark.ParameterBoxFile;
import org.exoret.spark.RtModelFactory;
import org.exoret.spark.SparkTrainingSetJob;

/**
 * Spark benchmark on the HD 189733 b RT reference: the in-memory size of the forward model (opacity tables, CIA,
 * star, passbands) as the heap growth over building it; training-set generation rate on one machine
 * ({@link TrainingSetGenerator}, 2 threads) against Spark {@code local[2]} ({@link SparkTrainingSetJob}, 2 partitions)
 * for the same plan in the same JVM; and Spark's overhead per partition, from the same job cut into many
 * partitions, with the bare task-scheduling cost of empty tasks as a lower bound.
 */
public final class SparkBenchmark {

    private final Path config;
    private final Path box;
    private final int samples;
    private final int repeats;
    private final Path work;

    /**
     * @param config RT configuration (INI)
     * @param box parameter box CSV
     * @param samples design samples per generation
     * @param repeats timed runs per variant (medians are reported)
     * @param work scratch folder for the training sets (deleted afterwards)
     */
    public SparkBenchmark(Path config, Path box, int samples, int repeats, Path work) {
        this.config = config;
        this.box = box;
        this.samples = samples;
        this.repeats = Math.max(1, repeats);
        this.work = work;
    }

    /** @return figures, configuration and machine */
    public Map<String, Object> run() {
        RtModelFactory factory = RtModelFactory.read(config, "rt", DataRoot.fromEnvironment());
        ParameterSpace space = ParameterBoxFile.read(box);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = settledHeap(memory);
        long t0 = System.nanoTime();
        ForwardModel model = ExecutorModels.get(factory);
        double buildS = (System.nanoTime() - t0) * 1e-9;
        long modelBytes = settledHeap(memory) - before;

        // plan A compares throughput: 8 chunks of 2 batches, so both single-machine threads have work in a chunk;
        // plan B cuts the same samples into 32 chunks, run as 2 and as 32 partitions, for the per-partition cost
        int chunk = Math.max(2, samples / 8);
        int batch = Math.max(1, chunk / 2);
        GenerationPlan single = new GenerationPlan(samples, 7, Design.UNIFORM, chunk, batch, 2);
        GenerationPlan perTask = new GenerationPlan(samples, 7, Design.UNIFORM, chunk, batch, 1);
        int smallChunk = Math.max(1, samples / 32);
        GenerationPlan small = new GenerationPlan(samples, 7, Design.UNIFORM, smallChunk, smallChunk, 1);
        int chunks = (samples + smallChunk - 1) / smallChunk;
        double[] singleS = new double[repeats];
        double[] sparkS = new double[repeats];
        double[] sparkFewS = new double[repeats];
        double[] sparkManyS = new double[repeats];
        double[] emptyTaskS = new double[repeats];
        long accepted = 0;
        boolean identical = true;
        double startS;
        SparkTrainingSetJob job = new SparkTrainingSetJob(factory, space);
        TrainingSetGenerator generator = new TrainingSetGenerator(model, space, factory.configurationHash());
        // JIT warm-up, untimed
        generator.generate(work.resolve("warm-up"), single, GenerationListener.NONE);
        delete(work.resolve("warm-up"));
        long s0 = System.nanoTime();
        try (JavaSparkContext spark = new JavaSparkContext(org.exoret.spark.SparkSettings.conf("exoret bench spark", "local[2]")
                .set("spark.ui.enabled", "false"))) {
            startS = (System.nanoTime() - s0) * 1e-9;
            List<Integer> empty = IntStream.range(0, chunks).boxed().toList();
            spark.parallelize(empty, chunks).foreach(i -> { });
            for (int r = 0; r < repeats; r++) {
                Path a = work.resolve("single-" + r);
                long t = System.nanoTime();
                accepted = generator.generate(a, single, GenerationListener.NONE).accepted();
                singleS[r] = (System.nanoTime() - t) * 1e-9;
                Path b = work.resolve("spark-" + r);
                t = System.nanoTime();
                job.run(spark, b, perTask, 2);
                sparkS[r] = (System.nanoTime() - t) * 1e-9;
                identical &= sameFiles(a, b);
                Path c = work.resolve("spark-few-" + r);
                t = System.nanoTime();
                job.run(spark, c, small, 2);
                sparkFewS[r] = (System.nanoTime() - t) * 1e-9;
                Path d = work.resolve("spark-many-" + r);
                t = System.nanoTime();
                job.run(spark, d, small, chunks);
                sparkManyS[r] = (System.nanoTime() - t) * 1e-9;
                identical &= sameFiles(c, d);
                t = System.nanoTime();
                spark.parallelize(empty, chunks).foreach(i -> { });
                emptyTaskS[r] = (System.nanoTime() - t) * 1e-9 / chunks;
                for (Path p : List.of(a, b, c, d)) {
                    delete(p);
                }
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("model_in_memory_mib", modelBytes / 1048576.0);
        result.put("model_build_s", buildS);
        result.put("single_machine_spectra_per_s", accepted / median(singleS));
        result.put("spark_local2_spectra_per_s", accepted / median(sparkS));
        result.put("single_machine_design_samples_per_s", samples / median(singleS));
        result.put("spark_local2_design_samples_per_s", samples / median(sparkS));
        result.put("spark_overhead_per_partition_s", (median(sparkManyS) - median(sparkFewS)) / (chunks - 2));
        result.put("spark_empty_task_s", median(emptyTaskS));
        result.put("spark_context_start_s", startS);
        result.put("sets_identical", identical);
        result.put("single_machine_runs_s", singleS);
        result.put("spark_local2_2_partitions_runs_s", sparkS);
        result.put("spark_local2_small_chunks_2_partitions_runs_s", sparkFewS);
        result.put("spark_local2_small_chunks_" + chunks + "_partitions_runs_s", sparkManyS);
        Map<String, Object> conf = new LinkedHashMap<>();
        conf.put("config", config.toString());
        conf.put("box", box.toString());
        conf.put("wavenumbers", model.wavenumberPerCm().length);
        conf.put("design_samples", samples);
        conf.put("accepted_spectra", accepted);
        conf.put("chunk_size", chunk);
        conf.put("batch_size", batch);
        conf.put("overhead_runs_chunk_size", smallChunk);
        conf.put("overhead_runs_chunks", chunks);
        conf.put("single_machine_threads", 2);
        conf.put("spark_master", "local[2]");
        conf.put("repeats", repeats);
        result.put("configuration", conf);
        result.put("machine", MachineInfo.describe());
        return result;
    }

    private static long settledHeap(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }

    private static boolean sameFiles(Path a, Path b) {
        try (Stream<Path> files = Files.list(a)) {
            for (Path f : files.toList()) {
                if (Files.mismatch(f, b.resolve(f.getFileName())) != -1) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            throw new ExoretException(ExoretException.Kind.IO, "cannot compare " + a + " and " + b + ": " + e.getMessage(), e);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new ExoretException(ExoretException.Kind.IO, "cannot delete " + folder + ": " + e.getMessage(), e);
        }
    }
}
