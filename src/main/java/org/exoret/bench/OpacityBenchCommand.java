package org.exoret.bench;

import com.google.gson.GsonBuilder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.exoret.data.DataRoot;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code exoret bench opacity}: times the CO line-by-line table build and table evaluation. */
@Command(name = "opacity", mixinStandardHelpOptions = true,
        description = "Time the CO line-by-line table build (BART grid) and cross-section/CIA evaluation; "
                + "writes opacity.json and opacity.md.")
public final class OpacityBenchCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--repeats", defaultValue = "3", description = "timed table builds (default 3)")
    int repeats;

    @CommandLine.Option(names = "--out", defaultValue = "benchmarks/results",
            description = "output folder (default benchmarks/results)")
    Path out;

    @Override
    public Integer call() {
        Map<String, Object> result = new OpacityBenchmark(DataRoot.fromEnvironment(), repeats).run();
        String json = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(result);
        StringBuilder md = new StringBuilder("# Opacity benchmark\n\n| figure | value |\n|---|---|\n");
        md.append(String.format("| CO line-by-line table build (median) | %.2f s |%n", result.get("co_lbl_table_build_s")));
        md.append(String.format("| cross-section evaluation | %.2f ns per layer×wavenumber cell |%n",
                result.get("xsec_eval_ns_per_cell")));
        md.append(String.format("| CIA evaluation | %.2f ns per layer×wavenumber cell |%n",
                result.get("cia_eval_ns_per_cell")));
        BenchmarkFiles.appendSection(md, "Configuration", (Map<?, ?>) result.get("configuration"));
        BenchmarkFiles.appendSection(md, "Machine", (Map<?, ?>) result.get("machine"));
        BenchmarkFiles.write(out, "opacity", json, md.toString());
        PrintWriter w = spec.commandLine().getOut();
        w.print(md);
        w.flush();
        return 0;
    }
}
