package org.exoret.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaSparkContext;
import org.exoret.ExoretException;
import org.exoret.data.DataRoot;
import org.exoret.dataset.Design;
import org.exoret.dataset.GenerationPlan;
import org.exoret.dataset.GenerationReport;
import org.exoret.spark.ParameterBoxFile;
import org.exoret.spark.RetrievalBatchReport;
import org.exoret.spark.RetrievalRunner;
import org.exoret.spark.RetrievalSummary;
import org.exoret.spark.RtModelFactory;
import org.exoret.spark.SparkRetrievalJob;
import org.exoret.spark.SparkSettings;
import org.exoret.spark.SparkTrainingSetJob;
import org.exoret.spark.StartModelCheck;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code exoret spark generate|retrieve}: the Spark jobs. Needs the Spark jars on the class path (the launcher adds
 * target/spark-lib; {@code spark-submit} supplies its own). See docs/spark.md.
 */
@Command(name = "spark", mixinStandardHelpOptions = true,
        description = "Run exoret jobs on Apache Spark (local[2] unless --master or spark-submit says otherwise).",
        subcommands = {SparkCommand.Generate.class, SparkCommand.Retrieve.class})
final class SparkCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Spark is a provided dependency: say how to get it rather than fail with NoClassDefFoundError. */
    static void requireSpark() {
        try {
            Class.forName("org.apache.spark.SparkConf", false, SparkCommand.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new ExoretException(ExoretException.Kind.CONFIGURATION, "Apache Spark is not on the class path; "
                    + "run 'mvn package' (it copies Spark to target/spark-lib) and use ./exoret, or run through "
                    + "spark-submit (docs/spark.md)", e);
        }
    }

    /** {@code exoret spark generate}: a training set of the RT reference, in the format {@code exoret train} reads. */
    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Generate a training set of the RT forward model on Spark (same files as single-machine generation).")
    static final class Generate implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--config", required = true, description = "RT configuration (INI), e.g. data/hd189733b_rt.cfg")
        Path config;

        @Option(names = "--section", defaultValue = "rt", description = "INI section of the RT set-up (default rt)")
        String section;

        @Option(names = "--box", required = true,
                description = "parameter box CSV name,unit,lower,upper, e.g. data/hd189733b_training_box.csv")
        Path box;

        @Option(names = "--out", required = true, description = "training-set folder, shared by driver and executors")
        Path out;

        @Option(names = "--samples", required = true, description = "design samples to draw")
        long samples;

        @Option(names = "--seed", defaultValue = "1", description = "design seed (default 1)")
        long seed;

        @Option(names = "--design", defaultValue = "uniform", description = "uniform or sobol (default uniform)")
        String design;

        @Option(names = "--chunk-size", defaultValue = "1000", description = "design samples per chunk file (default 1000)")
        int chunkSize;

        @Option(names = "--batch-size", defaultValue = "32", description = "vectors per forward-model call (default 32)")
        int batchSize;

        @Option(names = "--threads", defaultValue = "1", description = "forward-model threads per Spark task (default 1)")
        int threads;

        @Option(names = "--partitions", description = "Spark partitions (default: Spark's default parallelism)")
        Integer partitions;

        @Option(names = "--master", description = "Spark master URL (default: spark-submit's, else local[2])")
        String master;

        @Override
        public Integer call() {
            requireSpark();
            RtModelFactory factory = RtModelFactory.read(config, section, DataRoot.fromEnvironment());
            Design chosen = Design.parse(design);
            if (chosen == Design.KERNEL_DENSITY) {
                throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "exoret spark generate makes box "
                        + "designs (uniform, sobol); make a focused set with exoret generate --focus");
            }
            GenerationPlan plan = new GenerationPlan(samples, seed, chosen, chunkSize, batchSize, threads);
            SparkTrainingSetJob job = new SparkTrainingSetJob(factory, ParameterBoxFile.read(box));
            GenerationReport report;
            try (JavaSparkContext spark = new JavaSparkContext(SparkSettings.conf("exoret generate", master))) {
                report = job.run(spark, out, plan, partitions == null ? spark.defaultParallelism() : partitions);
            }
            PrintWriter w = spec.commandLine().getOut();
            w.printf("%d of %d design samples accepted; rejected: %s; chunks written %d, reused %d; set in %s%n",
                    report.accepted(), report.sampleCount(), report.rejections(), report.chunksWritten(),
                    report.chunksReused(), out.toAbsolutePath());
            w.flush();
            return 0;
        }
    }

    /** {@code exoret spark retrieve}: one job per row of a targets table, summaries gathered into one CSV. */
    @Command(name = "retrieve", mixinStandardHelpOptions = true,
            description = "Run one retrieval per row of a targets CSV (column 'config': retrieval configurations) on "
                    + "Spark and gather the posterior summaries into one CSV.")
    static final class Retrieve implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--targets", required = true, description = "CSV of targets with a 'config' column")
        Path targets;

        @Option(names = "--out", required = true, description = "summary CSV to write")
        Path out;

        @Option(names = "--start-model-check", description = "instead of retrievals, evaluate the RT model of each "
                + "configuration (RT INI) at its start parameters against its observations (chi-square)")
        boolean startModelCheck;

        @Option(names = "--section", defaultValue = "rt",
                description = "with --start-model-check: INI section of the RT set-up (default rt)")
        String section;

        @Option(names = "--partitions", description = "Spark tasks (default: one per target)")
        Integer partitions;

        @Option(names = "--master", description = "Spark master URL (default: spark-submit's, else local[2])")
        String master;

        @Override
        public Integer call() {
            requireSpark();
            String root = DataRoot.fromEnvironment().path().toAbsolutePath().normalize().toString();
            RetrievalBatchReport report;
            try (JavaSparkContext spark = new JavaSparkContext(SparkSettings.conf("exoret retrieve", master))) {
                RetrievalRunner runner = startModelCheck ? new StartModelCheck(section, root) : new RetrievalSummary(root);
                report = new SparkRetrievalJob(runner)
                        .run(spark, targets, out, partitions == null ? Integer.MAX_VALUE : partitions);
            }
            PrintWriter w = spec.commandLine().getOut();
            w.printf("%d targets, %d failed; summary in %s%n", report.rows(), report.failed(), report.output());
            w.flush();
            return report.failed() == 0 ? 0 : 1;
        }
    }
}
