package org.exoret.cli;

import ai.djl.Device;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.exoret.ExoretException;
import org.exoret.config.IniFile;
import org.exoret.data.DataRoot;
import org.exoret.dataset.TrainingSet;
import org.exoret.rt.Observations;
import org.exoret.rt.RtConfig;
import org.exoret.rt.RtForwardModel;
import org.exoret.surrogate.Architecture;
import org.exoret.surrogate.BundleDescriptor;
import org.exoret.surrogate.Devices;
import org.exoret.surrogate.EpochRecord;
import org.exoret.surrogate.LearningRateSchedule;
import org.exoret.surrogate.SurrogateTrainer;
import org.exoret.surrogate.TrainingListener;
import org.exoret.surrogate.TrainingOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code exoret train}: trains a surrogate on a training set and writes a model bundle. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a neural surrogate on a training set; write a bundle (see docs/surrogate.md).")
final class TrainCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, description = "training-set folder from exoret generate; repeat it to "
            + "train on several sets made with the same RT configuration (e.g. a box and a --focus set)")
    List<Path> data;

    @Option(names = "--out", required = true, description = "bundle folder, e.g. models/hd189733b")
    Path out;

    @Option(names = "--config", description = "RT configuration: stores its band projection in the bundle, adds "
            + "band-depth errors over the observation σ to the metrics and, with an output basis, the band term of "
            + "the loss (--band-weight)")
    Path config;

    @Option(names = "--architecture", description = "dense or conv (default: ${DEFAULT-VALUE})")
    String architecture = "dense";

    @Option(names = "--hidden", split = ",", description = "hidden dense widths (default: ${DEFAULT-VALUE}, "
            + "chosen in benchmarks/results/surrogate-architectures*.md)")
    List<Integer> hidden = TrainingOptions.DEFAULT_ARCHITECTURE.hiddenWidths();

    @Option(names = "--activation", description = "relu, leaky_relu, tanh, gelu (default: ${DEFAULT-VALUE})")
    String activation = TrainingOptions.DEFAULT_ARCHITECTURE.activation().name().toLowerCase(Locale.ROOT);

    @Option(names = "--conv-filters", description = "conv channels (default: ${DEFAULT-VALUE})")
    int convFilters = 16;

    @Option(names = "--conv-kernel", description = "conv kernel width, odd (default: ${DEFAULT-VALUE})")
    int convKernel = 3;

    @Option(names = "--lr-schedule", description = "constant, cosine, triangular, triangular2, exp_range (default: "
            + "${DEFAULT-VALUE}, chosen in benchmarks/results/surrogate-training-recipe.md)")
    String schedule = TrainingOptions.DEFAULT_SCHEDULE.policy().name().toLowerCase(Locale.ROOT);

    @Option(names = "--lr-min", description = "base learning rate (default: ${DEFAULT-VALUE}; MARGE's triangular2 "
            + "used 1e-4 to 3e-3)")
    double lrMin = TrainingOptions.DEFAULT_SCHEDULE.baseRate();

    @Option(names = "--lr-max", description = "peak learning rate (default: ${DEFAULT-VALUE})")
    double lrMax = TrainingOptions.DEFAULT_SCHEDULE.maxRate();

    @Option(names = "--lr-half-cycle", description = "epochs per half-cycle (default: ${DEFAULT-VALUE})")
    double halfCycle = 4;

    @Option(names = "--lr-gamma", description = "exp_range decay per update (default: ${DEFAULT-VALUE})")
    double gamma = 0.9999;

    @Option(names = "--batch", description = "batch size (default: ${DEFAULT-VALUE})")
    int batch = 256;

    @Option(names = "--epochs", description = "epoch budget (default: ${DEFAULT-VALUE})")
    int epochs = TrainingOptions.DEFAULT_EPOCHS;

    @Option(names = "--patience", description = "early-stopping patience, epochs (default: ${DEFAULT-VALUE})")
    int patience = 30;

    @Option(names = "--seed", description = "seed (default: ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--validation", description = "validation fraction (default: ${DEFAULT-VALUE})")
    double validation = 0.1;

    @Option(names = "--test", description = "test fraction (default: ${DEFAULT-VALUE})")
    double test = 0.1;

    @Option(names = "--log-inputs", split = ",", description = "parameter names to log10-scale")
    List<String> logInputs = List.of();

    @Option(names = "--log-outputs", description = "log10-scale the spectra (disables band fusion)")
    boolean logOutputs;

    @Option(names = "--max-train", description = "use at most this many training samples (default: all)")
    int maxTrain;

    @Option(names = "--output-basis", description = "train on this many principal components of the normalised "
            + "spectra (at most; spectra of fewer channels use all of theirs), merged into an all-channel last layer "
            + "afterwards; 0 = every channel (default: ${DEFAULT-VALUE})")
    int outputBasis = TrainingOptions.DEFAULT_OUTPUT_BASIS;

    @Option(names = "--band-weight", description = "add this weight × mean (band-depth error/σ)² to the loss "
            + "(needs an output basis, --config and linear spectra; default: " + TrainingOptions.DEFAULT_BAND_WEIGHT
            + " where all three hold, otherwise 0)")
    Double bandWeight;

    @Option(names = "--plots", description = "test spectra to plot (default: ${DEFAULT-VALUE})")
    int plots = 4;

    @Option(names = "--device", description = "cpu or gpu (default: ${DEFAULT-VALUE})")
    String device = "cpu";

    @Override
    public Integer call() {
        PrintWriter pw = spec.commandLine().getOut();
        Device chosen = Devices.requireAvailable(Devices.parse(device, "--device"));
        TrainingSet set = TrainingSet.union(data.stream().map(TrainingSet::open).toList());
        Architecture.ActivationKind act = Architecture.ActivationKind.parse(activation);
        Architecture arch = switch (architecture.toLowerCase(Locale.ROOT)) {
            case "dense" -> Architecture.dense(hidden, act);
            case "conv" -> Architecture.conv(convFilters, convKernel, hidden, act);
            default -> throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT,
                    "--architecture " + architecture + ": use dense or conv");
        };
        TrainingOptions.Builder options = TrainingOptions.builder().optArchitecture(arch)
                .optSchedule(new LearningRateSchedule(LearningRateSchedule.Policy.parse(schedule), lrMin, lrMax, halfCycle, gamma))
                .optBatchSize(batch).optMaxEpochs(epochs).optPatience(patience).optSeed(seed).optSplit(validation, test)
                .optLogInputs(new HashSet<>(logInputs)).optLogOutputs(logOutputs).optTrainingLimit(maxTrain)
                .optPlotCount(plots).optDevice(chosen).optOutputBasis(outputBasis);
        if (bandWeight != null) {
            options.optBandWeight(bandWeight);
        }
        if (config != null) {
            RtConfig cfg = RtConfig.fromIni(IniFile.read(config), "rt");
            RtForwardModel rt = RtForwardModel.fromConfig(cfg, DataRoot.fromEnvironment());
            Observations obs = Observations.read(cfg.observations());
            options.optBands(rt.bandProjection(), obs.uncertainty(), obs.bandIds());
        }
        SurrogateTrainer.Outcome o = SurrogateTrainer.train(set, options.build(), out, new TrainingListener() {
            @Override
            public void epochEnded(EpochRecord r, boolean improved) {
                pw.printf(Locale.ROOT, "epoch %4d  train %.4e  validation %.4e  lr %.2e  %6.1f s%s%n", r.epoch(),
                        r.trainLoss(), r.validationLoss(), r.learningRate(), r.seconds(), improved ? "  *" : "");
                pw.flush();
            }
        });
        BundleDescriptor.MetricsSummary m = o.descriptor().metrics();
        pw.printf(Locale.ROOT, "bundle %s: best epoch %d; test R² median %.5f (min %.5f), median relative error %.3e,"
                        + " band error/σ median %.3f, p95 %.3f%n", out, o.descriptor().training().bestEpoch(),
                m.r2Median(), m.r2Min(), m.relativeErrorMedian(), m.bandErrorOverSigmaMedian(), m.bandErrorOverSigmaP95());
        pw.flush();
        return 0;
    }
}
