package org.exoret.opacity;

/**
 * Resampling of a sampled spectrum onto model wavenumber cells. Stateless.
 */
final class Resampling {

    private Resampling() {
    }

    /**
     * Per model cell: the arithmetic mean of the source samples inside the cell when there are at least two of them
     * (the source is denser than the model grid and, like a line spectrum, must be averaged rather than
     * interpolated); otherwise the linear interpolation of the source at the model point. Zero where the model
     * point lies outside the source's coverage, whatever its cell holds.
     *
     * @param sourceX ascending source abscissae (cm⁻¹)
     * @param sourceY source values
     * @param modelX model grid (cm⁻¹)
     * @param edges model cell edges from {@link WavenumberGrid#cellEdges}
     * @return values on the model grid
     */
    static double[] cellMeanOrInterpolate(double[] sourceX, double[] sourceY, double[] modelX, double[] edges) {
        int n = modelX.length;
        double[] out = new double[n];
        int first = 0;
        for (int i = 0; i < n; i++) {
            while (first < sourceX.length && sourceX[first] < edges[i]) {
                first++;
            }
            int end = first;
            double sum = 0;
            boolean lastCell = i == n - 1;
            while (end < sourceX.length && (sourceX[end] < edges[i + 1] || lastCell && sourceX[end] <= edges[i + 1])) {
                sum += sourceY[end];
                end++;
            }
            int count = end - first;
            boolean covered = modelX[i] >= sourceX[0] && modelX[i] <= sourceX[sourceX.length - 1];
            out[i] = !covered ? 0.0 : (count >= 2 ? sum / count : interpolate(sourceX, sourceY, modelX[i]));
        }
        return out;
    }

    /**
     * Linear interpolation of a source onto model points, zero outside the source's coverage.
     *
     * @param sourceX ascending source abscissae
     * @param sourceY source values
     * @param modelX model points
     * @return values at the model points
     */
    static double[] linear(double[] sourceX, double[] sourceY, double[] modelX) {
        double[] out = new double[modelX.length];
        for (int i = 0; i < modelX.length; i++) {
            out[i] = interpolate(sourceX, sourceY, modelX[i]);
        }
        return out;
    }

    private static double interpolate(double[] x, double[] y, double at) {
        int n = x.length;
        if (at < x[0] || at > x[n - 1]) {
            return 0.0;
        }
        if (n == 1) {
            return y[0];
        }
        int i = Axis.lower(x, at);
        double w = (at - x[i]) / (x[i + 1] - x[i]);
        return y[i] + w * (y[i + 1] - y[i]);
    }
}
