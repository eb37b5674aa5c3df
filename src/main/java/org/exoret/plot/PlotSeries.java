package org.exoret.plot;

import java.util.List;
import org.exoret.ExoretException;

/**
 * Samples to plot: a display name and n × d draws with one axis title per column.
 * Immutable: arrays are copied in; accessors give read-only views for the plotting code of this package.
 *
 * @param name display name (legend)
 * @param samples n × d draws, finite, n ≥ 2
 * @param titles axis title per column, e.g. {@code "T0 (K)"}
 */
public record PlotSeries(String name, double[][] samples, List<String> titles) {

    /** Validates and copies. */
    public PlotSeries {
        titles = List.copyOf(titles);
        if (samples.length < 2) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT,
                    "plots need at least 2 draws, got " + samples.length);
        }
        double[][] copy = new double[samples.length][];
        for (int i = 0; i < samples.length; i++) {
            if (samples[i].length != titles.size()) {
                throw new ExoretException(ExoretException.Kind.MISMATCH, "draw " + i + " has " + samples[i].length
                        + " values for " + titles.size() + " axis titles");
            }
            copy[i] = samples[i].clone();
        }
        samples = copy;
    }

    @Override
    public double[][] samples() {
        double[][] copy = new double[samples.length][];
        for (int i = 0; i < samples.length; i++) {
            copy[i] = samples[i].clone();
        }
        return copy;
    }

    /** @return the number of columns */
    public int dimension() {
        return titles.size();
    }

    /** @return column j of the draws */
    double[] column(int j) {
        double[] c = new double[samples.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = samples[i][j];
        }
        return c;
    }

    /** @return {min, max} of column j, widened when degenerate */
    double[] range(int j) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] row : samples) {
            lo = Math.min(lo, row[j]);
            hi = Math.max(hi, row[j]);
        }
        if (hi <= lo) {
            double pad = lo == 0 ? 1 : Math.abs(lo) * 1e-3;
            return new double[] {lo - pad, hi + pad};
        }
        return new double[] {lo, hi};
    }
}
