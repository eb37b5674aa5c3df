package org.exoret.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.exoret.ExoretException;
import org.exoret.dataset.GenerationListener;
import org.exoret.dataset.GenerationPlan;
import org.exoret.dataset.GenerationReport;
import org.exoret.dataset.ParameterSpace;
import org.exoret.dataset.TrainingSetGenerator;
import org.exoret.dataset.TrainingSetHeader;
import org.exoret.forward.ForwardModel;

/**
 * Generates a training set on a Spark cluster, in exactly the format (header, chunk files, parameter CSV) and with
 * exactly the bytes that {@link TrainingSetGenerator} writes on one machine for the same plan, whatever the number of
 * executors or partitions: design sample i is a pure function of (seed, i) and chunk k always covers samples
 * {@code [k·chunkSize, (k+1)·chunkSize)}; partitions only group chunks.
 *
 * <p>The driver writes the header, lists the chunks still missing (so an interrupted job resumes), and hands them to
 * the executors. Each task attempt writes its chunks into a private staging folder and renames each finished chunk
 * atomically into the set, so a task that fails or is killed half-way and retried, or a speculative duplicate,
 * never leaves a partial, duplicated or missing chunk. The driver then validates every chunk and writes the
 * parameter CSV.
 *
 * <p>The training-set folder must be on a file system every executor and the driver see at the same path (a local
 * disk in local mode, NFS/Lustre/GPFS on a cluster). The driver builds the model once too (through
 * {@link ExecutorModels}, so in local mode the executors share it) to learn its wavenumber grid.
 */
public final class SparkTrainingSetJob {

    /** Folder inside the training set that holds per-attempt staging folders while a job runs. */
    public static final String STAGING = ".staging";

    private final ForwardModelFactory factory;
    private final ParameterSpace space;

    /**
     * @param factory the forward model recipe, shipped to the executors
     * @param space the box to sample, whose names must be the model's parameter names
     */
    public SparkTrainingSetJob(ForwardModelFactory factory, ParameterSpace space) {
        this.factory = factory;
        this.space = space;
    }

    /**
     * Generates (or finishes) a training set.
     *
     * @param spark the Spark context
     * @param folder the training-set folder, on a file system shared by driver and executors
     * @param plan what to draw; {@link GenerationPlan#threads()} is the threads each task uses
     * @param partitions Spark partitions (tasks) to spread the chunks over, ≥ 1; more than the chunk count is
     *                   capped at the chunk count
     * @return counts over the whole set
     */
    public GenerationReport run(JavaSparkContext spark, Path folder, GenerationPlan plan, int partitions) {
        if (partitions < 1) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "partitions must be ≥ 1, got " + partitions);
        }
        Path root = folder.toAbsolutePath().normalize();
        ForwardModel driverModel = ExecutorModels.get(factory);
        TrainingSetHeader header = new TrainingSetGenerator(driverModel, space, factory.configurationHash())
                .prepare(root, plan);
        deleteStaging(root);
        List<Integer> missing = TrainingSetGenerator.missingChunks(root, header);
        int written = 0;
        if (!missing.isEmpty()) {
            ChunkTask task = new ChunkTask(factory, root.toString(), plan.batchSize(), plan.threads());
            written = spark.parallelize(missing, Math.min(partitions, missing.size()))
                    .mapPartitions(task::writeAll)
                    .collect().size();
            deleteStaging(root);
        }
        return TrainingSetGenerator.complete(root, written);
    }

    private static void deleteStaging(Path root) {
        Path staging = root.resolve(STAGING);
        if (!Files.exists(staging)) {
            return;
        }
        try (Stream<Path> files = Files.walk(staging)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new ExoretException(ExoretException.Kind.IO, "cannot remove staging folder " + staging + ": "
                    + e.getMessage(), e);
        }
    }

    /** What an executor runs for a partition of chunk numbers; serialised with the task. */
    private record ChunkTask(ForwardModelFactory factory, String folder, int batchSize, int threads)
            implements java.io.Serializable {

        Iterator<Integer> writeAll(Iterator<Integer> chunks) throws IOException {
            Path root = Paths.get(folder);
            TrainingSetHeader header = TrainingSetHeader.read(root);
            TrainingSetGenerator generator = new TrainingSetGenerator(ExecutorModels.get(factory), header.space(),
                    header.forwardModelHash());
            TaskContext context = TaskContext.get();
            // one folder per task attempt: concurrent attempts of the same chunk never share a temporary file
            Path staging = root.resolve(STAGING).resolve("attempt-" + (context == null ? 0 : context.taskAttemptId()));
            Files.createDirectories(staging);
            List<Integer> done = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "exoret-spark-generate");
                t.setDaemon(true);
                return t;
            });
            try {
                while (chunks.hasNext()) {
                    int chunk = chunks.next();
                    Path staged = generator.writeChunk(staging, header, chunk, batchSize, pool, GenerationListener.NONE);
                    Files.move(staged, root.resolve(staged.getFileName()), StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                    done.add(chunk);
                }
            } finally {
                pool.shutdownNow();
            }
            Files.delete(staging);
            return done.iterator();
        }
    }
}
