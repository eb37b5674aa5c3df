package org.exoret.posterior;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.exoret.ExoretException;

/**
 * Credible regions of one-dimensional marginals.
 *
 * <p>Highest-posterior-density (HPD) regions follow HOMER's density-threshold method: the marginal density is
 * estimated with a Gaussian kernel (bandwidth by Silverman's rule, h = 0.9·min(σ, IQR/1.34)·n^(−1/5)),
 * binned on a regular grid of {@value #GRID} points spanning the samples; grid densities are sorted in
 * decreasing order and accumulated until they hold the requested probability; every grid stretch whose
 * density is above the last accepted value is one interval (so multimodal marginals give disjoint
 * intervals). Bounds are interpolated linearly between grid points and clipped to the sample range.
 * Cost O(n + GRID·kernel width). Stateless and thread-safe.
 */
public final class CredibleRegions {

    /** Probabilities of the ±1σ, ±2σ, ±3σ intervals of a normal distribution: erf(k/√2). */
    public static final double[] SIGMA_LEVELS = {0.682689492137, 0.954499736104, 0.997300203937};

    static final int GRID = 2048;

    private CredibleRegions() {
    }

    /**
     * @param samples draws of one parameter (finite, at least 2)
     * @param probability enclosed probability in (0, 1)
     * @return the HPD region
     */
    public static CredibleRegion hpd(double[] samples, double probability) {
        return hpd(samples, new double[] {probability}).get(0);
    }

    /**
     * @param samples draws of one parameter (finite, at least 2)
     * @param probabilities enclosed probabilities in (0, 1)
     * @return one HPD region per probability, in the same order
     */
    public static List<CredibleRegion> hpd(double[] samples, double... probabilities) {
        requireSamples(samples);
        Density density = Density.estimate(samples, GRID);
        double[] sorted = density.values().clone();
        Arrays.sort(sorted);
        double total = Arrays.stream(sorted).sum();
        List<CredibleRegion> regions = new ArrayList<>();
        for (double p : probabilities) {
            if (!(p > 0 && p < 1)) {
                throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT,
                        "credible probability must be in (0, 1), got " + p);
            }
            double cumulative = 0;
            double threshold = sorted[sorted.length - 1];
            for (int k = sorted.length - 1; k >= 0; k--) {
                cumulative += sorted[k];
                threshold = sorted[k];
                if (cumulative >= p * total) {
                    break;
                }
            }
            regions.add(new CredibleRegion(p, intervalsAbove(density, threshold, samples)));
        }
        return regions;
    }

    private static List<Interval> intervalsAbove(Density density, double threshold, double[] samples) {
        double[] x = density.grid();
        double[] f = density.values();
        double min = Arrays.stream(samples).min().orElseThrow();
        double max = Arrays.stream(samples).max().orElseThrow();
        List<Interval> out = new ArrayList<>();
        int k = 0;
        while (k < f.length) {
            if (f[k] < threshold) {
                k++;
                continue;
            }
            int start = k;
            while (k + 1 < f.length && f[k + 1] >= threshold) {
                k++;
            }
            double lo = start == 0 ? x[0] : crossing(x[start - 1], f[start - 1], x[start], f[start], threshold);
            double hi = k == f.length - 1 ? x[k] : crossing(x[k], f[k], x[k + 1], f[k + 1], threshold);
            lo = Math.max(lo, min);
            hi = Math.min(hi, max);
            if (lo <= hi) {
                out.add(new Interval(lo, hi));
            }
            k++;
        }
        return out;
    }

    private static double crossing(double x0, double f0, double x1, double f1, double level) {
        return f1 == f0 ? x0 : x0 + (level - f0) * (x1 - x0) / (f1 - f0);
    }

    /**
     * The central (equal-tailed) interval between the (1 − p)/2 and (1 + p)/2 quantiles.
     *
     * @param samples draws of one parameter
     * @param probability enclosed probability in (0, 1)
     * @return the interval
     */
    public static Interval central(double[] samples, double probability) {
        requireSamples(samples);
        Percentile q = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        q.setData(samples);
        return new Interval(q.evaluate(50 * (1 - probability)), q.evaluate(50 * (1 + probability)));
    }

    /**
     * @param samples draws of one parameter
     * @return the median (NumPy's linear interpolation, R type 7)
     */
    public static double median(double[] samples) {
        requireSamples(samples);
        return new Percentile().withEstimationType(Percentile.EstimationType.R_7).evaluate(samples, 50);
    }

    private static void requireSamples(double[] samples) {
        if (samples.length < 2) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT,
                    "credible regions need at least 2 samples, got " + samples.length);
        }
    }

    /** A kernel density estimate on a regular grid. */
    record Density(double[] grid, double[] values) {

        /** Linear binning onto the grid, then convolution with the Gaussian kernel (Silverman bandwidth). */
        static Density estimate(double[] samples, int points) {
            double min = Arrays.stream(samples).min().orElseThrow();
            double max = Arrays.stream(samples).max().orElseThrow();
            double h = bandwidth(samples);
            if (!(h > 0) || max == min) {
                double[] grid = {min, max};
                return new Density(grid, new double[] {1, 1});
            }
            double lo = min - 3 * h;
            double hi = max + 3 * h;
            double dx = (hi - lo) / (points - 1);
            double[] counts = new double[points];
            for (double v : samples) {
                double t = (v - lo) / dx;
                int i = Math.min(points - 2, (int) t);
                double w = t - i;
                counts[i] += 1 - w;
                counts[i + 1] += w;
            }
            int half = (int) Math.ceil(5 * h / dx);
            double[] kernel = new double[2 * half + 1];
            for (int k = -half; k <= half; k++) {
                double u = k * dx / h;
                kernel[k + half] = Math.exp(-0.5 * u * u);
            }
            double[] f = new double[points];
            for (int i = 0; i < points; i++) {
                if (counts[i] == 0) {
                    continue;
                }
                int from = Math.max(0, i - half);
                int to = Math.min(points - 1, i + half);
                for (int j = from; j <= to; j++) {
                    f[j] += counts[i] * kernel[j - i + half];
                }
            }
            double norm = 1.0 / (samples.length * h * Math.sqrt(2 * Math.PI));
            double[] grid = new double[points];
            for (int i = 0; i < points; i++) {
                grid[i] = lo + i * dx;
                f[i] *= norm;
            }
            return new Density(grid, f);
        }

        static double bandwidth(double[] samples) {
            int n = samples.length;
            double mean = Arrays.stream(samples).average().orElseThrow();
            double var = Arrays.stream(samples).map(v -> (v - mean) * (v - mean)).sum() / (n - 1);
            Percentile q = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
            q.setData(samples);
            double iqr = q.evaluate(75) - q.evaluate(25);
            double spread = iqr > 0 ? Math.min(Math.sqrt(var), iqr / 1.34) : Math.sqrt(var);
            return 0.9 * spread * Math.pow(n, -0.2);
        }
    }
}
