package org.exoret.cli;

import org.exoret.bench.McmcBenchCommand;
import org.exoret.bench.OpacityBenchCommand;
<<<<<<< HEAD
import org.exoret.bench.SparkBenchCommand;
=======
import org.exoret.bench.RtBenchCommand;
>>>>>>> main
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code exoret bench <area>}: performance benchmarks; results go to benchmarks/results. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run a benchmark; each writes <area>.json and <area>.md under benchmarks/results.",
<<<<<<< HEAD
        subcommands = {OpacityBenchCommand.class, SparkBenchCommand.class})
final class BenchCommand implements Runnable {
=======
        subcommands = {OpacityBenchCommand.class, RtBenchCommand.class, McmcBenchCommand.class})
public final class BenchCommand implements Runnable {
>>>>>>> main

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
