package org.exoret.surrogate;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.exoret.ExoretException;
import org.exoret.Versions;
import org.exoret.atmosphere.StreamSymmetry;
import org.exoret.dataset.TrainingSet;
import org.exoret.dataset.TrainingSetHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a surrogate on a training set and writes a bundle: Adam on the mean squared error in normalised units,
 * a {@link LearningRateSchedule}, mini-batches drawn in a seeded shuffled order, early stopping on the validation
 * loss with the best weights kept (Himes et al. 2022, PSJ 3, 91, §2.2). Normalisation statistics come from the
 * training split only, in one streaming pass. The data are read batch by batch from the memory-mapped set, so the
 * set need not fit in memory. With the same seed, data, options and thread count the weights are identical.
 *
 * <p>Bundle folder contents: {@code bundle.json}, {@code surrogate-0000.params} (DJL), {@code loss.csv},
 * {@code loss.png}, {@code metrics.csv} (per channel), {@code split.csv.gz} ((set, design index) → split, gzip-compressed: one row per spectrum) and
 * {@code test-spectrum-N.png}.
 */
public final class SurrogateTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(SurrogateTrainer.class);

    /** Stem of the DJL parameter file in a bundle. */
    public static final String MODEL_NAME = "surrogate";

    private final TrainingSet data;
    private final TrainingOptions options;
    private final int p;
    private final int w;
    /** Folds mirror-image inputs onto one image, as {@link SurrogateForwardModel} evaluates them; null if absent. */
    private final StreamSymmetry streams;

    private SurrogateTrainer(TrainingSet data, TrainingOptions options) {
        this.data = data;
        this.options = options;
        this.p = data.parameterCount();
        this.w = data.wavenumberCount();
        this.streams = StreamSymmetry.in(data.header().parameterNames()).orElse(null);
    }

    /**
     * The result of a training run.
     *
     * @param descriptor the bundle descriptor written
     * @param history loss per epoch
     * @param metrics test-split metrics
     */
    public record Outcome(BundleDescriptor descriptor, List<EpochRecord> history, SurrogateMetrics metrics) {
        /** Copies. */
        public Outcome {
            history = List.copyOf(history);
        }
    }

    /**
     * Trains and writes a bundle.
     *
     * @param data the training set
     * @param options training options
     * @param bundle folder to write the bundle into (created; files of the same names are replaced)
     * @param listener progress observer
     * @return descriptor, history and metrics
     */
    public static Outcome train(TrainingSet data, TrainingOptions options, Path bundle, TrainingListener listener) {
        for (String name : options.logInputs()) {
            if (!data.header().parameterNames().contains(name)) {
                throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "cannot log-scale input '" + name
                        + "': the training set's parameters are " + data.header().parameterNames());
            }
        }
        if (options.bandProjection() != null && options.bandProjection().wavenumberCount() != data.wavenumberCount()) {
            throw new ExoretException(ExoretException.Kind.MISMATCH, "the band projection has "
                    + options.bandProjection().wavenumberCount() + " wavenumbers, the training set "
                    + data.wavenumberCount());
        }
        try {
            Files.createDirectories(bundle);
        } catch (IOException e) {
            throw new ExoretException(ExoretException.Kind.IO, "cannot create " + bundle + ": " + e.getMessage(), e);
        }
        return new SurrogateTrainer(data, options).run(bundle, listener);
    }

    private Outcome run(Path bundle, TrainingListener listener) {
        long start = System.nanoTime();
        DataSplit split = DataSplit.of(data.size(), options.validationFraction(), options.testFraction(), options.seed());
        int[] train = split.train();
        if (options.trainingLimit() > 0 && options.trainingLimit() < train.length) {
            train = Arrays.copyOf(train, options.trainingLimit());
        }
        List<String> names = data.header().parameterNames();
        boolean[] logIn = new boolean[p];
        for (int k = 0; k < p; k++) {
            logIn[k] = options.logInputs().contains(names.get(k));
        }
        boolean[] logOut = new boolean[w];
        Arrays.fill(logOut, options.logOutputs());
        FeatureStatistics inStats = new FeatureStatistics(logIn, k -> "parameter " + names.get(k));
        FeatureStatistics outStats = new FeatureStatistics(logOut, j -> "flux at channel " + j);
        float[] theta = new float[p];
        float[] spectrum = new float[w];
        for (int row : train) {
            data.readParameters(row, theta);
            data.readSpectrum(row, spectrum);
            inStats.accept(theta);
            outStats.accept(spectrum);
        }
        FeatureScaling inScaling = inStats.toScaling();
        FeatureScaling outScaling = outStats.toScaling();
        AffineScaling in = new AffineScaling(inScaling);
        AffineScaling out = new AffineScaling(outScaling);

        Device device = Devices.requireAvailable(options.device());
        Engine.getInstance().setRandomSeed((int) options.seed());
        // a basis as wide as the spectrum is a rotation of it, which still carries the band weighting
        int components = Math.min(options.outputBasis(), w);
        if (options.outputBasis() > w) {
            LOG.info("an output basis of {} components was asked of spectra of {} channels: training on all {}",
                    options.outputBasis(), w, w);
        }
        Targets targets = components > 0
                ? basisTargets(components, train, split.validation(), out) : new SpectrumTargets(out);
        double trainResidual = targets.residual(train);
        double validationResidual = targets.residual(split.validation());
        UniformRandomProvider shuffle = RandomSource.XO_RO_SHI_RO_128_PP.create(options.seed() ^ 0x5DEECE66DL);
        int batch = Math.min(options.batchSize(), train.length);
        int updatesPerEpoch = (train.length + batch - 1) / batch;
        Tracker tracker = options.schedule().tracker(updatesPerEpoch, options.maxEpochs());
        List<EpochRecord> history = new ArrayList<>();
        int bestEpoch = 0;
        double bestLoss = Double.POSITIVE_INFINITY;
        SurrogateMetrics metrics;
        try (Model model = Model.newInstance(MODEL_NAME, device)) {
            SequentialBlock net = options.architecture().build(targets.width());
            model.setBlock(net);
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss("mse", 1f))
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(tracker).build())
                    .optDevices(new Device[] {device});
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(batch, p));
                Map<String, float[]> best = null;
                int updates = 0;
                for (int epoch = 1; epoch <= options.maxEpochs(); epoch++) {
                    PermutationSampler.shuffle(shuffle, train);
                    double sum = 0;
                    for (int from = 0; from < train.length; from += batch) {
                        int n = Math.min(batch, train.length - from);
                        try (NDManager m = trainer.getManager().newSubManager()) {
                            NDList[] xy = batchArrays(m, train, from, n, in, targets);
                            try (GradientCollector collector = trainer.newGradientCollector()) {
                                NDArray predicted = trainer.forward(xy[0]).singletonOrThrow();
                                NDArray loss = trainer.getLoss().evaluate(xy[1], new NDList(predicted));
                                collector.backward(loss);
                                sum += loss.getFloat() * n;
                            }
                            trainer.step();
                            updates++;
                        }
                    }
                    double trainLoss = sum / train.length + trainResidual;
                    double validationLoss = meanSquaredError(trainer, split.validation(), in, targets)
                            + validationResidual;
                    boolean improved = validationLoss < bestLoss;
                    if (improved) {
                        bestLoss = validationLoss;
                        bestEpoch = epoch;
                        best = snapshot(net);
                    }
                    EpochRecord record = new EpochRecord(epoch, trainLoss, validationLoss,
                            tracker.getNewValue(updates), (System.nanoTime() - start) * 1e-9);
                    history.add(record);
                    listener.epochEnded(record, improved);
                    if (!Double.isFinite(trainLoss)) {
                        throw new ExoretException(ExoretException.Kind.ENGINE, "training diverged at epoch " + epoch
                                + " (loss " + trainLoss + "); lower the learning rate");
                    }
                    if (epoch - bestEpoch >= options.patience()) {
                        break;
                    }
                }
                restore(net, best);
            }
            if (targets instanceof BasisTargets b) {
                try (Model merged = Model.newInstance(MODEL_NAME, device)) {
                    merged.setBlock(b.merge(net, merged.getNDManager(), options.architecture(), p));
                    metrics = evaluateTest(merged, split.test(), in, out, bundle);
                    save(merged, bundle);
                }
            } else {
                metrics = evaluateTest(model, split.test(), in, out, bundle);
                save(model, bundle);
            }
        }
        double seconds = (System.nanoTime() - start) * 1e-9;
        writeLoss(history, bundle);
        writeSplit(split, bundle);
        writeChannelMetrics(metrics, bundle);
        TrainingSetHeader h = data.header();
        BundleDescriptor.TrainingSummary summary = new BundleDescriptor.TrainingSummary(options.seed(),
                device.toString(), batch, options.schedule(), options.maxEpochs(), options.patience(), history.size(),
                bestEpoch, bestLoss, seconds, train.length, split.validation().length, split.test().length,
                options.validationFraction(), options.testFraction(), components, trainResidual,
                options.bandWeight());
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("exoret", Versions.exoret());
        versions.put("djl", Versions.djl());
        versions.put("pytorch", Versions.pytorch());
        versions.put("java", Versions.java());
        BundleDescriptor descriptor = new BundleDescriptor(BundleDescriptor.FORMAT_VERSION, h.parameterNames(),
                h.parameterUnits(), data.parameterLower(), data.parameterUpper(), h.wavenumberPerCm(), h.spectrumUnit(),
                inScaling, outScaling, options.architecture(), MODEL_NAME, summary, metrics.summary(), versions,
                data.contentHash(), BundleDescriptor.folderList(data.folders()), options.bandIds());
        if (options.bandIds() != null) {
            StoredBandProjection.write(bundle, options.bandProjection(), options.bandIds());
        } else {
            try {
                Files.deleteIfExists(bundle.resolve(StoredBandProjection.FILE_NAME));
            } catch (IOException e) {
                throw new ExoretException(ExoretException.Kind.IO, "cannot replace " + bundle, e);
            }
        }
        descriptor.write(bundle);
        return new Outcome(descriptor, history, metrics);
    }

    /** What the network learns to output for a row of the set. */
    private interface Targets {
        /** @return outputs per row */
        int width();

        /** Writes the targets of data row {@code row} at {@code offset}. */
        void fill(int row, float[] into, int offset);

        /** @return mean squared error per channel that the targets cannot represent, averaged over {@code rows} */
        double residual(int[] rows);
    }

    /** The normalised spectrum itself, read from the set batch by batch. */
    private final class SpectrumTargets implements Targets {
        private final AffineScaling out;
        private final float[] spectrum = new float[w];

        SpectrumTargets(AffineScaling out) {
            this.out = out;
        }

        @Override
        public int width() {
            return w;
        }

        @Override
        public void fill(int row, float[] into, int offset) {
            data.readSpectrum(row, spectrum);
            out.normaliseInto(spectrum, into, offset);
        }

        @Override
        public double residual(int[] rows) {
            return 0;
        }
    }

    /** Coefficients on an {@link OutputBasis}, projected once for the training and validation rows. */
    private static final class BasisTargets implements Targets {
        private final OutputBasis basis;
        /** Per data row, K targets in one flat array (rows outside training and validation stay zero). */
        private final float[] coefficients;
        private final double[] residuals;

        BasisTargets(OutputBasis basis, int rows) {
            this.basis = basis;
            this.coefficients = new float[Math.multiplyExact(rows, basis.size())];
            this.residuals = new double[rows];
        }

        @Override
        public int width() {
            return basis.size();
        }

        @Override
        public void fill(int row, float[] into, int offset) {
            System.arraycopy(coefficients, row * basis.size(), into, offset, basis.size());
        }

        @Override
        public double residual(int[] rows) {
            double sum = 0;
            for (int row : rows) {
                sum += residuals[row];
            }
            return sum / rows.length;
        }

        /** The trained coefficient network with its last layer merged with the basis: w outputs. */
        SequentialBlock merge(SequentialBlock trained, NDManager manager, Architecture architecture, int inputs) {
            SequentialBlock merged = architecture.build(basis.outputCount());
            merged.initialize(manager, DataType.FLOAT32, new Shape(1, inputs));
            List<Block> from = new ArrayList<>(trained.getChildren().values());
            List<Block> to = new ArrayList<>(merged.getChildren().values());
            for (int i = 0; i < from.size() - 1; i++) {
                for (Pair<String, Parameter> e : from.get(i).getParameters()) {
                    to.get(i).getParameters().get(e.getKey()).getArray()
                            .set(FloatBuffer.wrap(e.getValue().getArray().toFloatArray()));
                }
            }
            PairList<String, Parameter> last = from.get(from.size() - 1).getParameters();
            float[][] layer = basis.merge(last.get("weight").getArray().toFloatArray(),
                    last.get("bias").getArray().toFloatArray());
            PairList<String, Parameter> target = to.get(to.size() - 1).getParameters();
            target.get("weight").getArray().set(FloatBuffer.wrap(layer[0]));
            target.get("bias").getArray().set(FloatBuffer.wrap(layer[1]));
            return merged;
        }
    }

    /** Fits the output basis on the training split and projects the training and validation rows onto it. */
    private BasisTargets basisTargets(int components, int[] train, int[] validation, AffineScaling out) {
        float[] spectrum = new float[w];
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            OutputBasis basis = OutputBasis.fit(components, w, train.length, (i, y) -> {
                data.readSpectrum(train[i], spectrum);
                out.normaliseInto(spectrum, y, 0);
            }, options.seed(), m);
            if (options.bandWeight() > 0) {
                basis = basis.bandWeighted(options.bandProjection(), options.bandUncertainty(), out,
                        options.bandWeight());
            }
            BasisTargets targets = new BasisTargets(basis, data.size());
            int[] rows = IntStream.concat(Arrays.stream(train), Arrays.stream(validation)).toArray();
            int block = 1024;
            float[] normalised = new float[block * w];
            for (int from = 0; from < rows.length; from += block) {
                int n = Math.min(block, rows.length - from);
                for (int i = 0; i < n; i++) {
                    data.readSpectrum(rows[from + i], spectrum);
                    out.normaliseInto(spectrum, normalised, i * w);
                }
                OutputBasis.Projection projected = basis.project(normalised, n, m);
                int k = basis.size();
                for (int i = 0; i < n; i++) {
                    System.arraycopy(projected.targets(), i * k, targets.coefficients, rows[from + i] * k, k);
                    targets.residuals[rows[from + i]] = projected.residuals()[i];
                }
            }
            return targets;
        }
    }

    /** Normalised inputs and targets of rows {@code rows[from … from+n)}. */
    private NDList[] batchArrays(NDManager m, int[] rows, int from, int n, AffineScaling in, Targets targets) {
        int width = targets.width();
        float[] x = new float[n * p];
        float[] y = new float[n * width];
        float[] stored = new float[p];
        double[] theta = new double[p];
        double[] lower = data.parameterLower();
        double[] upper = data.parameterUpper();
        for (int i = 0; i < n; i++) {
            data.readParameters(rows[from + i], stored);
            for (int k = 0; k < p; k++) {
                theta[k] = stored[k];
            }
            in.normaliseInto(streams == null ? theta : streams.canonical(theta, lower, upper), x, i * p);
            targets.fill(rows[from + i], y, i * width);
        }
        return new NDList[] {new NDList(m.create(x, new Shape(n, p))), new NDList(m.create(y, new Shape(n, width)))};
    }

    /** Mean squared error per output over {@code rows}, in the targets' units. */
    private double meanSquaredError(Trainer trainer, int[] rows, AffineScaling in, Targets targets) {
        double sum = 0;
        int batch = options.batchSize();
        for (int from = 0; from < rows.length; from += batch) {
            int n = Math.min(batch, rows.length - from);
            try (NDManager m = trainer.getManager().newSubManager()) {
                NDList[] xy = batchArrays(m, rows, from, n, in, targets);
                NDArray predicted = trainer.evaluate(xy[0]).singletonOrThrow();
                sum += predicted.sub(xy[1].singletonOrThrow()).square().sum().getFloat();
            }
        }
        return sum / ((double) rows.length * targets.width());
    }

    private static void save(Model model, Path bundle) {
        try {
            model.save(bundle, MODEL_NAME);
        } catch (IOException e) {
            throw new ExoretException(ExoretException.Kind.IO, "cannot save the network to " + bundle, e);
        }
    }

    private static Map<String, float[]> snapshot(SequentialBlock net) {
        Map<String, float[]> copy = new LinkedHashMap<>();
        for (Pair<String, Parameter> e : net.getParameters()) {
            copy.put(e.getKey(), e.getValue().getArray().toFloatArray());
        }
        return copy;
    }

    private static void restore(SequentialBlock net, Map<String, float[]> best) {
        if (best == null) {
            throw new ExoretException(ExoretException.Kind.ENGINE,
                    "the validation loss was never finite; lower the learning rate or check the training data");
        }
        for (Pair<String, Parameter> e : net.getParameters()) {
            e.getValue().getArray().set(FloatBuffer.wrap(best.get(e.getKey())));
        }
    }

    private SurrogateMetrics evaluateTest(Model model, int[] rows, AffineScaling in, AffineScaling out, Path bundle) {
        double[] sqN = new double[w];
        double[] sqP = new double[w];
        double[] rel = new double[w];
        FeatureStatistics truthN = new FeatureStatistics(new boolean[w], j -> "channel " + j);
        FeatureStatistics truthP = new FeatureStatistics(new boolean[w], j -> "channel " + j);
        double[] sigma = options.bandUncertainty();
        SpectrumTargets spectra = new SpectrumTargets(out);
        List<Double> bandErrors = new ArrayList<>();
        double[] grid = data.header().wavenumberPerCm();
        double[] physical = new double[w];
        float[] truthFloat = new float[w];
        float[] truthNorm = new float[w];
        int plotted = 0;
        int batch = options.batchSize();
        for (int from = 0; from < rows.length; from += batch) {
            int n = Math.min(batch, rows.length - from);
            float[] predicted;
            try (NDManager m = model.getNDManager().newSubManager()) {
                NDList[] xy = batchArrays(m, rows, from, n, in, spectra);
                predicted = model.getBlock().forward(new ParameterStore(m, false), xy[0], false)
                        .singletonOrThrow().toFloatArray();
            }
            for (int i = 0; i < n; i++) {
                data.readSpectrum(rows[from + i], truthFloat);
                out.normaliseInto(truthFloat, truthNorm, 0);
                out.denormaliseInto(predicted, i * w, physical);
                double[] truth = new double[w];
                for (int j = 0; j < w; j++) {
                    truth[j] = truthFloat[j];
                    double dn = predicted[i * w + j] - truthNorm[j];
                    double dp = physical[j] - truth[j];
                    sqN[j] += dn * dn;
                    sqP[j] += dp * dp;
                    rel[j] += Math.abs(dp) / Math.abs(truth[j]);
                }
                truthN.accept(truthNorm);
                truthP.accept(truthFloat);
                if (options.bandProjection() != null) {
                    double[] dTrue = options.bandProjection().apply(truth);
                    double[] dPred = options.bandProjection().apply(physical);
                    for (int b = 0; b < dTrue.length; b++) {
                        bandErrors.add(Math.abs(dPred[b] - dTrue[b]) / sigma[b]);
                    }
                }
                if (plotted < options.plotCount()) {
                    TrainingPlots.spectrum(grid, truth, physical.clone(), "Test sample " + data.sampleIndex(rows[from + i]),
                            bundle.resolve(String.format(Locale.ROOT, "test-spectrum-%d.png", plotted + 1)));
                    plotted++;
                }
            }
        }
        int n = rows.length;
        FeatureScaling varN = truthN.toScaling();
        FeatureScaling varP = truthP.toScaling();
        double[] rmseN = new double[w];
        double[] rmseP = new double[w];
        double[] r2N = new double[w];
        double[] r2P = new double[w];
        for (int j = 0; j < w; j++) {
            rmseN[j] = Math.sqrt(sqN[j] / n);
            rmseP[j] = Math.sqrt(sqP[j] / n);
            r2N[j] = r2(sqN[j], varN.std()[j], varN.max()[j] > varN.min()[j], n);
            r2P[j] = r2(sqP[j], varP.std()[j], varP.max()[j] > varP.min()[j], n);
            rel[j] /= n;
        }
        return new SurrogateMetrics(rmseN, rmseP, r2N, r2P, rel,
                bandErrors.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** R² = 1 − SS_res/SS_tot; NaN for a channel that is constant over the test split. */
    private static double r2(double ssRes, double std, boolean varies, int n) {
        return varies ? 1 - ssRes / (std * std * n) : Double.NaN;
    }

    private static void writeLoss(List<EpochRecord> history, Path bundle) {
        writeCsv(bundle.resolve("loss.csv"), new String[] {"epoch", "train_loss", "validation_loss", "learning_rate", "seconds"},
                history.stream().map(r -> List.<Object>of(r.epoch(), r.trainLoss(), r.validationLoss(),
                        r.learningRate(), r.seconds())).toList());
        TrainingPlots.lossCurves(history, bundle.resolve("loss.png"));
    }

    private void writeSplit(DataSplit split, Path bundle) {
        List<List<Object>> rows = new ArrayList<>();
        addSplit(rows, split.train(), "train");
        addSplit(rows, split.validation(), "validation");
        addSplit(rows, split.test(), "test");
        rows.sort(java.util.Comparator.comparingInt((List<Object> r) -> (Integer) r.get(0))
                .thenComparingLong(r -> (Long) r.get(1)));
        writeCsv(bundle.resolve("split.csv.gz"), new String[] {"set", "sample", "split"}, rows);
    }

    private void addSplit(List<List<Object>> rows, int[] which, String name) {
        for (int row : which) {
            rows.add(List.of(data.part(row), data.sampleIndex(row), name));
        }
    }

    private void writeChannelMetrics(SurrogateMetrics m, Path bundle) {
        double[] grid = data.header().wavenumberPerCm();
        List<List<Object>> rows = new ArrayList<>();
        for (int j = 0; j < w; j++) {
            rows.add(List.of(grid[j], m.rmseNormalised()[j], m.rmsePhysical()[j], m.r2Normalised()[j],
                    m.r2Physical()[j], m.meanRelativeError()[j]));
        }
        writeCsv(bundle.resolve("metrics.csv"), new String[] {"wavenumber_per_cm", "rmse_normalised", "rmse_physical",
            "r2_normalised", "r2_physical", "mean_relative_error"}, rows);
    }

    /** Writes a CSV file, gzip-compressed when its name ends in {@code .gz}. */
    private static void writeCsv(Path file, String[] header, List<List<Object>> rows) {
        try (Writer out = file.getFileName().toString().endsWith(".gz")
                ? new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file)), StandardCharsets.UTF_8)
                : Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(header).get())) {
            for (List<Object> r : rows) {
                csv.printRecord(r);
            }
        } catch (IOException e) {
            throw new ExoretException(ExoretException.Kind.IO, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
