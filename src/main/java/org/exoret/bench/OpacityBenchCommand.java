package org.exoret.bench;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.exoret.ExoretException;
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
        md.append("\n## Configuration\n\n");
        ((Map<?, ?>) result.get("configuration")).forEach((k, v) -> md.append("- ").append(k).append(": ").append(v)
                .append('\n'));
        md.append("\n## Machine\n\n");
        ((Map<?, ?>) result.get("machine")).forEach((k, v) -> md.append("- ").append(k).append(": ").append(v)
                .append('\n'));
        try {
            Files.createDirectories(out);
            Files.writeString(out.resolve("opacity.json"), json + "\n");
            Files.writeString(out.resolve("opacity.md"), md.toString());
        } catch (IOException e) {
            throw new ExoretException(ExoretException.Kind.IO, "could not write benchmark results to " + out + ": "
                    + e.getMessage(), e);
        }
        PrintWriter w = spec.commandLine().getOut();
        w.print(md);
        w.flush();
        return 0;
    }
}
