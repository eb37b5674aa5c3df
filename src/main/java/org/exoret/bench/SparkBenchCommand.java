package org.exoret.bench;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.exoret.ExoretException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code exoret bench spark}: single-machine vs Spark local[2] training-set generation of the RT reference. */
@Command(name = "spark", mixinStandardHelpOptions = true,
        description = "Time training-set generation of the HD 189733 b RT model on one machine vs Spark local[2], "
                + "Spark's overhead per partition and the model's in-memory size; writes spark.json and spark.md.")
public final class SparkBenchCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--config", defaultValue = "data/hd189733b_rt.cfg", description = "RT configuration")
    Path config;

    @CommandLine.Option(names = "--box", defaultValue = "data/hd189733b_training_box.csv", description = "parameter box")
    Path box;

    @CommandLine.Option(names = "--samples", defaultValue = "128", description = "design samples per run (default 128)")
    int samples;

    @CommandLine.Option(names = "--repeats", defaultValue = "3", description = "timed runs per variant (default 3)")
    int repeats;

    @CommandLine.Option(names = "--out", defaultValue = "benchmarks/results",
            description = "output folder (default benchmarks/results)")
    Path out;

    @Override
    public Integer call() {
        Map<String, Object> result;
        try {
            Path work = Files.createTempDirectory("exoret-bench-spark");
            result = new SparkBenchmark(config, box, samples, repeats, work).run();
            Files.delete(work);
        } catch (IOException e) {
            throw new ExoretException(ExoretException.Kind.IO, "scratch folder: " + e.getMessage(), e);
        }
        String json = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(result);
        StringBuilder md = new StringBuilder("# Spark benchmark\n\nMedians over the repeats.\n\n| figure | value |\n|---|---|\n");
        md.append(String.format("| single machine (TrainingSetGenerator, 2 threads) | %.2f spectra/s |%n",
                result.get("single_machine_spectra_per_s")));
        md.append(String.format("| Spark local[2], 2 partitions | %.2f spectra/s |%n", result.get("spark_local2_spectra_per_s")));
        md.append(String.format("| Spark overhead per partition (job cut into many partitions) | %.3f s |%n",
                result.get("spark_overhead_per_partition_s")));
        md.append(String.format("| Spark scheduling cost of an empty task | %.4f s |%n", result.get("spark_empty_task_s")));
        md.append(String.format("| Spark context start | %.2f s |%n", result.get("spark_context_start_s")));
        md.append(String.format("| HD 189733 b RT model in memory (heap growth) | %.1f MiB |%n", result.get("model_in_memory_mib")));
        md.append(String.format("| HD 189733 b RT model build | %.2f s |%n", result.get("model_build_s")));
        md.append("| Spark sets byte-identical to single-machine sets | ").append(result.get("sets_identical")).append(" |\n");
        BenchmarkFiles.appendSection(md, "Configuration", (Map<?, ?>) result.get("configuration"));
        BenchmarkFiles.appendSection(md, "Machine", (Map<?, ?>) result.get("machine"));
        BenchmarkFiles.write(out, "spark", json, md.toString());
        PrintWriter w = spec.commandLine().getOut();
        w.print(md);
        w.flush();
        return 0;
    }
}
