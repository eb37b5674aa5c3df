package org.exoret.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.exoret.ExoretException;
import org.exoret.config.IniFile;
import org.exoret.data.DataRoot;
import org.exoret.dataset.Design;
import org.exoret.dataset.GenerationListener;
import org.exoret.dataset.GenerationPlan;
import org.exoret.dataset.GenerationReport;
import org.exoret.dataset.ParameterSpace;
import org.exoret.dataset.TrainingSetGenerator;
import org.exoret.rt.RtConfig;
import org.exoret.rt.RtForwardModel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code exoret generate}: a training set of RT spectra over a parameter box (resumable). */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate (or resume) a training set of RT spectra; see docs/surrogate.md.")
final class GenerateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", required = true, description = "RT configuration, e.g. data/hd189733b_rt.cfg")
    Path config;

    @Option(names = "--section", description = "INI section (default: ${DEFAULT-VALUE})")
    String section = "rt";

    @Option(names = "--range", required = true, description = "NAME=LOW:HIGH, once per free parameter of the configuration")
    List<String> ranges;

    @Option(names = "--samples", required = true, description = "design samples to draw (accepted plus rejected)")
    long samples;

    @Option(names = "--out", required = true, description = "training-set folder (an existing one is resumed)")
    Path out;

    @Option(names = "--seed", description = "design seed (default: ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--design", description = "uniform or sobol (default: ${DEFAULT-VALUE})")
    String design = "sobol";

    @Option(names = "--chunk-size", description = "design samples per chunk file (default: ${DEFAULT-VALUE})")
    int chunkSize = 1000;

    @Option(names = "--batch", description = "parameter vectors per forward-model call (default: ${DEFAULT-VALUE})")
    int batch = 8;

    @Option(names = "--threads", description = "concurrent forward-model calls (default: all cores)")
    int threads = Runtime.getRuntime().availableProcessors();

    @Override
    public Integer call() {
        PrintWriter pw = spec.commandLine().getOut();
        RtConfig cfg = RtConfig.fromIni(IniFile.read(config), section);
        RtForwardModel model = RtForwardModel.fromConfig(cfg, DataRoot.fromEnvironment());
        ParameterSpace space = space(model.parameterNames(), ranges);
        GenerationPlan plan = new GenerationPlan(samples, seed, Design.parse(design), chunkSize, batch, threads);
        GenerationReport report;
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("generate").setInitialMax(samples).build()) {
            report = new TrainingSetGenerator(model, space, sha256(config)).generate(out, plan, new GenerationListener() {
                @Override
                public void started(long sampleCount, long alreadyDone) {
                    bar.stepTo(alreadyDone);
                }

                @Override
                public void evaluated(int count) {
                    bar.stepBy(count);
                }
            });
        }
        pw.printf("training set %s: %d of %d samples accepted; %d chunks written, %d reused%n", out,
                report.accepted(), report.sampleCount(), report.chunksWritten(), report.chunksReused());
        report.rejections().forEach((reason, n) -> pw.printf("  rejected %d: %s%n", n, reason));
        pw.flush();
        return 0;
    }

    static ParameterSpace space(List<String> names, List<String> ranges) {
        Map<String, double[]> given = new LinkedHashMap<>();
        for (String r : ranges) {
            String[] kv = r.split("=", 2);
            String[] lh = kv.length == 2 ? kv[1].split(":", 2) : new String[0];
            if (lh.length != 2) {
                throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "--range " + r + " is not NAME=LOW:HIGH");
            }
            try {
                given.put(kv[0].trim(), new double[] {Double.parseDouble(lh[0]), Double.parseDouble(lh[1])});
            } catch (NumberFormatException e) {
                throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "--range " + r + ": bounds are not numbers", e);
            }
        }
        if (!new java.util.HashSet<>(names).equals(given.keySet())) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "--range must give each free parameter "
                    + names + " exactly once; got " + given.keySet());
        }
        double[] lo = new double[names.size()];
        double[] hi = new double[names.size()];
        List<String> units = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            lo[k] = given.get(names.get(k))[0];
            hi[k] = given.get(names.get(k))[1];
            units.add("");
        }
        return new ParameterSpace(names, units, lo, hi);
    }

    static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new ExoretException(ExoretException.Kind.IO, "cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
