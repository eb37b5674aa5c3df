package org.exoret.plot;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.exoret.ExoretException;

/**
 * Central credible bands of a family of curves: per grid point the median and the 68.27 % and 95.45 %
 * central intervals (quantiles 2.275, 15.866, 50, 84.134, 97.725 %).
 *
 * @param lower95 lower edge of the 95.45 % band
 * @param lower68 lower edge of the 68.27 % band
 * @param median median curve
 * @param upper68 upper edge of the 68.27 % band
 * @param upper95 upper edge of the 95.45 % band
 */
record Bands(double[] lower95, double[] lower68, double[] median, double[] upper68, double[] upper95) {

    static Bands of(double[][] curves, int points, String what) {
        if (curves.length < 2) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT,
                    what + " bands need at least 2 sample curves, got " + curves.length);
        }
        double[][] q = new double[5][points];
        double[] quantiles = {2.275, 15.866, 50, 84.134, 97.725};
        Percentile p = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        double[] column = new double[curves.length];
        for (int k = 0; k < points; k++) {
            for (int i = 0; i < curves.length; i++) {
                if (curves[i].length != points) {
                    throw new ExoretException(ExoretException.Kind.MISMATCH,
                            what + " sample " + i + " has " + curves[i].length + " points, the grid has " + points);
                }
                if (!Double.isFinite(curves[i][k])) {
                    throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT,
                            what + " sample " + i + " is not finite at grid point " + k);
                }
                column[i] = curves[i][k];
            }
            p.setData(column);
            for (int l = 0; l < 5; l++) {
                q[l][k] = p.evaluate(quantiles[l]);
            }
        }
        return new Bands(q[0], q[1], q[2], q[3], q[4]);
    }

    /** Outline of the band between two curves along a grid, for XChart's PolygonArea style. */
    static double[][] polygon(double[] grid, double[] lower, double[] upper, boolean curveIsX) {
        int n = grid.length;
        double[] a = new double[2 * n];
        double[] b = new double[2 * n];
        for (int k = 0; k < n; k++) {
            a[k] = grid[k];
            b[k] = lower[k];
            a[2 * n - 1 - k] = grid[k];
            b[2 * n - 1 - k] = upper[k];
        }
        return curveIsX ? new double[][] {b, a} : new double[][] {a, b};
    }

}
