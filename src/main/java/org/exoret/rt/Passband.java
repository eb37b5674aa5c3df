package org.exoret.rt;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.exoret.ExoretException;
import org.exoret.io.TextFiles;
import org.exoret.atmosphere.Units;

/**
 * An instrument passband: a response curve sampled in wavenumber (from a two-column filter file) or an exact
 * top-hat between two wavenumbers. Immutable.
 */
public final class Passband {

    private final String name;
    private final double[] wavenumberPerCm;
    private final double[] response;
    private final boolean topHat;

    private Passband(String name, double[] wavenumberPerCm, double[] response, boolean topHat) {
        this.name = name;
        this.wavenumberPerCm = wavenumberPerCm;
        this.response = response;
        this.topHat = topHat;
    }

    /**
     * Reads a two-column filter file: wavelength in µm and relative response, whitespace separated; lines
     * starting with {@code #} and blank lines are skipped. Negative responses (noise in published curves) are
     * clipped to zero.
     *
     * @param file the filter file
     * @return the passband, named after the file
     */
    public static Passband readFilterFile(Path file) {
        List<String> lines = TextFiles.readLines(file, "filter file");
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+");
            if (parts.length < 2) {
                throw ExoretException.malformed(file, i + 1, line, "expected two columns: wavelength (um) and response");
            }
            double um;
            double r;
            try {
                um = Double.parseDouble(parts[0]);
                r = Double.parseDouble(parts[1]);
            } catch (NumberFormatException e) {
                throw ExoretException.malformed(file, i + 1, line, "not a number");
            }
            if (!(um > 0) || !Double.isFinite(um) || !Double.isFinite(r)) {
                throw ExoretException.malformed(file, i + 1, line, "wavelength must be positive and response finite");
            }
            rows.add(new double[] {Units.wavenumberPerCm(um), Math.max(0.0, r), i + 1});
        }
        if (rows.size() < 2) {
            throw ExoretException.malformed(file, lines.size(), "", "a filter needs at least two samples");
        }
        rows.sort((a, b) -> Double.compare(a[0], b[0]));
        double[] nu = new double[rows.size()];
        double[] resp = new double[rows.size()];
        for (int i = 0; i < nu.length; i++) {
            nu[i] = rows.get(i)[0];
            resp[i] = rows.get(i)[1];
            if (i > 0 && nu[i] == nu[i - 1]) {
                throw ExoretException.malformed(file, (long) rows.get(i)[2], "", "repeated wavelength");
            }
        }
        String stem = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        return new Passband(stem + " (" + file + ")", nu, resp, false);
    }

    /**
     * A top-hat band with exact edges.
     *
     * @param name a name for messages
     * @param lowPerCm lower edge, cm⁻¹
     * @param highPerCm upper edge, cm⁻¹, larger than {@code lowPerCm}
     * @return the passband
     */
    public static Passband topHat(String name, double lowPerCm, double highPerCm) {
        ExoretException.requirePositive("top-hat lower edge (cm-1)", lowPerCm);
        if (!(highPerCm > lowPerCm) || !Double.isFinite(highPerCm)) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT,
                    "top-hat " + name + " needs upper edge > lower edge, got " + lowPerCm + " .. " + highPerCm + " cm-1");
        }
        return new Passband(name, new double[] {lowPerCm, highPerCm}, new double[] {1, 1}, true);
    }

    /**
     * Top-hat bins between consecutive edges.
     *
     * @param prefix band names are prefix + index
     * @param edgesPerCm ascending edges, cm⁻¹
     * @return one top-hat per pair of consecutive edges
     */
    public static List<Passband> topHatBins(String prefix, double[] edgesPerCm) {
        List<Passband> bins = new ArrayList<>();
        for (int i = 1; i < edgesPerCm.length; i++) {
            bins.add(topHat(prefix + (i - 1), edgesPerCm[i - 1], edgesPerCm[i]));
        }
        return bins;
    }

    /** @return the band's name (file stem and path for files) */
    public String name() {
        return name;
    }

    /** @return whether this is an exact top-hat */
    public boolean isTopHat() {
        return topHat;
    }

    /** @return sample wavenumbers, cm⁻¹, ascending (a copy) */
    public double[] wavenumberPerCm() {
        return wavenumberPerCm.clone();
    }

    /** @return relative response at the samples (a copy) */
    public double[] response() {
        return response.clone();
    }

    /**
     * The band's quadrature weights on a model grid, normalised so that Σ_j w_j = 1: the band average of a
     * spectrum s is Σ_j w_j s_j. A response curve is interpolated linearly onto the model grid and weighted by the
     * grid's trapezoidal quadrature weights (BART: normalised to unit area in ν̃). A top-hat [a, b] integrates the
     * linear interpolant of the spectrum exactly over [a, b] (hat-function weights), so its edges are exact and a
     * linear spectrum averages to its value at (a + b)/2.
     *
     * @param modelWavenumberPerCm model grid, cm⁻¹, ascending
     * @param photonCounting weight by photon number (∝ λ ∝ 1/ν̃) as for photon-counting detectors
     * @return weights, same length as the grid
     * @throws ExoretException MISMATCH naming the filter when its response reaches outside the model grid
     */
    public double[] weights(double[] modelWavenumberPerCm, boolean photonCounting) {
        double[] grid = modelWavenumberPerCm;
        int n = grid.length;
        double lo = grid[0];
        double hi = grid[n - 1];
        for (int k = 0; k < wavenumberPerCm.length; k++) {
            if (response[k] > 0 && (wavenumberPerCm[k] < lo || wavenumberPerCm[k] > hi)) {
                throw new ExoretException(ExoretException.Kind.MISMATCH, "filter " + name + " responds at "
                        + wavenumberPerCm[k] + " cm-1 (" + Units.wavelengthUm(wavenumberPerCm[k])
                        + " um), outside the model grid " + lo + " .. " + hi + " cm-1; widen wnlow/wnhigh or drop the band");
            }
        }
        double[] w = topHat ? hatWeights(grid) : sampledWeights(grid);
        double sum = 0;
        for (int j = 0; j < n; j++) {
            if (photonCounting) {
                w[j] /= grid[j];
            }
            sum += w[j];
        }
        if (!(sum > 0)) {
            throw new ExoretException(ExoretException.Kind.MISMATCH, "filter " + name
                    + " has no response on any model grid point; the model grid is too coarse for it");
        }
        for (int j = 0; j < n; j++) {
            w[j] /= sum;
        }
        return w;
    }

    private double[] sampledWeights(double[] grid) {
        int n = grid.length;
        double[] w = new double[n];
        int m = wavenumberPerCm.length;
        int k = 1;
        for (int j = 0; j < n; j++) {
            double nu = grid[j];
            if (nu < wavenumberPerCm[0] || nu > wavenumberPerCm[m - 1]) {
                continue;
            }
            while (k < m - 1 && wavenumberPerCm[k] < nu) {
                k++;
            }
            double f = (nu - wavenumberPerCm[k - 1]) / (wavenumberPerCm[k] - wavenumberPerCm[k - 1]);
            double r = response[k - 1] + f * (response[k] - response[k - 1]);
            double left = j > 0 ? grid[j] - grid[j - 1] : 0.0;
            double right = j < n - 1 ? grid[j + 1] - grid[j] : 0.0;
            w[j] = r * 0.5 * (left + right);
        }
        return w;
    }

    /** ∫_a^b φ_j(ν) dν for the piecewise-linear hat functions φ_j of the grid. */
    private double[] hatWeights(double[] grid) {
        double a = wavenumberPerCm[0];
        double b = wavenumberPerCm[1];
        double[] w = new double[grid.length];
        for (int s = 0; s + 1 < grid.length; s++) {
            double x0 = grid[s];
            double x1 = grid[s + 1];
            double u = Math.max(a, x0);
            double v = Math.min(b, x1);
            if (v <= u) {
                continue;
            }
            double h = x1 - x0;
            // integral over [u, v] of (x1 - x)/h and (x - x0)/h
            double mid = 0.5 * (u + v);
            double len = v - u;
            w[s] += len * (x1 - mid) / h;
            w[s + 1] += len * (mid - x0) / h;
        }
        return w;
    }

    @Override
    public String toString() {
        return "Passband[" + name + (topHat ? ", top-hat " + Arrays.toString(wavenumberPerCm) : ", " + wavenumberPerCm.length + " samples") + "]";
    }
}
