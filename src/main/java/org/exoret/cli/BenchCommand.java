package org.exoret.cli;

import org.exoret.bench.RtBenchCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code exoret bench}: performance measurements; each area is a subcommand writing benchmarks/results/AREA.json. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run a benchmark and write benchmarks/results/<area>.json and .md.",
        subcommands = {RtBenchCommand.class})
public final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
