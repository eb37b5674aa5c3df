package org.exoret.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.exoret.ExoretException;
import org.exoret.posterior.ComparisonOptions;
import org.exoret.posterior.Posterior;
import org.exoret.posterior.PosteriorComparison;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code exoret compare A B}: Bhattacharyya coefficients, noise floors and credible regions of two posteriors. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare two posteriors of the same parameters: per-parameter Bhattacharyya coefficient "
            + "(HOMER's histogram estimator), its noise floor from independent halves of each posterior, a bootstrap "
            + "error, and HPD credible regions.",
            "Files are exoret CSV (.csv) or MC3-compatible NumPy archives (.npz); see docs/posterior.md."})
final class CompareCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Parameters(index = "0", paramLabel = "A", description = "first posterior (.csv or .npz)")
    Path first;

    @CommandLine.Parameters(index = "1", paramLabel = "B", description = "second posterior (.csv or .npz)")
    Path second;

    @CommandLine.Option(names = "--out", paramLabel = "DIR",
            description = "write report.md, tables and PNG plots into this folder")
    Path out;

    @CommandLine.Option(names = "--bins", defaultValue = "60",
            description = "histogram bins over the union of both ranges (default: ${DEFAULT-VALUE}, as HOMER)")
    int bins;

    @CommandLine.Option(names = "--seed", defaultValue = "1",
            description = "seed of the chain partitions and bootstrap (default: ${DEFAULT-VALUE})")
    long seed;

    @CommandLine.Option(names = "--names", split = ",", paramLabel = "NAME_A,NAME_B",
            description = "display names of A and B (default: file names)")
    String[] names;

    @Override
    public Integer call() {
        Posterior a = Posterior.read(first);
        Posterior b = Posterior.read(second);
        String nameA = names != null && names.length == 2 ? names[0] : first.getFileName().toString();
        String nameB = names != null && names.length == 2 ? names[1] : second.getFileName().toString();
        if (names != null && names.length != 2) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT,
                    "--names takes exactly two names separated by a comma, got " + names.length);
        }
        if (nameA.equals(nameB)) {
            nameA = "A: " + nameA;
            nameB = "B: " + nameB;
        }
        ComparisonOptions options = ComparisonOptions.defaults().withBins(bins).withNames(nameA, nameB).withSeed(seed);
        PosteriorComparison comparison = PosteriorComparison.compare(a, b, options);
        PrintWriter pw = spec.commandLine().getOut();
        pw.printf(Locale.ROOT, "A: %s (%d draws, %d chains)%nB: %s (%d draws, %d chains)%n%n", first,
                a.sampleCount(), a.chainIds().length, second, b.sampleCount(), b.chainIds().length);
        pw.print(comparison.toText());
        if (out != null) {
            if (System.getProperty("java.awt.headless") == null) {
                System.setProperty("java.awt.headless", "true");
            }
            Path report = comparison.writeMarkdownReport(out);
            pw.println("report: " + report);
        }
        pw.flush();
        return 0;
    }
}
