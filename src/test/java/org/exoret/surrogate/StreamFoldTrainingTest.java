package org.exoret.surrogate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.exoret.dataset.Design;
import org.exoret.dataset.GenerationListener;
import org.exoret.dataset.GenerationPlan;
import org.exoret.dataset.ParameterSpace;
import org.exoret.dataset.TrainingSet;
import org.exoret.dataset.TrainingSetGenerator;
import org.exoret.forward.ForwardModel;
import org.exoret.forward.ForwardResult;
import org.exoret.testmodel.GaussianLineModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training on a model with the two-stream symmetry: the trainer folds mirror images onto one, as
 * {@link SurrogateForwardModel} evaluates them, so the test-split figures the trainer records are the figures of the
 * model a retrieval loads. Were the trainer not to fold, the loaded model would evaluate half the test points at
 * inputs the network was not trained at, and the two sets of figures would differ by the network's error.
 */
class StreamFoldTrainingTest {

    /** A Gaussian-line spectrum whose temperature and line depth mix two "streams" as the line profile does. */
    private static final class TwoStreamModel implements ForwardModel {
        private final GaussianLineModel lines = new GaussianLineModel(120);

        static ParameterSpace space() {
            return new ParameterSpace(List.of("log10_gamma1", "log10_gamma2", "alpha"), List.of("dex", "dex", ""),
                    new double[] {-1, -1, 0}, new double[] {1, 1, 1});
        }

        private double[][] lineParameters(double[][] theta) {
            double[][] out = new double[theta.length][];
            for (int i = 0; i < theta.length; i++) {
                double g1 = theta[i][0];
                double g2 = theta[i][1];
                double a = theta[i][2];
                // symmetric under (g1, g2, a) -> (g2, g1, 1 - a)
                out[i] = new double[] {1300 + 250 * ((1 - a) * g1 + a * g2), 0.2 + 0.5 * ((1 - a) * g1 * g1 + a * g2 * g2),
                    40 * ((1 - a) * Math.sin(2 * g1) + a * Math.sin(2 * g2)), 1.8};
            }
            return out;
        }

        @Override
        public List<String> parameterNames() {
            return space().names();
        }

        @Override
        public int bandCount() {
            return lines.bandCount();
        }

        @Override
        public double[] wavenumberPerCm() {
            return lines.wavenumberPerCm();
        }

        @Override
        public ForwardResult evaluate(double[][] theta) {
            return lines.evaluate(lineParameters(theta));
        }

        @Override
        public ForwardResult evaluateWithSpectra(double[][] theta) {
            return lines.evaluateWithSpectra(lineParameters(theta));
        }

        @Override
        public void close() {
        }
    }

    @TempDir
    Path dir;

    @Test
    void recordedTestErrorsAreThoseOfTheLoadedModel() throws IOException {
        TwoStreamModel model = new TwoStreamModel();
        new TrainingSetGenerator(model, TwoStreamModel.space(), "two-stream-lines")
                .generate(dir.resolve("set"), new GenerationPlan(1500, 9, Design.SOBOL, 500, 100, 2),
                        GenerationListener.NONE);
        TrainingSet set = TrainingSet.open(dir.resolve("set"));
        double[] sigma = {1e-4, 1e-4, 1e-4, 1e-4, 1e-4};
        SurrogateTrainer.Outcome outcome = SurrogateTrainer.train(set, TrainingOptions.builder()
                .optArchitecture(Architecture.dense(List.of(48, 48), Architecture.ActivationKind.RELU))
                .optBatchSize(64).optMaxEpochs(6).optPlotCount(0)
                .optBands(model.lines.bandProjection(), sigma, SurrogateForwardModelTest.BAND_IDS).build(),
                dir.resolve("bundle"), TrainingListener.NONE);

        Map<Long, Integer> rowOfSample = new HashMap<>();
        for (int r = 0; r < set.size(); r++) {
            rowOfSample.put(set.sampleIndex(r), r);
        }
        List<double[]> testPoints = new ArrayList<>();
        List<double[]> truth = new ArrayList<>();
        float[] stored = new float[3];
        float[] spectrum = new float[set.wavenumberCount()];
        try (BufferedReader split = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(dir.resolve("bundle/split.csv.gz"))), StandardCharsets.UTF_8))) {
            for (String line : (Iterable<String>) split.lines().skip(1)::iterator) {
                String[] f = line.split(",");
                if (!f[2].equals("test")) {
                    continue;
                }
                int row = rowOfSample.get(Long.parseLong(f[1]));
                set.readParameters(row, stored);
                testPoints.add(new double[] {stored[0], stored[1], stored[2]});
                set.readSpectrum(row, spectrum);
                double[] s = new double[spectrum.length];
                for (int j = 0; j < s.length; j++) {
                    s[j] = spectrum[j];
                }
                truth.add(model.lines.bandProjection().apply(s));
            }
        }
        long mirrored = testPoints.stream().filter(p -> p[0] > p[1]).count();
        assertTrue(mirrored > testPoints.size() / 4, mirrored + " of " + testPoints.size() + " test points are folded");

        double[] recomputed = new double[testPoints.size() * sigma.length];
        try (SurrogateForwardModel loaded = SurrogateForwardModel.open(dir.resolve("bundle"), Device.cpu(), false)) {
            ForwardResult r = loaded.evaluate(testPoints.toArray(double[][]::new));
            for (int i = 0; i < testPoints.size(); i++) {
                for (int b = 0; b < sigma.length; b++) {
                    recomputed[i * sigma.length + b] = Math.abs(r.bandDepth(i)[b] - truth.get(i)[b]) / sigma[b];
                }
            }
        }
        double[] recorded = outcome.metrics().bandErrorOverSigma();
        Arrays.sort(recorded);
        Arrays.sort(recomputed);
        assertEquals(recorded.length, recomputed.length);
        double typical = recorded[recorded.length / 2];
        for (int k = 0; k < recorded.length; k++) {
            // float32 rounding of a forward pass in other batches; the network's error is ~typical
            assertEquals(recorded[k], recomputed[k], 1e-3 * typical + 1e-6, "sorted band error " + k);
        }
    }
}
