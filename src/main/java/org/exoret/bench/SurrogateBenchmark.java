package org.exoret.bench;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.exoret.dataset.Design;
import org.exoret.dataset.ParameterSpace;
import org.exoret.dataset.TrainingSet;
import org.exoret.forward.ForwardModel;
import org.exoret.forward.ForwardResult;
import org.exoret.surrogate.Architecture;
import org.exoret.surrogate.BundleDescriptor;
import org.exoret.surrogate.SurrogateForwardModel;
import org.exoret.surrogate.SurrogateTrainer;
import org.exoret.surrogate.TrainingListener;
import org.exoret.surrogate.TrainingOptions;

/**
 * Measures a surrogate bundle against the RT model it replaces: cost per sample at several batch sizes (fused on
 * the default inference path, fused on the Java path and on the native engine, unfused), the RT cost of one spectrum on the same
 * configuration, band-depth accuracy in units of the observation σ, and (for choosing the default network) test
 * accuracy against inference cost for several architectures trained on the same set for the same budget. Timings
 * are medians over repeated calls after a warm-up.
 */
public final class SurrogateBenchmark {

    /** Batch sizes timed. */
    public static final int[] BATCH_SIZES = {1, 10, 30, 100, 1000};
    private static final long DESIGN_SEED = 20240611L;

    private SurrogateBenchmark() {
    }

    /**
     * Median wall-clock cost per row of {@code model.evaluate} at one batch size.
     *
     * @param model the forward model
     * @param theta at least {@code batch} parameter rows
     * @param batch rows per call
     * @param minCalls timed calls at least (more for small batches, for about 10⁴ rows in all)
     * @return microseconds per row, median over calls
     */
    public static double microsPerSample(ForwardModel model, double[][] theta, int batch, int minCalls) {
        double[][] rows = Arrays.copyOf(theta, batch);
        int calls = Math.max(minCalls, 10_000 / batch);
        for (int i = 0; i < Math.max(5, calls / 5); i++) {
            model.evaluate(rows);
        }
        double[] us = new double[calls];
        for (int i = 0; i < calls; i++) {
            long t0 = System.nanoTime();
            model.evaluate(rows);
            us[i] = (System.nanoTime() - t0) * 1e-3 / batch;
        }
        return median(us);
    }

    /**
     * Cost per row at each of {@link #BATCH_SIZES}.
     *
     * @param model the forward model
     * @param space box to draw rows from
     * @return µs per row keyed by batch size
     */
    public static Map<String, Double> costCurve(ForwardModel model, ParameterSpace space) {
        double[][] theta = Design.UNIFORM.points(space, DESIGN_SEED, 0, BATCH_SIZES[BATCH_SIZES.length - 1]);
        Map<String, Double> m = new LinkedHashMap<>();
        for (int b : BATCH_SIZES) {
            m.put(Integer.toString(b), microsPerSample(model, theta, b, 20));
        }
        return m;
    }

    /**
     * Median RT cost per spectrum in batches of {@code batch} copies of one parameter vector: the way a sampler calls
     * it (the RT spreads a batch over all cores), so the figure compares with the surrogate's cost per sample at the
     * same batch size.
     *
     * @param rt the RT model
     * @param theta parameters
     * @param batch spectra per call
     * @param repetitions timed calls
     * @return milliseconds per spectrum
     */
    public static double rtMillisPerSpectrum(ForwardModel rt, double[] theta, int batch, int repetitions) {
        double[][] rows = new double[batch][];
        Arrays.fill(rows, theta);
        for (int i = 0; i < 3; i++) {
            rt.evaluate(rows);
        }
        double[] ms = new double[repetitions];
        for (int i = 0; i < repetitions; i++) {
            long t0 = System.nanoTime();
            rt.evaluate(rows);
            ms[i] = (System.nanoTime() - t0) * 1e-6 / batch;
        }
        return median(ms);
    }

    /**
     * Band-depth error of the surrogate against fresh RT spectra at design points the training never saw (a
     * different seed), in units of the observation σ.
     *
     * @param surrogate the surrogate
     * @param rt the RT model
     * @param sigma 1σ per band
     * @param space box to draw from
     * @param count design points (RT rejections are skipped)
     * @return {@code {median, p95, accepted points}}
     */
    public static double[] independentBandError(ForwardModel surrogate, ForwardModel rt, double[] sigma,
                                                ParameterSpace space, int count) {
        double[][] theta = Design.UNIFORM.points(space, DESIGN_SEED + 1, 0, count);
        ForwardResult truth = rt.evaluate(theta);
        ForwardResult predicted = surrogate.evaluate(theta);
        List<Double> err = new ArrayList<>();
        int accepted = 0;
        for (int i = 0; i < count; i++) {
            if (truth.accepted(i) && predicted.accepted(i)) {
                accepted++;
                double[] t = truth.bandDepth(i);
                double[] p = predicted.bandDepth(i);
                for (int b = 0; b < t.length; b++) {
                    err.add(Math.abs(p[b] - t[b]) / sigma[b]);
                }
            }
        }
        double[] e = err.stream().mapToDouble(Double::doubleValue).toArray();
        return new double[] {median(e), new Percentile(95).evaluate(e), accepted};
    }

    /**
     * How far the surrogate's χ² strays from the RT model's where a posterior lies: at {@code count} draws of the
     * posterior (seeded), χ²_surrogate − χ²_RT against the observations, and the band errors there. The spread of that
     * difference across the posterior decides whether a surrogate retrieval moves: an offset that varies by δ across
     * the posterior tilts it by up to e^(δ/2), which a box-averaged band error does not show.
     *
     * @param surrogate the surrogate
     * @param rt the RT model
     * @param data observed band depths
     * @param sigma 1σ per band
     * @param posterior posterior samples (rows) in the models' parameter order
     * @param count draws
     * @return {@code {mean Δχ², standard deviation of Δχ², median |error|/σ, p95 |error|/σ, draws both models accepted}}
     */
    public static double[] posteriorChiSquareOffset(ForwardModel surrogate, ForwardModel rt, double[] data,
                                                    double[] sigma, double[][] posterior, int count) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(DESIGN_SEED + 2);
        double[][] theta = new double[count][];
        for (int i = 0; i < count; i++) {
            theta[i] = posterior[rng.nextInt(posterior.length)].clone();
        }
        ForwardResult truth = rt.evaluate(theta);
        ForwardResult predicted = surrogate.evaluate(theta);
        List<Double> offset = new ArrayList<>();
        List<Double> err = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (truth.accepted(i) && predicted.accepted(i)) {
                double[] t = truth.bandDepth(i);
                double[] p = predicted.bandDepth(i);
                double chi2Rt = 0;
                double chi2Surrogate = 0;
                for (int b = 0; b < t.length; b++) {
                    chi2Rt += Math.pow((t[b] - data[b]) / sigma[b], 2);
                    chi2Surrogate += Math.pow((p[b] - data[b]) / sigma[b], 2);
                    err.add(Math.abs(p[b] - t[b]) / sigma[b]);
                }
                offset.add(chi2Surrogate - chi2Rt);
            }
        }
        double[] o = offset.stream().mapToDouble(Double::doubleValue).toArray();
        double[] e = err.stream().mapToDouble(Double::doubleValue).toArray();
        return new double[] {new Mean().evaluate(o), new StandardDeviation().evaluate(o), median(e),
            new Percentile(95).evaluate(e), o.length};
    }

    /**
     * One row of the architecture comparison or of the learning curve.
     *
     * @param architecture the network
     * @param trainCount training samples used
     * @param epochs epochs run
     * @param trainSeconds wall-clock training time, s
     * @param bandErrorMedian test-split median |band error|/σ
     * @param bandErrorP95 test-split 95th percentile |band error|/σ
     * @param r2Median median channel R² on the test split
     * @param usPerSampleBatch10 fused cost per sample at batch 10 on the default CPU path, µs
     * @param usPerSampleBatch1 the same at batch 1, µs
     * @param multiplyAccumulates multiply–accumulates per sample of the unfused network
     */
    public record Candidate(String architecture, int trainCount, int epochs, double trainSeconds,
                            double bandErrorMedian, double bandErrorP95, double r2Median, double usPerSampleBatch10,
                            double usPerSampleBatch1, long multiplyAccumulates) {
    }

    /**
     * Trains one network and measures it.
     *
     * @param set training set
     * @param base options (bands with ids, split, seed, budget)
     * @param architecture network to train
     * @param trainLimit training samples to use (0: all)
     * @param bundle folder for the bundle
     * @return its row
     */
    public static Candidate trainAndMeasure(TrainingSet set, TrainingOptions.Builder base, Architecture architecture,
                                            int trainLimit, Path bundle) {
        SurrogateTrainer.Outcome o = SurrogateTrainer.train(set, base.optArchitecture(architecture)
                .optTrainingLimit(trainLimit).build(), bundle, TrainingListener.NONE);
        BundleDescriptor d = o.descriptor();
        ParameterSpace space = new ParameterSpace(d.parameterNames(), d.parameterUnits(), d.trainingLower(),
                d.trainingUpper());
        double[][] theta = Design.UNIFORM.points(space, DESIGN_SEED, 0, 10);
        double batch10;
        double batch1;
        try (SurrogateForwardModel s = SurrogateForwardModel.open(bundle, Device.cpu(), true)) {
            batch10 = microsPerSample(s, theta, 10, 200);
            batch1 = microsPerSample(s, theta, 1, 200);
        }
        BundleDescriptor.MetricsSummary m = d.metrics();
        return new Candidate(architecture.describe(), d.training().trainCount(), d.training().epochsRun(),
                d.training().seconds(), m.bandErrorOverSigmaMedian(), m.bandErrorOverSigmaP95(), m.r2Median(), batch10,
                batch1, architecture.multiplyAccumulates(d.parameterNames().size(), d.wavenumberPerCm().length));
    }

    /**
     * The comparison's rule: lowest test p95 band error/σ; a candidate within 10 % of the best p95 that costs less
     * at batch 10 wins instead (cheapest among those).
     *
     * @param candidates measured rows
     * @return the winner
     */
    public static Candidate winner(List<Candidate> candidates) {
        double best = candidates.stream().mapToDouble(Candidate::bandErrorP95).min().orElseThrow();
        return candidates.stream().filter(c -> c.bandErrorP95() <= 1.1 * best)
                .min((a, b) -> Double.compare(a.usPerSampleBatch10(), b.usPerSampleBatch10())).orElseThrow();
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }
}
