package org.exoret.surrogate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    static TrainingOptions.Builder options() {
        double[] sigma = new double[model.bandCount()];
        java.util.Arrays.fill(sigma, SIGMA);
        return TrainingOptions.builder()
                .optArchitecture(Architecture.dense(List.of(128, 128), Architecture.ActivationKind.RELU))
                .optSchedule(new LearningRateSchedule(LearningRateSchedule.Policy.TRIANGULAR2, 3e-4, 5e-3, 5, 1))
                .optBatchSize(128).optMaxEpochs(60).optPatience(15).optSeed(3).optPlotCount(2)
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
                "split.csv", "test-spectrum-1.png", "test-spectrum-2.png")) {
            assertTrue(Files.isRegularFile(b.resolve(f)), f);
        }
        BundleDescriptor d = BundleDescriptor.read(b);
        assertEquals(model.parameterNames(), d.parameterNames());
        assertArrayEquals(model.wavenumberPerCm(), d.wavenumberPerCm(), 0.0);
        assertEquals(set.contentHash(), d.trainingDataHash());
        assertEquals(d.training().trainCount() + d.training().validationCount() + d.training().testCount(), set.size());
        assertEquals(outcome.history().size(), d.training().epochsRun());
        double best = outcome.history().stream().mapToDouble(EpochRecord::validationLoss).min().orElseThrow();
        assertEquals(best, d.training().bestValidationLoss(), 0.0, "the best epoch's weights are the ones kept");
        assertEquals(set.size() + 1, Files.readAllLines(b.resolve("split.csv")).size());
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
}
