package org.exoret.bench;

import ai.djl.Device;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.exoret.ExoretException;
import org.exoret.Versions;
import org.exoret.config.IniFile;
import org.exoret.data.DataRoot;
import org.exoret.dataset.ParameterSpace;
import org.exoret.dataset.TrainingSet;
import org.exoret.posterior.Posterior;
import org.exoret.rt.Observations;
import org.exoret.rt.RtConfig;
import org.exoret.rt.RtForwardModel;
import org.exoret.surrogate.Architecture;
import org.exoret.surrogate.BundleDescriptor;
import org.exoret.surrogate.Devices;
import org.exoret.surrogate.SurrogateForwardModel;
import org.exoret.surrogate.TrainingOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code exoret bench surrogate}: a bundle's cost and accuracy against the RT model it replaces (surrogate.json,
 * surrogate.md); with {@code --compare-architectures}, candidate networks trained on one set for one budget and a
 * learning curve (surrogate-architectures.json and .md, or the {@code --name} given).
 */
@Command(name = "surrogate", mixinStandardHelpOptions = true,
        description = "Time a surrogate bundle against the RT model, or compare architectures (--compare-architectures).")
public final class SurrogateBenchCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--bundle", description = "bundle trained with --config (default: ${DEFAULT-VALUE})")
    Path bundle = Path.of("models/hd189733b");

    @Option(names = "--config", description = "RT configuration of the bundle (default: ${DEFAULT-VALUE})")
    Path config = Path.of("data/hd189733b_retrieval_rt.cfg");

    @Option(names = "--section", description = "INI section (default: ${DEFAULT-VALUE})")
    String section = "rt";

    @Option(names = "--rt-repetitions", description = "timed RT calls of 10 spectra (default: ${DEFAULT-VALUE})")
    int rtRepetitions = 15;

    @Option(names = "--check-samples", description = "fresh RT spectra for the independent accuracy check (default: ${DEFAULT-VALUE})")
    int checkSamples = 100;

    @Option(names = "--posterior", description = "posterior (.csv or .npz) at whose draws the surrogate's χ² is compared "
            + "with the RT's; 'none' skips it (default: ${DEFAULT-VALUE})")
    String posterior = "data/reference/hd189733b_rt_seed1.npz";

    @Option(names = "--posterior-draws", description = "posterior draws for that comparison (default: ${DEFAULT-VALUE})")
    int posteriorDraws = 200;

    @Option(names = "--device", description = "cpu or gpu: where the surrogate runs; the RT runs on the CPU; gpu writes "
            + "surrogate-gpu.json and .md (default: ${DEFAULT-VALUE})")
    String device = "cpu";

    @Option(names = "--compare-architectures", description = "train candidate networks and a learning curve instead")
    boolean compare;

    @Option(names = "--data", description = "training set for --compare-architectures; repeat it for several sets read "
            + "as one, as exoret train does (default: the bundle's)")
    List<Path> data;

    @Option(names = "--candidate", description = "network to compare, written as 'dense 384x384x384 relu' or "
            + "'conv16k3 + dense 256x256 relu'; repeat it (default: the thirteen of benchmarks/results/"
            + "surrogate-architectures*.md)")
    List<String> candidateNetworks = List.of("dense 128x128 relu", "dense 192x192x192 gelu", "dense 256x256x256 relu",
            "dense 256x256x256 gelu", "dense 256x256x256 tanh", "dense 384x384 gelu", "dense 256x256x256x256 gelu",
            "dense 384x384x384 relu", "dense 384x384x384 gelu", "conv16k3 + dense 256x256 relu",
            "dense 512x512x512x512 relu", "dense 256x256x256x256x256 gelu", "dense 192x192x192x192x192x192 gelu");

    @Option(names = "--max-train", description = "training samples per candidate, 0 = all (default: ${DEFAULT-VALUE})")
    int maxTrain;

    @Option(names = "--output-basis", description = "principal components the candidates are trained on, as exoret "
            + "train --output-basis; 0 = every channel, with --band-weight 0 (default: ${DEFAULT-VALUE})")
    int outputBasis = TrainingOptions.DEFAULT_OUTPUT_BASIS;

    @Option(names = "--band-weight", description = "band-depth term of the loss, as exoret train --band-weight "
            + "(default: ${DEFAULT-VALUE})")
    double bandWeight = TrainingOptions.DEFAULT_BAND_WEIGHT;

    @Option(names = "--work", description = "folder for the candidates' bundles (default: ${DEFAULT-VALUE})")
    Path work = Path.of("target/bench-surrogate");

    @Option(names = "--epochs", description = "epoch budget per candidate, no early stop (default: ${DEFAULT-VALUE})")
    int epochs = 12;

    @Option(names = "--sizes", split = ",", description = "learning-curve training sizes, 0 = all (default: 1000,2500,0)")
    List<Integer> sizes = List.of(1000, 2500, 0);

    @Option(names = "--out", description = "output folder (default: ${DEFAULT-VALUE})")
    Path out = Path.of("benchmarks/results");

    @Option(names = "--name", description = "file name (without .json, .md) of the --compare-architectures results "
            + "(default: ${DEFAULT-VALUE})")
    String comparisonName = "surrogate-architectures";

    @Override
    public Integer call() {
        if (compare && !device.equalsIgnoreCase("cpu")) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "--compare-architectures trains and times "
                    + "on the CPU; leave out --device " + device);
        }
        Map<String, Object> machine = MachineInfo.describe();
        machine.put("load_average_at_start", loadAverage());
        RtConfig cfg = RtConfig.fromIni(IniFile.read(config), section);
        Observations obs = Observations.read(cfg.observations());
        String md = compare ? compare(cfg, obs, machine) : measure(cfg, obs, machine);
        PrintWriter pw = spec.commandLine().getOut();
        pw.print(md);
        pw.flush();
        return 0;
    }

    private String measure(RtConfig cfg, Observations obs, Map<String, Object> machine) {
        BundleDescriptor d = BundleDescriptor.read(bundle);
        d.requireBands(obs.bandIds());
        ParameterSpace space = new ParameterSpace(d.parameterNames(), d.parameterUnits(), d.trainingLower(),
                d.trainingUpper());
        Map<String, Object> json = new LinkedHashMap<>();
        Map<String, Double> fused;
        Map<String, Double> fusedJava;
        Map<String, Double> fusedNative;
        Map<String, Double> unfused;
        double[][] posteriorSamples = null;
        if (!posterior.equals("none")) {
            if (posteriorDraws < 1) {
                throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT,
                        "--posterior-draws must be at least 1, got " + posteriorDraws);
            }
            posteriorSamples = Posterior.read(Path.of(posterior)).samplesOf(d.parameterNames());
        }
        double[] check;
        double[] atPosterior = null;
        double rtMs;
        boolean javaPath;
        Device dev = Devices.requireAvailable(Devices.parse(device, "--device"));
        boolean gpu = Device.Type.GPU.equals(dev.getDeviceType());
        String on = gpu ? "gpu" : "cpu";
        // the Java path runs on the CPU only: on a GPU the default and native paths are the same, and no Java column
        try (RtForwardModel rt = RtForwardModel.fromConfig(cfg, DataRoot.fromEnvironment());
             SurrogateForwardModel s = SurrogateForwardModel.open(bundle, dev, true);
             SurrogateForwardModel sj = gpu ? null : SurrogateForwardModel.open(bundle, dev, true,
                     SurrogateForwardModel.Inference.JAVA);
             SurrogateForwardModel sn = SurrogateForwardModel.open(bundle, dev, true,
                     SurrogateForwardModel.Inference.NATIVE);
             SurrogateForwardModel su = SurrogateForwardModel.open(bundle, dev, false)) {
            d.requireCompatible(rt.parameterNames(), rt.wavenumberPerCm());
            javaPath = s.javaInference();
            // a discarded first round warms every path (JIT, native allocator) so the timing order does not matter
            for (SurrogateForwardModel warm : gpu ? List.of(s, sn, su) : List.of(s, sj, sn, su)) {
                SurrogateBenchmark.costCurve(warm, space);
            }
            fused = SurrogateBenchmark.costCurve(s, space);
            fusedJava = gpu ? null : SurrogateBenchmark.costCurve(sj, space);
            fusedNative = SurrogateBenchmark.costCurve(sn, space);
            unfused = SurrogateBenchmark.costCurve(su, space);
            rtMs = SurrogateBenchmark.rtMillisPerSpectrum(rt, cfg.startParameters(), 10, rtRepetitions);
            check = SurrogateBenchmark.independentBandError(s, rt, obs.uncertainty(), space, checkSamples);
            if (posteriorSamples != null) {
                atPosterior = SurrogateBenchmark.posteriorChiSquareOffset(s, rt, obs.depth(), obs.uncertainty(),
                        posteriorSamples, posteriorDraws);
            }
        }
        json.put("us_per_sample_" + on, fused);
        if (fusedJava != null) {
            json.put("us_per_sample_cpu_fused_java", fusedJava);
        }
        json.put("us_per_sample_" + on + "_fused_native", fusedNative);
        json.put("us_per_sample_" + on + "_unfused", unfused);
        json.put("rt_ms_per_spectrum", rtMs);
        json.put("speedup_per_chain_batch10", rtMs / (fused.get("10") * 1e-3));
        json.put("band_error_over_sigma_median", d.metrics().bandErrorOverSigmaMedian());
        json.put("band_error_over_sigma_p95", d.metrics().bandErrorOverSigmaP95());
        json.put("band_error_over_sigma_fresh_rt", Map.of("median", check[0], "p95", check[1], "spectra", (int) check[2]));
        if (atPosterior != null) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("posterior", posterior);
            p.put("draws", (int) atPosterior[4]);
            p.put("chi2_offset_mean", atPosterior[0]);
            p.put("chi2_offset_sd", atPosterior[1]);
            p.put("band_error_over_sigma_median", atPosterior[2]);
            p.put("band_error_over_sigma_p95", atPosterior[3]);
            json.put("at_posterior", p);
        }
        json.put("train_seconds", d.training().seconds());
        json.put("training_set_size", d.training().trainCount() + d.training().validationCount() + d.training().testCount());
        json.put("machine", machine);
        json.put("date", machine.get("date_utc"));
        Map<String, Object> conf = new LinkedHashMap<>();
        conf.put("bundle", bundle.toString());
        conf.put("config", config.toString());
        conf.put("architecture", d.architecture().describe());
        conf.put("parameters", d.parameterNames().size());
        conf.put("wavenumbers", d.wavenumberPerCm().length);
        conf.put("bands", obs.size());
        conf.put("device", dev.toString());
        conf.put("fused_inference", javaPath ? "auto: java below " + SurrogateForwardModel.JAVA_ROW_LIMIT
                + " rows, native from there" : "native");
        conf.put("OMP_NUM_THREADS", String.valueOf(System.getenv("OMP_NUM_THREADS")));
        conf.put("ai.djl.pytorch.num_threads", String.valueOf(System.getProperty("ai.djl.pytorch.num_threads")));
        conf.put("train_split", d.training().trainCount());
        conf.put("epochs_run", d.training().epochsRun());
        conf.put("rt_parameters", cfg.startParameters());
        conf.put("rt_repetitions", rtRepetitions);
        conf.put("libraries", Map.of("exoret", Versions.exoret(), "djl", Versions.djl(), "pytorch", Versions.pytorch()));
        json.put("configuration", conf);
        StringBuilder md = new StringBuilder("# Surrogate benchmark\n\n");
        md.append("Bundle `").append(bundle).append("` (").append(d.architecture().describe()).append(", ")
                .append(d.training().trainCount()).append(" training spectra) against the RT model of `").append(config)
                .append("`, surrogate on ").append(dev).append(", RT on the CPU, medians; OMP_NUM_THREADS = ").append(System.getenv("OMP_NUM_THREADS"))
                .append(" (native path)").append(gpu ? "" : "; the Java path spreads calls of 8 rows or more over all "
                        + "cores, as the RT does")
                .append(".\n\n| batch | fused, default path, µs/sample | fused, Java path | fused, native | unfused |"
                        + "\n|---|---|---|---|---|\n");
        for (String b : fused.keySet()) {
            md.append(String.format(Locale.ROOT, "| %s | %.2f | %s | %.2f | %.2f |%n", b, fused.get(b),
                    fusedJava == null ? "–" : String.format(Locale.ROOT, "%.2f", fusedJava.get(b)), fusedNative.get(b),
                    unfused.get(b)));
        }
        md.append(String.format(Locale.ROOT, "%n| figure | value |%n|---|---|%n| RT, per spectrum in batches of 10 (all cores) | %.2f ms |%n"
                        + "| speed-up per chain at batch 10 (RT ms ÷ fused surrogate ms per sample) | %.0f× |%n"
                        + "| band error/σ, test split, median / p95 | %.3f / %.3f |%n"
                        + "| band error/σ, %d fresh RT spectra, median / p95 | %.3f / %.3f |%n"
                        + "| training time | %.0f s |%n| training set (all splits) | %d |%n",
                rtMs, json.get("speedup_per_chain_batch10"), d.metrics().bandErrorOverSigmaMedian(),
                d.metrics().bandErrorOverSigmaP95(), (int) check[2], check[0], check[1], d.training().seconds(),
                json.get("training_set_size")));
        if (atPosterior != null) {
            md.append(String.format(Locale.ROOT, "| at %d draws of `%s`: χ²(surrogate) − χ²(RT), mean / sd | %.2f / %.2f |%n"
                            + "| at those draws: band error/σ, median / p95 | %.3f / %.3f |%n", (int) atPosterior[4],
                    posterior, atPosterior[0], atPosterior[1], atPosterior[2], atPosterior[3]));
        }
        appendMachine(md, machine);
        write(gpu ? "surrogate-gpu" : "surrogate", json, md.toString());
        return md.toString();
    }

    private String compare(RtConfig cfg, Observations obs, Map<String, Object> machine) {
        // refused before any set is read: a bad candidate or option should not wait for the data
        List<Architecture> candidates = candidateNetworks.stream().map(Architecture::parse).toList();
        if (outputBasis == 0 && bandWeight > 0) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "--band-weight " + bandWeight
                    + " needs an output basis; with --output-basis 0 give --band-weight 0");
        }
        List<Path> setFolders = data != null ? data : BundleDescriptor.read(bundle).trainingDataFolders();
        TrainingSet set = TrainingSet.union(setFolders.stream().map(TrainingSet::open).toList());
        String setFolder = setFolders.stream().map(Path::toString).collect(Collectors.joining(", "));
        TrainingOptions.Builder base;
        try (RtForwardModel rt = RtForwardModel.fromConfig(cfg, DataRoot.fromEnvironment())) {
            base = TrainingOptions.builder().optMaxEpochs(epochs).optPatience(epochs).optPlotCount(0)
                    .optOutputBasis(outputBasis).optBandWeight(bandWeight)
                    .optBands(rt.bandProjection(), obs.uncertainty(), obs.bandIds());
        }
        List<SurrogateBenchmark.Candidate> rows = new ArrayList<>();
        PrintWriter pw = spec.commandLine().getOut();
        for (int i = 0; i < candidates.size(); i++) {
            rows.add(SurrogateBenchmark.trainAndMeasure(set, base, candidates.get(i), maxTrain,
                    work.resolve("arch-" + i)));
            pw.println(rows.get(rows.size() - 1));
            pw.flush();
        }
        SurrogateBenchmark.Candidate win = SurrogateBenchmark.winner(rows);
        Architecture winner = candidates.get(rows.indexOf(win));
        List<SurrogateBenchmark.Candidate> curve = new ArrayList<>();
        for (int n : sizes) {
            curve.add(SurrogateBenchmark.trainAndMeasure(set, base, winner, n, work.resolve("curve-" + n)));
            pw.println(curve.get(curve.size() - 1));
            pw.flush();
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("architectures", rows);
        json.put("winner", win.architecture());
        json.put("learning_curve", curve);
        json.put("machine", machine);
        json.put("date", machine.get("date_utc"));
        Map<String, Object> conf = new LinkedHashMap<>();
        conf.put("training_set", setFolder);
        conf.put("training_set_size", set.size());
        conf.put("config", config.toString());
        conf.put("epochs", epochs);
        conf.put("max_train", maxTrain);
        conf.put("output_basis", outputBasis);
        conf.put("band_weight", bandWeight);
        String schedule = base.build().schedule().describe();
        conf.put("schedule", schedule);
        conf.put("split", "0.8 / 0.1 / 0.1, seed 1");
        json.put("configuration", conf);
        StringBuilder md = new StringBuilder("# Surrogate architectures\n\n");
        md.append(String.format(Locale.ROOT, "Each network trained on `%s` (%d spectra, split 0.8/0.1/0.1, seed 1; "
                + "%s training spectra) for %d epochs (no early stop): %s learning rate, %s, band weight %s. "
                + "Test-split accuracy (the same test rows for every network); inference cost fused, default path, "
                + "CPU, median.%n%n", setFolder, set.size(), maxTrain == 0 ? "all" : "the first " + maxTrain, epochs,
                schedule, outputBasis == 0 ? "every channel as output"
                        : outputBasis + " principal components as outputs", bandWeight));
        table(md, rows);
        md.append("\nRule: lowest p95 band error/σ; a network within 10 % of that p95 that costs less at batch 10 wins "
                + "instead. Winner: **").append(win.architecture()).append("**.\n\n## Learning curve (")
                .append(win.architecture()).append(")\n\n");
        table(md, curve);
        appendMachine(md, machine);
        write(comparisonName, json, md.toString());
        return md.toString();
    }

    private static void table(StringBuilder md, List<SurrogateBenchmark.Candidate> rows) {
        md.append("| network | training spectra | epochs | train s | band err/σ median | p95 | R² median | µs/sample"
                + " batch 10 | µs/sample batch 1 | MAC/sample |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (SurrogateBenchmark.Candidate c : rows) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %.0f | %.3f | %.3f | %.5f | %.2f | %.2f | %d |%n",
                    c.architecture(), c.trainCount(), c.epochs(), c.trainSeconds(), c.bandErrorMedian(),
                    c.bandErrorP95(), c.r2Median(), c.usPerSampleBatch10(), c.usPerSampleBatch1(),
                    c.multiplyAccumulates()));
        }
    }

    private static void appendMachine(StringBuilder md, Map<String, Object> machine) {
        BenchmarkFiles.appendSection(md, "Machine", machine);
        md.append("\nThe load average shows how busy the machine was; timings on a loaded machine are upper bounds.\n");
    }

    private void write(String name, Map<String, Object> json, String md) {
        BenchmarkFiles.write(out, name, new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create()
                .toJson(json), md);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
