package org.exoret.cli;

import org.exoret.bench.McmcBenchCommand;
import org.exoret.bench.OpacityBenchCommand;
import org.exoret.bench.RtBenchCommand;
import org.exoret.bench.SparkBenchCommand;
import org.exoret.bench.SurrogateBenchCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code exoret bench <area>}: performance benchmarks; results go to benchmarks/results. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run a benchmark; each writes <area>.json and <area>.md under benchmarks/results.",
        subcommands = {OpacityBenchCommand.class, RtBenchCommand.class, McmcBenchCommand.class,
            SurrogateBenchCommand.class, SparkBenchCommand.class})
public final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
