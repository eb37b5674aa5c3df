package org.exoret.surrogate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.exoret.dataset.Design;
import org.exoret.dataset.GenerationListener;
import org.exoret.dataset.GenerationPlan;
import org.exoret.dataset.TrainingSet;
import org.exoret.dataset.TrainingSetGenerator;
import org.exoret.testmodel.GaussianLineModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end: a few thousand spectra of the analytic test model train to a stated accuracy in well under a minute. */
class SurrogateTrainingTest {

    /** Band-depth uncertainty used for the band metric, comparable to Spitzer eclipse depths of HD 189733 b. */
    static final double SIGMA = 5e-5;

    @TempDir
    static Path dir;
    static TrainingSet set;
    static SurrogateTrainer.Outcome outcome;
    static GaussianLineModel model = new GaussianLineModel(120);

    /** Every channel as an output, a triangular2 cycle: the case whose stated accuracy the tests below check. */
    static TrainingOptions.Builder options() {
        return quickOptions()
                .optSchedule(new LearningRateSchedule(LearningRateSchedule.Policy.TRIANGULAR2, 3e-4, 5e-3, 5, 1))
                .optOutputBasis(0).optPlotCount(2);
    }

    /** The defaults, but for a small network, batch and epoch budget. */
    static TrainingOptions.Builder quickOptions() {
        double[] sigma = new double[model.bandCount()];
        java.util.Arrays.fill(sigma, SIGMA);
        return TrainingOptions.builder()
                .optArchitecture(Architecture.dense(List.of(128, 128), Architecture.ActivationKind.RELU))
                .optBatchSize(128).optMaxEpochs(60).optPatience(15).optSeed(3).optPlotCount(0)
                .optBands(model.bandProjection(), sigma);
    }

    @BeforeAll
    static void trainOnce() {
        new TrainingSetGenerator(model, GaussianLineModel.space(), "gaussian-line-120")
                .generate(dir.resolve("set"), new GenerationPlan(4000, 21, Design.SOBOL, 1000, 100, 2),
                        GenerationListener.NONE);
        set = TrainingSet.open(dir.resolve("set"));
        outcome = SurrogateTrainer.train(set, options().build(), dir.resolve("bundle"), TrainingListener.NONE);
    }

    @Test
    void reachesStatedTestAccuracy() {
        BundleDescriptor.MetricsSummary m = outcome.descriptor().metrics();
        // Stated accuracy of this small case (60 epochs at most): median channel R² above 0.99, every channel above
        // 0.9, median relative error below 5 %, median band-depth error below the 50 ppm uncertainty.
        assertTrue(m.r2Median() > 0.99, "median channel R² " + m.r2Median());
        assertTrue(m.r2Min() > 0.9, "smallest channel R² " + m.r2Min());
        assertTrue(m.relativeErrorMedian() < 0.05, "median relative error " + m.relativeErrorMedian());
        assertTrue(m.bandErrorOverSigmaMedian() < 1, "median band error/σ " + m.bandErrorOverSigmaMedian());
    }

    @Test
    void bundleRecordsEverything() throws IOException {
        Path b = dir.resolve("bundle");
        for (String f : List.of("bundle.json", "surrogate-0000.params", "loss.csv", "loss.png", "metrics.csv",
                "split.csv.gz", "test-spectrum-1.png", "test-spectrum-2.png")) {
            assertTrue(Files.isRegularFile(b.resolve(f)), f);
        }
        BundleDescriptor d = BundleDescriptor.read(b);
        assertEquals(model.parameterNames(), d.parameterNames());
        assertArrayEquals(model.wavenumberPerCm(), d.wavenumberPerCm(), 0.0);
        assertEquals(set.contentHash(), d.trainingDataHash());
        assertEquals(List.of(set.folder().toAbsolutePath()), d.trainingDataFolders());
        assertEquals(d.training().trainCount() + d.training().validationCount() + d.training().testCount(), set.size());
        assertEquals(outcome.history().size(), d.training().epochsRun());
        double best = outcome.history().stream().mapToDouble(EpochRecord::validationLoss).min().orElseThrow();
        assertEquals(best, d.training().bestValidationLoss(), 0.0, "the best epoch's weights are the ones kept");
        try (BufferedReader split = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(b.resolve("split.csv.gz"))), StandardCharsets.UTF_8))) {
            assertEquals(set.size() + 1, split.lines().count());
        }
        assertEquals(outcome.history().size() + 1, Files.readAllLines(b.resolve("loss.csv")).size());
        assertEquals(d.inputScaling(), BundleDescriptor.read(b).inputScaling());
    }

    @Test
    void sameSeedGivesIdenticalWeights() throws IOException {
        TrainingOptions quick = options().optMaxEpochs(3).optPlotCount(0).build();
        SurrogateTrainer.train(set, quick, dir.resolve("a"), TrainingListener.NONE);
        SurrogateTrainer.train(set, quick, dir.resolve("b"), TrainingListener.NONE);
        assertArrayEquals(Files.readAllBytes(dir.resolve("a/surrogate-0000.params")),
                Files.readAllBytes(dir.resolve("b/surrogate-0000.params")));
        TrainingOptions other = options().optMaxEpochs(3).optPlotCount(0).optSeed(4).build();
        SurrogateTrainer.train(set, other, dir.resolve("c"), TrainingListener.NONE);
        assertTrue(!java.util.Arrays.equals(Files.readAllBytes(dir.resolve("a/surrogate-0000.params")),
                Files.readAllBytes(dir.resolve("c/surrogate-0000.params"))), "another seed gives other weights");
    }

    @Test
    void outputBasisBundleReachesTheStatedAccuracyAndReportsItsOwnLoss() {
        BundleDescriptor d = trainWithBasis("basis", 16, 0);
        assertEquals(16, d.training().outputBasis());
        assertTrue(d.training().truncationMse() > 0 && d.training().truncationMse() < 1e-3,
                "truncation residual " + d.training().truncationMse());
        BundleDescriptor.MetricsSummary m = d.metrics();
        assertTrue(m.r2Median() > 0.99, "median channel R² " + m.r2Median());
        assertTrue(m.bandErrorOverSigmaMedian() < 1, "median band error/σ " + m.bandErrorOverSigmaMedian());
        // the bundle holds an ordinary all-channel network whose validation MSE is the loss the training reported
        double[] errors = validationErrors(dir.resolve("basis"), d);
        assertEquals(d.training().bestValidationLoss(), errors[0], 2e-3 * errors[0]);
    }

    @Test
    void bandWeightedLossIsSpectralErrorPlusWeightedBandError() {
        // 40 of 120 components: the truncation's share of the band error, which the loss cannot see, is negligible
        BundleDescriptor d = trainWithBasis("basis-banded", 40, 0.5);
        assertEquals(0.5, d.training().bandWeight());
        double[] errors = validationErrors(dir.resolve("basis-banded"), d);
        assertEquals(d.training().bestValidationLoss(), errors[0] + 0.5 * errors[1],
                2e-3 * d.training().bestValidationLoss());
        assertTrue(d.metrics().bandErrorOverSigmaMedian() < 1, "median band error/σ " + d.metrics().bandErrorOverSigmaMedian());
    }

    static BundleDescriptor trainWithBasis(String name, int components, double bandWeight) {
        TrainingOptions opts = options().optOutputBasis(components).optBandWeight(bandWeight).optPlotCount(0).build();
        return SurrogateTrainer.train(set, opts, dir.resolve(name), TrainingListener.NONE).descriptor();
    }

    /**
     * @return over the validation split, {mean squared error per channel in normalised units, mean of (band-depth
     *     error/σ)²} of the bundle's network
     */
    static double[] validationErrors(Path bundle, BundleDescriptor d) {
        AffineScaling out = new AffineScaling(d.outputScaling());
        int[] rows = DataSplit.of(set.size(), 0.1, 0.1, 3).validation();
        int w = set.wavenumberCount();
        double[][] theta = new double[rows.length][set.parameterCount()];
        float[] t = new float[set.parameterCount()];
        for (int i = 0; i < rows.length; i++) {
            set.readParameters(rows[i], t);
            for (int k = 0; k < t.length; k++) {
                theta[i][k] = t[k];
            }
        }
        double spectral = 0;
        double band = 0;
        try (SurrogateForwardModel surrogate = SurrogateForwardModel.open(bundle, model.bandProjection(),
                ai.djl.Device.cpu(), false)) {
            org.exoret.forward.ForwardResult r = surrogate.evaluateWithSpectra(theta);
            float[] truth = new float[w];
            float[] truthN = new float[w];
            float[] predicted = new float[w];
            float[] predictedN = new float[w];
            for (int i = 0; i < rows.length; i++) {
                set.readSpectrum(rows[i], truth);
                out.normaliseInto(truth, truthN, 0);
                double[] spectrum = r.spectrum(i);
                double[] truthPhysical = new double[w];
                for (int j = 0; j < w; j++) {
                    predicted[j] = (float) spectrum[j];
                    truthPhysical[j] = truth[j];
                }
                out.normaliseInto(predicted, predictedN, 0);
                for (int j = 0; j < w; j++) {
                    spectral += Math.pow(predictedN[j] - truthN[j], 2);
                }
                double[] depthTrue = model.bandProjection().apply(truthPhysical);
                double[] depth = r.bandDepth(i);
                for (int b = 0; b < depth.length; b++) {
                    band += Math.pow((depth[b] - depthTrue[b]) / SIGMA, 2) / depth.length;
                }
            }
        }
        return new double[] {spectral / ((double) rows.length * w), band / rows.length};
    }

    @Test
    void defaultRecipeTrainsOnEveryComponentOfANarrowSpectrumWithTheBandTerm() {
        TrainingOptions defaults = quickOptions().build();
        assertEquals(TrainingOptions.DEFAULT_SCHEDULE, defaults.schedule());
        assertEquals(TrainingOptions.DEFAULT_BAND_WEIGHT, defaults.bandWeight());
        BundleDescriptor d = SurrogateTrainer.train(set, defaults, dir.resolve("defaults"), TrainingListener.NONE)
                .descriptor();
        // 128 components asked of 120 channels: all 120, a rotation that truncates nothing but rounding
        assertEquals(model.wavenumberPerCm().length, d.training().outputBasis());
        assertEquals(0, d.training().truncationMse(), 1e-6);
        assertEquals(TrainingOptions.DEFAULT_BAND_WEIGHT, d.training().bandWeight());
        BundleDescriptor.MetricsSummary m = d.metrics();
        assertTrue(m.r2Median() > 0.99, "median channel R² " + m.r2Median());
        assertTrue(m.bandErrorOverSigmaMedian() < 1, "median band error/σ " + m.bandErrorOverSigmaMedian());
    }

    @Test
    void theDefaultBandWeightNeedsBandsABasisAndLinearSpectra() {
        assertEquals(0, quickOptions().optOutputBasis(0).build().bandWeight(), "no basis");
        assertEquals(0, TrainingOptions.builder().build().bandWeight(), "no bands");
        assertEquals(0, quickOptions().optLogOutputs(true).build().bandWeight(), "log10 spectra");
        org.exoret.ExoretException log = org.junit.jupiter.api.Assertions.assertThrows(
                org.exoret.ExoretException.class, () -> quickOptions().optLogOutputs(true).optBandWeight(0.01).build());
        assertTrue(log.getMessage().contains("--log-outputs"), log.getMessage());
        org.exoret.ExoretException nan = org.junit.jupiter.api.Assertions.assertThrows(
                org.exoret.ExoretException.class, () -> quickOptions().optBandWeight(Double.NaN).build());
        assertTrue(nan.getMessage().contains("band weight"), nan.getMessage());
    }

    @Test
    void bandWeightNeedsABasisAndBands() {
        org.exoret.ExoretException e = org.junit.jupiter.api.Assertions.assertThrows(org.exoret.ExoretException.class,
                () -> options().optBandWeight(1).build());
        assertTrue(e.getMessage().contains("--output-basis"), e.getMessage());
    }
}
