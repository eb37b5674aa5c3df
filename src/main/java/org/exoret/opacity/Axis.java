package org.exoret.opacity;

/**
 * Clamped linear bracketing on an ascending axis, shared by the table interpolators. An axis of one point means
 * "independent of this variable": it always answers index 0 with weight 0 and never counts as clamped.
 */
final class Axis {

    private Axis() {
    }

    /**
     * @param grid ascending axis
     * @param x coordinate
     * @return the index {@code i} of the lower bracketing node, in {@code [0, n − 2]} (0 for a one-point axis)
     */
    static int lower(double[] grid, double x) {
        int n = grid.length;
        if (n == 1 || x <= grid[0]) {
            return 0;
        }
        if (x >= grid[n - 1]) {
            return n - 2;
        }
        int lo = 0;
        int hi = n - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (grid[mid] <= x) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * @param grid ascending axis
     * @param i lower node from {@link #lower}
     * @param x coordinate
     * @return the weight of node {@code i + 1}, clamped to [0, 1] (0 for a one-point axis)
     */
    static double upperWeight(double[] grid, int i, double x) {
        if (grid.length == 1) {
            return 0.0;
        }
        double w = (x - grid[i]) / (grid[i + 1] - grid[i]);
        return w < 0 ? 0.0 : (w > 1 ? 1.0 : w);
    }

    /**
     * @param grid ascending axis
     * @param x coordinate
     * @return whether {@code x} lies outside a multi-point axis, so that clamping changes the result
     */
    static boolean outside(double[] grid, double x) {
        return grid.length > 1 && (x < grid[0] || x > grid[grid.length - 1]);
    }

    /**
     * @param grid ascending axis
     * @param i lower node from {@link #lower}
     * @return the upper node: {@code i + 1}, or {@code i} for a one-point axis
     */
    static int upper(double[] grid, int i) {
        return grid.length == 1 ? i : i + 1;
    }
}
