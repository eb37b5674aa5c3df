package org.exoret.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.exoret.ExoretException;
import org.exoret.config.IniFile;
import org.exoret.retrieval.RetrievalConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code exoret demo}: the embedded default retrieval — HD 189733 b with the surrogate bundle in {@code models/}
 * and the observations in {@code data/}, compared with the committed RT-reference posterior. Needs nothing
 * outside the repository.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Surrogate retrieval of HD 189733 b from the bundled model and observations, compared with the "
                + "committed RT-reference posterior; prints the summary and the report's path.")
final class DemoCommand implements Callable<Integer> {

    /** System property the launcher sets to the checkout folder. */
    static final String HOME_PROPERTY = "exoret.home";
    static final String DEFAULT_CONFIG = "data/hd189733b_demo.cfg";

    @CommandLine.Option(names = "--config", description = "retrieval configuration (default: ${DEFAULT-VALUE} in the checkout)",
            defaultValue = DEFAULT_CONFIG)
    Path config;

    @CommandLine.Option(names = "--no-progress", description = "do not draw a progress bar")
    boolean noProgress;

    @CommandLine.Option(names = "--rt-check", paramLabel = "N", description = "after sampling, run the RT reference "
            + "at N posterior draws and correct the surrogate posterior with it (the rt_check key; needs the data kit; "
            + "60000 takes one to a few minutes on 2 cores); replaces the configuration's rt_check, 0 turns it off "
            + "(default: the configuration's, none in the embedded one)")
    Integer rtCheck;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (rtCheck != null && rtCheck < 0) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "--rt-check must be a number of posterior "
                    + "draws ≥ 0, got " + rtCheck);
        }
        IniFile ini = IniFile.read(resolve(config));
        RetrievalConfig cfg = RetrievalConfig.of(rtCheck == null ? ini : ini.with("retrieval", "rt_check",
                Integer.toString(rtCheck)));
        RetrieveCommand.report(cfg, !noProgress, false, spec.commandLine().getOut());
        return 0;
    }

    /** A relative path is looked up in the working directory, then in the checkout named by {@value #HOME_PROPERTY}. */
    static Path resolve(Path path) {
        if (path.isAbsolute() || Files.exists(path)) {
            return path;
        }
        String home = System.getProperty(HOME_PROPERTY);
        if (home != null && Files.exists(Path.of(home).resolve(path))) {
            return Path.of(home).resolve(path);
        }
        throw new ExoretException(ExoretException.Kind.MISSING_FILE, "configuration " + path + " not found in "
                + Path.of("").toAbsolutePath() + (home == null ? "" : " nor in " + home));
    }
}
