package org.exoret.bench;

import com.google.gson.GsonBuilder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code exoret bench mcmc}: sampler overhead and sampling efficiency on the 5-D correlated Gaussian. */
@Command(name = "mcmc", mixinStandardHelpOptions = true,
        description = "Measure sampler overhead per chain-iteration and effective samples per 1000 evaluations "
                + "and per second on a 5-D correlated Gaussian; writes mcmc.json and mcmc.md.")
public final class McmcBenchCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--repeats", defaultValue = "3", description = "repeats per figure (default 3)")
    int repeats;

    @CommandLine.Option(names = "--iterations", defaultValue = "20000",
            description = "iterations per chain of each efficiency run (default 20000)")
    int iterations;

    @CommandLine.Option(names = "--overhead-iterations", defaultValue = "200000",
            description = "iterations per chain of each overhead run (default 200000)")
    int overheadIterations;

    @CommandLine.Option(names = "--out", defaultValue = "benchmarks/results",
            description = "output folder (default benchmarks/results)")
    Path out;

    @Override
    public Integer call() {
        Map<String, Object> result = new McmcBenchmark(repeats, iterations, overheadIterations).run();
        String json = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeSpecialFloatingPointValues()
                .create().toJson(result);
        StringBuilder md = new StringBuilder("# MCMC sampler benchmark\n\n| figure | value |\n|---|---|\n");
        md.append(String.format(Locale.ROOT, "| overhead per chain-iteration, zero-cost target | %.3f µs |%n",
                result.get("overhead_us_per_chain_iteration")));
        md.append(String.format(Locale.ROOT, "| bytes allocated per chain-iteration (setup included) | %.3f |%n",
                result.get("allocated_bytes_per_chain_iteration")));
        md.append(String.format(Locale.ROOT, "| ESS per 1000 evaluations, 5-D Gaussian ρ = 0.9, default mix | %.1f |%n",
                result.get("ess_per_1000_evals_gaussian5d")));
        md.append(String.format(Locale.ROOT, "| ESS per second, same run | %.0f |%n", result.get("ess_per_s_gaussian5d")));
        md.append("\n## Move mixes (5-D Gaussian, medians)\n\n| mix | ESS / 1000 evals | ESS / s | acceptance |\n|---|---|---|---|\n");
        ((Map<?, ?>) result.get("move_mixes")).forEach((k, v) -> {
            Map<?, ?> m = (Map<?, ?>) v;
            md.append(String.format(Locale.ROOT, "| %s | %.1f | %.0f | %.3f |%n", k, m.get("ess_per_1000_evals"),
                    m.get("ess_per_s"), m.get("acceptance_rate")));
        });
        md.append("\nReference points (same target, as quoted for the project): MC3 snooker ≈ 49, emcee ≈ 15 "
                + "effective samples per 1000 evaluations.\n");
        BenchmarkFiles.appendSection(md, "Configuration", (Map<?, ?>) result.get("configuration"));
        BenchmarkFiles.appendSection(md, "Machine", (Map<?, ?>) result.get("machine"));
        BenchmarkFiles.write(out, "mcmc", json, md.toString());
        PrintWriter w = spec.commandLine().getOut();
        w.print(md);
        w.flush();
        return 0;
    }
}
