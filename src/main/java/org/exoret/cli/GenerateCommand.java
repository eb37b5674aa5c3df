package org.exoret.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.apache.commons.codec.digest.DigestUtils;
import org.exoret.ExoretException;
import org.exoret.config.IniFile;
import org.exoret.data.DataRoot;
import org.exoret.dataset.Design;
import org.exoret.dataset.GenerationListener;
import org.exoret.dataset.GenerationPlan;
import org.exoret.dataset.GenerationReport;
import org.exoret.dataset.KernelDensityDesign;
import org.exoret.dataset.ParameterSpace;
import org.exoret.dataset.TrainingSetGenerator;
import org.exoret.mcmc.Prior;
import org.exoret.posterior.Posterior;
import org.exoret.retrieval.RetrievalConfig;
import org.exoret.rt.RtConfig;
import org.exoret.rt.RtForwardModel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code exoret generate}: a training set of RT spectra over a parameter box (resumable). */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate (or resume) a training set of RT spectra; see docs/surrogate.md.")
final class GenerateCommand implements Callable<Integer> {

    private static final int SHOWN_REASONS = 5;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", required = true, description = "RT configuration, e.g. data/hd189733b_rt.cfg")
    Path config;

    @Option(names = "--section", description = "INI section (default: ${DEFAULT-VALUE})")
    String section = "rt";

    @Option(names = "--range", description = "NAME=LOW:HIGH for a free parameter of the configuration; overrides --priors")
    List<String> ranges = List.of();

    @Option(names = "--priors", description = "retrieval configuration whose uniform priors (pmin, pmax) give the ranges")
    Path priors;

    @Option(names = "--samples", required = true, description = "design samples to draw (accepted plus rejected)")
    long samples;

    @Option(names = "--out", required = true, description = "training-set folder (an existing one is resumed)")
    Path out;

    @Option(names = "--seed", description = "design seed (default: ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--design", description = "uniform or sobol (default: ${DEFAULT-VALUE}); --focus implies kernel_density")
    String design = "sobol";

    @Option(names = "--focus", description = "posterior (.csv or .npz) of a tempered retrieval: draw from a kernel "
            + "density estimate of its samples instead of filling the box")
    Path focus;

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
        ParameterSpace space = space(model.parameterNames(), ranges,
                priors == null ? null : RetrievalConfig.read(priors).parameters());
        TrainingSetGenerator generator = new TrainingSetGenerator(model, space, sha256(config, cfg.planetAndStar()));
        Design chosen = Design.parse(design);
        if (chosen == Design.KERNEL_DENSITY && focus == null) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "--design kernel_density draws around "
                    + "the samples of a posterior: give them with --focus POSTERIOR.npz|.csv");
        }
        if (focus != null) {
            chosen = Design.KERNEL_DENSITY;
            KernelDensityDesign kde = focusDesign(space);
            generator = generator.withKernelDensity(kde);
            pw.printf("focus: %d distinct samples of %s, kernel bandwidth %s%n", kde.sampleCount(), focus,
                    Arrays.toString(kde.bandwidth()));
        }
        GenerationPlan plan = new GenerationPlan(samples, seed, chosen, chunkSize, batch, threads);
        GenerationReport report;
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("generate").setInitialMax(samples).build()) {
            report = generator.generate(out, plan, new GenerationListener() {
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
        // reasons carry the offending values, so most are distinct: show a few, count the rest
        long rejected = report.rejections().values().stream().mapToLong(Long::longValue).sum();
        report.rejections().entrySet().stream().limit(SHOWN_REASONS)
                .forEach(e -> pw.printf("  rejected %d: %s%n", e.getValue(), e.getKey()));
        if (report.rejections().size() > SHOWN_REASONS) {
            pw.printf("  ... %d rejected samples in all, %d distinct reasons%n", rejected, report.rejections().size());
        }
        pw.flush();
        return 0;
    }

    private KernelDensityDesign focusDesign(ParameterSpace space) {
        try {
            return KernelDensityDesign.of(Posterior.read(focus).samplesOf(space.names()), space);
        } catch (ExoretException e) {
            throw new ExoretException(e.kind(), "--focus " + focus + ": " + e.getMessage(), e);
        }
    }

    /**
     * The sampled box: each free parameter's {@code --range}, else the uniform prior bounds (pmin, pmax) of the
     * retrieval configuration.
     *
     * @param names the forward model's free parameters, in order
     * @param ranges {@code NAME=LOW:HIGH} entries
     * @param priors the retrieval's parameters, or {@code null}
     */
    static ParameterSpace space(List<String> names, List<String> ranges, org.exoret.mcmc.ParameterSpace priors) {
        Map<String, double[]> given = new LinkedHashMap<>();
        for (String r : ranges) {
            String[] kv = r.split("=", 2);
            String[] lh = kv.length == 2 ? kv[1].split(":", 2) : new String[0];
            if (lh.length != 2) {
                throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "--range " + r + " is not NAME=LOW:HIGH");
            }
            String name = kv[0].trim();
            if (!names.contains(name)) {
                throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "--range " + r + ": '" + name
                        + "' is not a free parameter of the configuration; those are " + names);
            }
            if (given.containsKey(name)) {
                throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "--range gives " + name + " twice");
            }
            try {
                given.put(name, new double[] {Double.parseDouble(lh[0]), Double.parseDouble(lh[1])});
            } catch (NumberFormatException e) {
                throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "--range " + r + ": bounds are not numbers", e);
            }
        }
        double[] lo = new double[names.size()];
        double[] hi = new double[names.size()];
        List<String> units = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            String name = names.get(k);
            String unit = unit(name);
            double[] box = given.get(name);
            if (box == null && priors != null) {
                org.exoret.mcmc.Parameter prior = priors.parameters().stream().filter(q -> q.name().equals(name))
                        .findFirst().orElse(null);
                if (prior != null && prior.prior() instanceof Prior.Uniform u) {
                    box = new double[] {u.min(), u.max()};
                    unit = prior.unit().isEmpty() ? unit : prior.unit();
                } else if (prior != null) {
                    throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "the retrieval's prior of " + name
                            + " is " + prior.prior() + ", not uniform; give --range " + name + "=LOW:HIGH");
                }
            }
            if (box == null) {
                missing.add(name);
                continue;
            }
            lo[k] = box[0];
            hi[k] = box[1];
            units.add(unit);
        }
        if (!missing.isEmpty()) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "no sampling range for " + missing
                    + "; give --range NAME=LOW:HIGH for each, or --priors RETRIEVAL.cfg for pmin/pmax");
        }
        return new ParameterSpace(names, units, lo, hi);
    }

    /** Unit of an RT parameter: logarithms of scale factors and T(p) coefficients are in dex. */
    static String unit(String name) {
        if (name.equals("log10_kappa")) {
            return "dex (cm2 g-1)";
        }
        return name.startsWith("log10_") ? "dex" : "dimensionless";
    }

    /** SHA-256 of a configuration file and of the planet and star values, which a tepfile may supply. */
    static String sha256(Path file, String planetAndStar) {
        try {
            MessageDigest sha = DigestUtils.getSha256Digest();
            sha.update(Files.readAllBytes(file));
            sha.update((byte) 0);
            sha.update(planetAndStar.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new ExoretException(ExoretException.Kind.IO, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
