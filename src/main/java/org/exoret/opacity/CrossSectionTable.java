package org.exoret.opacity;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import org.exoret.ExoretException;

/**
 * Absorption cross section σ(p, T, ν̃) of one molecule in cm² molecule⁻¹ on a rectangular grid: pressures in bar
 * (ascending, positive), temperatures in K (ascending, positive), wavenumbers in cm⁻¹ (ascending). Values are
 * finite and non-negative. Sources: ExoMolOP/TauREx HDF5 files ({@link #readTauRex}), exoret's binary cache
 * ({@link #readCache}) and line-by-line calculations ({@code org.exoret.opacity.lines.LineByLineCalculator}).
 * {@link #onGrid} resamples once onto a model grid and returns the evaluator used in the radiative transfer.
 * Immutable and thread-safe; accessors return copies.
 *
 * <p>TauREx layout: Al-Refaie et al. 2021, ApJ 917, 37 (TauREx 3); ExoMolOP: Chubb et al. 2021, A&amp;A 646, A21.
 */
public final class CrossSectionTable {

    private final String species;
    private final String provenance;
    private final double[] pressureBar;
    private final double[] temperatureK;
    private final double[] wavenumberPerCm;
    private final double[] sigmaCm2;

    /**
     * @param species molecule name, e.g. {@code "CO"}
     * @param provenance free text saying where the values come from (file, line list, calculation settings);
     *     the line-by-line cache stores its inputs hash here
     * @param pressureBar pressure grid in bar, strictly ascending and positive
     * @param temperatureK temperature grid in K, strictly ascending and positive
     * @param wavenumberPerCm wavenumber samples in cm⁻¹, strictly ascending and positive
     * @param sigmaCm2 cross sections in cm² molecule⁻¹, flattened row-major as [p][T][ν̃]
     */
    public CrossSectionTable(String species, String provenance, double[] pressureBar, double[] temperatureK,
            double[] wavenumberPerCm, double[] sigmaCm2) {
        if (species == null || species.isBlank()) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "species name must not be blank");
        }
        this.species = species.trim();
        this.provenance = Objects.requireNonNullElse(provenance, "");
        this.pressureBar = ascendingPositive("pressureBar", pressureBar, 1);
        this.temperatureK = ascendingPositive("temperatureK", temperatureK, 1);
        this.wavenumberPerCm = ascendingPositive("wavenumberPerCm", wavenumberPerCm, 1);
        long expected = (long) this.pressureBar.length * this.temperatureK.length * this.wavenumberPerCm.length;
        if (sigmaCm2 == null || sigmaCm2.length != expected) {
            throw new ExoretException(ExoretException.Kind.MISMATCH, "cross-section array of " + this.species
                    + " has " + (sigmaCm2 == null ? "no" : sigmaCm2.length) + " values but the grid ("
                    + this.pressureBar.length + " p × " + this.temperatureK.length + " T × "
                    + this.wavenumberPerCm.length + " ν̃) needs " + expected);
        }
        for (int i = 0; i < sigmaCm2.length; i++) {
            if (!(sigmaCm2[i] >= 0 && sigmaCm2[i] < Double.POSITIVE_INFINITY)) {
                int nNu = this.wavenumberPerCm.length;
                int nT = this.temperatureK.length;
                throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "cross section of " + this.species
                        + " must be finite and non-negative; got " + sigmaCm2[i] + " at p index " + i / (nNu * nT)
                        + ", T index " + (i / nNu) % nT + ", ν̃ = " + this.wavenumberPerCm[i % nNu] + " cm⁻¹");
            }
        }
        this.sigmaCm2 = sigmaCm2.clone();
    }

    private static double[] ascendingPositive(String name, double[] values, int minLength) {
        if (values == null || values.length < minLength) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, name + " needs at least " + minLength
                    + " value(s)");
        }
        for (int i = 0; i < values.length; i++) {
            if (!(Double.isFinite(values[i]) && values[i] > 0) || i > 0 && !(values[i] > values[i - 1])) {
                throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, name
                        + " must be finite, positive and strictly ascending; element " + i + " is " + values[i]);
            }
        }
        return values.clone();
    }

    /**
     * Reads an ExoMolOP/TauREx HDF5 cross-section file: datasets {@code p} (bar), {@code t} (K),
     * {@code bin_edges} (cm⁻¹; one wavenumber per sample despite the name), {@code xsecarr} [p][t][ν̃]
     * (cm² molecule⁻¹) and {@code mol_name}.
     *
     * @param h5File the file
     * @return the table; its provenance names the file
     * @throws ExoretException MISSING_FILE if absent, MALFORMED_FILE naming file and dataset if a dataset is
     *     missing, has the wrong shape or invalid values, or if the file is not HDF5
     */
    public static CrossSectionTable readTauRex(Path h5File) {
        if (!Files.isRegularFile(h5File)) {
            throw new ExoretException(ExoretException.Kind.MISSING_FILE, "cross-section file " + h5File
                    + " does not exist");
        }
        try (HdfFile hdf = new HdfFile(h5File)) {
            double[] p = doubles(h5File, dataset(hdf, h5File, "p"));
            double[] t = doubles(h5File, dataset(hdf, h5File, "t"));
            double[] nu = doubles(h5File, dataset(hdf, h5File, "bin_edges"));
            Dataset xsec = dataset(hdf, h5File, "xsecarr");
            int[] dims = xsec.getDimensions();
            if (dims.length != 3 || dims[0] != p.length || dims[1] != t.length || dims[2] != nu.length) {
                throw malformed(h5File, "xsecarr", "has shape " + Arrays.toString(dims) + " but p, t and bin_edges "
                        + "give [" + p.length + ", " + t.length + ", " + nu.length + "]");
            }
            double[] sigma = doubles(h5File, xsec);
            String name = string(h5File, dataset(hdf, h5File, "mol_name"));
            try {
                return new CrossSectionTable(name, "TauREx HDF5 " + h5File.toAbsolutePath(), p, t, nu, sigma);
            } catch (ExoretException e) {
                throw new ExoretException(ExoretException.Kind.MALFORMED_FILE, "cross-section file " + h5File
                        + " holds invalid data: " + e.getMessage(), e);
            }
        } catch (HdfException e) {
            throw new ExoretException(ExoretException.Kind.MALFORMED_FILE, "cross-section file " + h5File
                    + " is not a readable HDF5 file: " + e.getMessage(), e);
        }
    }

    private static Dataset dataset(HdfFile hdf, Path file, String name) {
        Node node = hdf.getChildren().get(name);
        if (!(node instanceof Dataset dataset)) {
            throw malformed(file, name, node == null ? "is missing (a TauREx table needs p, t, bin_edges, xsecarr "
                    + "and mol_name)" : "is not a dataset");
        }
        return dataset;
    }

    private static double[] doubles(Path file, Dataset dataset) {
        Object data = dataset.getDataFlat();
        if (data instanceof double[] d) {
            return d;
        }
        if (data instanceof float[] f) {
            double[] d = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                d[i] = f[i];
            }
            return d;
        }
        throw malformed(file, dataset.getName(), "holds " + dataset.getJavaType().getSimpleName()
                + " values, expected float64 or float32");
    }

    private static String string(Path file, Dataset dataset) {
        Object data = dataset.getData();
        if (data instanceof String s) {
            return s;
        }
        if (data instanceof String[] s && s.length == 1) {
            return s[0];
        }
        throw malformed(file, dataset.getName(), "must hold one string");
    }

    private static ExoretException malformed(Path file, String dataset, String problem) {
        return new ExoretException(ExoretException.Kind.MALFORMED_FILE, "cross-section file " + file
                + ": dataset '" + dataset + "' " + problem);
    }

    /**
     * Writes the table in exoret's binary cache format (little-endian, magic, format version, CRC-32; see
     * docs/opacity.md). The file is written to a temporary sibling and moved into place.
     *
     * @param file the cache file
     */
    public void writeCache(Path file) {
        CrossSectionCache.write(this, file);
    }

    /**
     * Reads a table written by {@link #writeCache}.
     *
     * @param file the cache file
     * @return the table
     * @throws ExoretException MISSING_FILE if absent; MALFORMED_FILE naming the file if the magic, version,
     *     length or checksum is wrong (truncated or corrupt files)
     */
    public static CrossSectionTable readCache(Path file) {
        return CrossSectionCache.read(file);
    }

    /**
     * Resamples onto a model grid: per model cell the mean of the source samples inside it when the source is
     * denser (at least two samples per cell), otherwise linear interpolation at the model point; zero outside the
     * source's wavenumber coverage. The returned opacity interpolates linearly in T and in ln p between the
     * precomputed rows, clamping at the grid edges (logging a warning the first time it clamps).
     *
     * @param modelWavenumberPerCm model grid in cm⁻¹, strictly ascending
     * @return the evaluator for the radiative transfer
     */
    public AbsorberOpacity onGrid(double[] modelWavenumberPerCm) {
        double[] model = WavenumberGrid.validated("modelWavenumberPerCm", modelWavenumberPerCm);
        double[] edges = WavenumberGrid.cellEdges(model);
        int nNu = wavenumberPerCm.length;
        double[][] rows = new double[pressureBar.length * temperatureK.length][];
        for (int r = 0; r < rows.length; r++) {
            double[] source = Arrays.copyOfRange(sigmaCm2, r * nNu, (r + 1) * nNu);
            rows[r] = Resampling.cellMeanOrInterpolate(wavenumberPerCm, source, model, edges);
        }
        return new GriddedCrossSection(species, model, pressureBar, temperatureK, rows);
    }

    /** @return the molecule name */
    public String species() {
        return species;
    }

    /** @return where the values come from (file, calculation settings, inputs hash) */
    public String provenance() {
        return provenance;
    }

    /** @return pressure grid in bar (a copy) */
    public double[] pressureBar() {
        return pressureBar.clone();
    }

    /** @return temperature grid in K (a copy) */
    public double[] temperatureK() {
        return temperatureK.clone();
    }

    /** @return wavenumber samples in cm⁻¹ (a copy) */
    public double[] wavenumberPerCm() {
        return wavenumberPerCm.clone();
    }

    /**
     * @param pressureIndex index into {@link #pressureBar()}
     * @param temperatureIndex index into {@link #temperatureK()}
     * @return the cross sections in cm² molecule⁻¹ at all wavenumbers (a copy)
     */
    public double[] row(int pressureIndex, int temperatureIndex) {
        Objects.checkIndex(pressureIndex, pressureBar.length);
        Objects.checkIndex(temperatureIndex, temperatureK.length);
        int start = (pressureIndex * temperatureK.length + temperatureIndex) * wavenumberPerCm.length;
        return Arrays.copyOfRange(sigmaCm2, start, start + wavenumberPerCm.length);
    }

    /** @return all cross sections in cm² molecule⁻¹, flattened [p][T][ν̃] (a copy) */
    public double[] sigmaCm2() {
        return sigmaCm2.clone();
    }

    /** Package access to the flat array without copying, for the cache writer. */
    double[] sigmaView() {
        return sigmaCm2;
    }

    @Override
    public String toString() {
        return "CrossSectionTable[" + species + ", " + pressureBar.length + " p × " + temperatureK.length + " T × "
                + wavenumberPerCm.length + " ν̃ (" + wavenumberPerCm[0] + "–"
                + wavenumberPerCm[wavenumberPerCm.length - 1] + " cm⁻¹)]";
    }
}
