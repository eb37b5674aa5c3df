package org.exoret.opacity;

import org.exoret.ExoretException;

/**
 * Validation and cell geometry of model wavenumber grids (cm⁻¹). A model grid is a strictly ascending list of at
 * least two finite, positive wavenumbers; each point owns the cell bounded by the midpoints to its neighbours, and
 * the first and last cells extend half a step beyond their point. Stateless.
 */
public final class WavenumberGrid {

    private WavenumberGrid() {
    }

    /**
     * Checks a model grid and returns a copy.
     *
     * @param name the argument's name, shown in messages
     * @param wavenumberPerCm grid in cm⁻¹, strictly ascending, at least two points
     * @return a copy of the grid
     */
    public static double[] validated(String name, double[] wavenumberPerCm) {
        if (wavenumberPerCm == null || wavenumberPerCm.length < 2) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT,
                    name + " needs at least two wavenumbers, got "
                            + (wavenumberPerCm == null ? "null" : wavenumberPerCm.length));
        }
        double[] copy = wavenumberPerCm.clone();
        for (int i = 0; i < copy.length; i++) {
            if (!(Double.isFinite(copy[i]) && copy[i] > 0)) {
                throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT,
                        name + "[" + i + "] must be a finite positive wavenumber in cm⁻¹, got " + copy[i]);
            }
            if (i > 0 && !(copy[i] > copy[i - 1])) {
                throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT,
                        name + " must be strictly ascending; element " + i + " (" + copy[i]
                                + ") does not exceed element " + (i - 1) + " (" + copy[i - 1] + ")");
            }
        }
        return copy;
    }

    /**
     * Cell edges of a validated grid: {@code n + 1} values, edge {@code i} between points {@code i − 1} and
     * {@code i} at their midpoint, the outer edges half a step outside the outer points.
     *
     * @param wavenumberPerCm validated grid (cm⁻¹)
     * @return cell edges in cm⁻¹
     */
    public static double[] cellEdges(double[] wavenumberPerCm) {
        int n = wavenumberPerCm.length;
        double[] edges = new double[n + 1];
        for (int i = 1; i < n; i++) {
            edges[i] = 0.5 * (wavenumberPerCm[i - 1] + wavenumberPerCm[i]);
        }
        edges[0] = wavenumberPerCm[0] - 0.5 * (wavenumberPerCm[1] - wavenumberPerCm[0]);
        edges[n] = wavenumberPerCm[n - 1] + 0.5 * (wavenumberPerCm[n - 1] - wavenumberPerCm[n - 2]);
        return edges;
    }
}
