package org.exoret.cli;

import org.exoret.ExoretException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code exoret} command line. Subcommands each own one job; see {@code exoret help}.
 * DJL is forced offline before anything touches it: the native PyTorch library comes from the Maven jar.
 */
@Command(name = "exoret",
        mixinStandardHelpOptions = true,
        versionProvider = ExoretCommand.VersionProvider.class,
        description = "Bayesian retrieval of exoplanet atmospheres with a neural-network surrogate for radiative transfer.",
        subcommands = {
            CommandLine.HelpCommand.class,
            InfoCommand.class,
            DemoCommand.class,
            GenerateCommand.class,
            TrainCommand.class,
            BenchCommand.class,
            SpectrumCommand.class,
            CompareCommand.class,
            RetrieveCommand.class,
            SparkCommand.class
        })
public final class ExoretCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Entry point.
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /**
     * Runs the command line without exiting the JVM; used by tests and by embedding code.
     *
     * @param args command-line arguments
     * @return the exit code
     */
    public static int execute(String... args) {
        DjlSettings.offline();
        return newCommandLine().execute(args);
    }

    /** @return a command line with exoret's error handling: {@link ExoretException}s print their message only */
    public static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new ExoretCommand());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof ExoretException ee) {
                commandLine.getErr().println("exoret: error (" + ee.kind() + "): " + ee.getMessage());
                return 2;
            }
            throw ex;
        });
        return cl;
    }

    /** Supplies {@code --version}. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"exoret " + org.exoret.Versions.exoret()};
        }
    }
}
