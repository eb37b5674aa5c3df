package org.exoret.opacity.lines;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.exoret.ExoretException;
import org.exoret.opacity.CrossSectionTable;
import org.exoret.opacity.WavenumberGrid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cross sections σ(p, T, ν̃) of one molecule from a HITRAN line list, stored as the mean of σ over each model
 * wavenumber cell, so that Σ σ_i Δν̃_i equals the summed line strengths (within the wing cut-off) even where lines
 * are far narrower than the cells. For every line: S(T) from S₂₉₆ with the partition function, Boltzmann and
 * stimulated-emission factors; Doppler HWHM α_D = (ν̃/c)√(2kT ln2/m); Lorentz HWHM from the chosen
 * {@link LorentzBroadening}; Voigt profile ({@link Voigt}, Humlíček 1982). Within {@value #CORE_HALF_WIDTHS}
 * Voigt half widths of the centre the profile is integrated over each cell by the midpoint rule with steps of at
 * most 1/{@value #STEPS_PER_HALF_WIDTH} of the Voigt HWHM; further out, where the Voigt profile equals the
 * Lorentzian to better than 10⁻³, the Lorentzian is integrated analytically over each cell. Wings are cut at a
 * fixed distance from the line centre (not renormalised, so a line loses (2/π)·atan(γ_L/cut) of its strength).
 * Line shifts δ_air are not applied. Rows (p, T) are computed in parallel on the common fork–join pool.
 * Immutable and thread-safe.
 */
public final class LineByLineCalculator {

    /** Default wing cut-off in cm⁻¹ (as ExoMolOP, Chubb et al. 2021, and ExoCross use). */
    public static final double DEFAULT_CUTOFF_PER_CM = 25.0;
    /** Half width of the numerically integrated core, in Voigt HWHMs. */
    public static final double CORE_HALF_WIDTHS = 30.0;
    /** Midpoint-rule steps per Voigt HWHM in the core. */
    public static final int STEPS_PER_HALF_WIDTH = 5;

    private static final Logger LOG = LoggerFactory.getLogger(LineByLineCalculator.class);

    private final String species;
    private final HitranLineList lines;
    private final PartitionFunction partition;
    private final Isotopologues isotopologues;
    private final LorentzBroadening broadening;
    private final double cutoffPerCm;

    /**
     * @param species molecule name stored in the resulting tables
     * @param lines the line list
     * @param partition partition sums of every isotopologue in the list
     * @param isotopologues masses and Q(296) of every isotopologue in the list
     * @param broadening the Lorentz-width model
     * @param cutoffPerCm wing cut-off distance from each line centre in cm⁻¹, positive
     */
    public LineByLineCalculator(String species, HitranLineList lines, PartitionFunction partition,
            Isotopologues isotopologues, LorentzBroadening broadening, double cutoffPerCm) {
        this.species = species;
        this.lines = lines;
        this.partition = partition;
        this.isotopologues = isotopologues;
        this.broadening = broadening;
        this.cutoffPerCm = ExoretException.requirePositive("cutoffPerCm", cutoffPerCm);
        for (int iso : lines.isotopologueIds()) {
            isotopologues.get(iso);
            if (iso > partition.isotopologueCount()) {
                throw new ExoretException(ExoretException.Kind.MISMATCH, "the line list has isotopologue " + iso
                        + " but the partition-function table only " + partition.isotopologueCount());
            }
        }
    }

    /**
     * Intensity of one line at temperature T, with Q(296) taken from the isotopologue table (the value HITRAN used
     * for S₂₉₆) and Q(T) from the partition-function table.
     *
     * @param line line index
     * @param temperatureK temperature in K
     * @return S(T) in cm molecule⁻¹
     */
    public double lineStrength(int line, double temperatureK) {
        int iso = lines.isotopologue(line);
        return Physics.lineStrength(lines.intensity296(line), lines.lowerEnergyPerCm(line),
                lines.wavenumberPerCm(line), isotopologues.get(iso).q296(), partition.q(iso, temperatureK),
                temperatureK);
    }

    /**
     * Computes the table.
     *
     * @param temperatureK temperatures in K, ascending, inside the partition-function table
     * @param pressureBar pressures in bar, ascending, positive
     * @param wavenumberPerCm model grid in cm⁻¹, ascending; values are cell means over its cells
     * @return the table, its provenance describing the calculation
     */
    public CrossSectionTable compute(double[] temperatureK, double[] pressureBar, double[] wavenumberPerCm) {
        double[] grid = WavenumberGrid.validated("wavenumberPerCm", wavenumberPerCm);
        double[] edges = WavenumberGrid.cellEdges(grid);
        double[] t = temperatureK.clone();
        double[] p = pressureBar.clone();
        for (double temperature : t) {
            partition.q(1, temperature);
        }
        int nRows = p.length * t.length;
        double[] sigma = new double[nRows * grid.length];
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        LOG.info("line-by-line {}: {} lines, {} p × {} T × {} ν̃ ({}–{} cm⁻¹), cut-off {} cm⁻¹, {}", species,
                lines.size(), p.length, t.length, grid.length, grid[0], grid[grid.length - 1], cutoffPerCm,
                broadening.description());
        IntStream.range(0, nRows).parallel().forEach(r -> {
            double[] row = row(t[r % t.length], p[r / t.length], edges);
            System.arraycopy(row, 0, sigma, r * grid.length, grid.length);
            int finished = done.incrementAndGet();
            if (finished * 10 / nRows != (finished - 1) * 10 / nRows || finished == nRows) {
                LOG.info("line-by-line {}: {}/{} (p, T) rows done, {} s", species, finished, nRows,
                        String.format("%.1f", (System.nanoTime() - start) * 1e-9));
            }
        });
        String provenance = "line-by-line " + species + ": " + lines.size() + " lines, cut-off " + cutoffPerCm
                + " cm-1, " + broadening.description();
        return new CrossSectionTable(species, provenance, p, t, grid, sigma);
    }

    /**
     * Cell-mean cross sections at one (T, p).
     *
     * @param temperatureK temperature in K
     * @param pressureBar pressure in bar
     * @param edges model cell edges in cm⁻¹
     * @return σ per cell in cm² molecule⁻¹
     */
    double[] row(double temperatureK, double pressureBar, double[] edges) {
        int n = edges.length - 1;
        double[] integral = new double[n];
        double lo = edges[0] - cutoffPerCm;
        double hi = edges[n] + cutoffPerCm;
        int isoCount = partition.isotopologueCount();
        double[] qRatio = new double[isoCount + 1];
        double[] mass = new double[isoCount + 1];
        for (int iso : lines.isotopologueIds()) {
            qRatio[iso] = isotopologues.get(iso).q296() / partition.q(iso, temperatureK);
            mass[iso] = isotopologues.get(iso).massAmu();
        }
        for (int l = 0; l < lines.size(); l++) {
            double nu0 = lines.wavenumberPerCm(l);
            if (nu0 < lo || nu0 > hi) {
                continue;
            }
            int iso = lines.isotopologue(l);
            double strength = Physics.lineStrength(lines.intensity296(l), lines.lowerEnergyPerCm(l), nu0, 1.0,
                    1.0, temperatureK) * qRatio[iso];
            if (strength == 0) {
                continue;
            }
            double alphaD = Physics.dopplerHwhm(nu0, temperatureK, mass[iso]);
            double gammaL = broadening.hwhmPerCm(lines, l, mass[iso], temperatureK, pressureBar);
            deposit(integral, edges, nu0, strength, alphaD, gammaL);
        }
        for (int i = 0; i < n; i++) {
            integral[i] /= edges[i + 1] - edges[i];
        }
        return integral;
    }

    /** Adds S·∫φ over each cell (cm² molecule⁻¹ · cm⁻¹) within the cut-off of one line. */
    private void deposit(double[] integral, double[] edges, double nu0, double strength, double alphaD,
            double gammaL) {
        double core = Math.min(CORE_HALF_WIDTHS * Voigt.hwhm(alphaD, gammaL), cutoffPerCm);
        double step = Voigt.hwhm(alphaD, gammaL) / STEPS_PER_HALF_WIDTH;
        double windowLo = nu0 - cutoffPerCm;
        double windowHi = nu0 + cutoffPerCm;
        int first = cellOf(edges, Math.max(windowLo, edges[0]));
        int last = cellOf(edges, Math.min(windowHi, edges[edges.length - 1]));
        for (int i = first; i <= last; i++) {
            double a = Math.max(edges[i], windowLo);
            double b = Math.min(edges[i + 1], windowHi);
            if (!(b > a)) {
                continue;
            }
            double sum = 0;
            // core part: midpoint rule
            double ca = Math.max(a, nu0 - core);
            double cb = Math.min(b, nu0 + core);
            if (cb > ca) {
                int steps = (int) Math.ceil((cb - ca) / step);
                double h = (cb - ca) / steps;
                double x = ca + 0.5 * h - nu0;
                double s = 0;
                for (int k = 0; k < steps; k++, x += h) {
                    s += Voigt.profile(x, alphaD, gammaL);
                }
                sum += s * h;
            }
            // wings: analytic Lorentz integral on the parts of [a, b] outside the core
            if (gammaL > 0) {
                if (a < nu0 - core) {
                    sum += lorentzIntegral(a - nu0, Math.min(b, nu0 - core) - nu0, gammaL);
                }
                if (b > nu0 + core) {
                    sum += lorentzIntegral(Math.max(a, nu0 + core) - nu0, b - nu0, gammaL);
                }
            }
            integral[i] += strength * sum;
        }
    }

    private static double lorentzIntegral(double from, double to, double gamma) {
        return (Math.atan(to / gamma) - Math.atan(from / gamma)) / Math.PI;
    }

    private static int cellOf(double[] edges, double x) {
        int i = java.util.Arrays.binarySearch(edges, x);
        int cell = i >= 0 ? i : -i - 2;
        return Math.max(0, Math.min(edges.length - 2, cell));
    }

    /** @return the molecule name */
    public String species() {
        return species;
    }

    /** @return the wing cut-off in cm⁻¹ */
    public double cutoffPerCm() {
        return cutoffPerCm;
    }

    /** @return the line list */
    public HitranLineList lines() {
        return lines;
    }
}
