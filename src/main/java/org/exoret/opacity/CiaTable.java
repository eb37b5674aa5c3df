package org.exoret.opacity;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.exoret.ExoretException;

/**
 * Collision-induced absorption of one species pair: binary cross section k(ν̃, T) in cm⁵ molecule⁻², one block
 * of wavenumbers (cm⁻¹) per temperature (K), temperatures strictly ascending. The layer extinction is
 * k · n_a · n_b (cm⁻¹) with number densities in cm⁻³. Immutable and thread-safe.
 *
 * <p>Format: HITRAN CIA (Richard et al. 2012, JQSRT 113, 1276; Karman et al. 2019, Icarus 328, 160), see
 * {@link #readHitran}.
 */
public final class CiaTable {

    private final String speciesA;
    private final String speciesB;
    private final double[] temperatureK;
    private final double[][] wavenumberPerCm;
    private final double[][] kCm5;

    private CiaTable(String speciesA, String speciesB, double[] temperatureK, double[][] wavenumberPerCm,
            double[][] kCm5) {
        this.speciesA = speciesA;
        this.speciesB = speciesB;
        this.temperatureK = temperatureK;
        this.wavenumberPerCm = wavenumberPerCm;
        this.kCm5 = kCm5;
    }

    /**
     * Reads a HITRAN CIA file: per temperature a 100-character header (columns 1–20 pair name such as
     * {@code H2-He}, 21–30 lowest and 31–40 highest wavenumber in cm⁻¹, 41–47 number of points, 48–54 temperature
     * in K, then maximum, resolution, comment and reference), followed by that many records "wavenumber (cm⁻¹),
     * cross section (cm⁵ molecule⁻²)". Blocks must be in ascending temperature and name the same pair.
     *
     * @param ciaFile the file
     * @return the table
     * @throws ExoretException MISSING_FILE if absent; MALFORMED_FILE naming file and line for a bad header or
     *     record, a block shorter than its header declares, or unordered wavenumbers or temperatures
     */
    public static CiaTable readHitran(Path ciaFile) {
        if (!Files.isRegularFile(ciaFile)) {
            throw new ExoretException(ExoretException.Kind.MISSING_FILE, "CIA file " + ciaFile + " does not exist");
        }
        String pair = null;
        List<Double> temperatures = new ArrayList<>();
        List<double[]> wavenumbers = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(ciaFile, StandardCharsets.US_ASCII)) {
            long lineNumber = 0;
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                long headerLine = lineNumber;
                if (line.length() < 54) {
                    throw ExoretException.malformed(ciaFile, lineNumber, line, "expected a 100-character HITRAN CIA "
                            + "header (pair, ν̃ min, ν̃ max, number of points, temperature, …)");
                }
                String name = line.substring(0, 20).trim();
                int points = (int) headerNumber(ciaFile, lineNumber, line, 40, 47, "number of points");
                double temperature = headerNumber(ciaFile, lineNumber, line, 47, 54, "temperature");
                if (points < 2 || !(temperature > 0)) {
                    throw ExoretException.malformed(ciaFile, lineNumber, line, "a block needs at least two points "
                            + "and a positive temperature");
                }
                if (pair == null) {
                    pair = name;
                } else if (!pair.equals(name)) {
                    throw ExoretException.malformed(ciaFile, lineNumber, line, "pair '" + name + "' differs from '"
                            + pair + "' of the first block");
                }
                if (!temperatures.isEmpty() && !(temperature > temperatures.get(temperatures.size() - 1))) {
                    throw ExoretException.malformed(ciaFile, lineNumber, line, "temperatures must ascend; "
                            + temperature + " K follows " + temperatures.get(temperatures.size() - 1) + " K");
                }
                double[] nu = new double[points];
                double[] k = new double[points];
                for (int i = 0; i < points; i++) {
                    String record = reader.readLine();
                    lineNumber++;
                    if (record == null) {
                        throw ExoretException.malformed(ciaFile, lineNumber, "", "file ends inside the " + temperature
                                + " K block that starts at line " + headerLine + ": it declares " + points
                                + " records but holds " + i);
                    }
                    String[] fields = record.trim().split("\\s+");
                    if (fields.length != 2) {
                        throw ExoretException.malformed(ciaFile, lineNumber, record, "expected record " + (i + 1)
                                + " of " + points + " of the block at line " + headerLine
                                + " (wavenumber, cross section)");
                    }
                    nu[i] = number(ciaFile, lineNumber, record, fields[0], "wavenumber");
                    k[i] = number(ciaFile, lineNumber, record, fields[1], "cross section");
                    if (!(k[i] >= 0) || i > 0 && !(nu[i] > nu[i - 1])) {
                        throw ExoretException.malformed(ciaFile, lineNumber, record, "cross sections must be "
                                + "non-negative and wavenumbers strictly ascending");
                    }
                }
                temperatures.add(temperature);
                wavenumbers.add(nu);
                values.add(k);
            }
        } catch (IOException e) {
            throw new ExoretException(ExoretException.Kind.IO, "could not read CIA file " + ciaFile + ": "
                    + e.getMessage(), e);
        }
        if (pair == null) {
            throw ExoretException.malformed(ciaFile, 1, "", "file holds no CIA block");
        }
        String[] species = pair.split("-");
        if (species.length != 2 || species[0].isBlank() || species[1].isBlank()) {
            throw ExoretException.malformed(ciaFile, 1, pair, "pair name must look like 'H2-He'");
        }
        return new CiaTable(species[0], species[1], temperatures.stream().mapToDouble(Double::doubleValue).toArray(),
                wavenumbers.toArray(new double[0][]), values.toArray(new double[0][]));
    }

    private static double headerNumber(Path file, long lineNumber, String line, int from, int to, String what) {
        return number(file, lineNumber, line, line.substring(from, Math.min(to, line.length())).trim(), what);
    }

    private static double number(Path file, long lineNumber, String line, String text, String what) {
        try {
            double value = Double.parseDouble(text);
            if (!Double.isFinite(value)) {
                throw ExoretException.malformed(file, lineNumber, line, what + " '" + text + "' is not finite");
            }
            return value;
        } catch (NumberFormatException e) {
            throw ExoretException.malformed(file, lineNumber, line, what + " '" + text + "' is not a number");
        }
    }

    /** @return the first species of the pair, e.g. {@code "H2"} */
    public String speciesA() {
        return speciesA;
    }

    /** @return the second species of the pair, e.g. {@code "He"} */
    public String speciesB() {
        return speciesB;
    }

    /** @return the block temperatures in K (a copy) */
    public double[] temperatureK() {
        return temperatureK.clone();
    }

    /**
     * @param temperatureIndex index into {@link #temperatureK()}
     * @return that block's wavenumbers in cm⁻¹ (a copy)
     */
    public double[] wavenumberPerCm(int temperatureIndex) {
        return wavenumberPerCm[temperatureIndex].clone();
    }

    /**
     * @param temperatureIndex index into {@link #temperatureK()}
     * @return that block's binary cross sections in cm⁵ molecule⁻² (a copy)
     */
    public double[] kCm5(int temperatureIndex) {
        return kCm5[temperatureIndex].clone();
    }

    /**
     * Resamples every temperature block onto a model grid by linear interpolation in ν̃ (zero outside the block's
     * coverage; CIA is smooth on the 20 cm⁻¹ scale of the tables). The returned opacity interpolates linearly in T,
     * clamping at the table's edges with a warning logged the first time.
     *
     * @param modelWavenumberPerCm model grid in cm⁻¹, strictly ascending
     * @return the evaluator for the radiative transfer
     */
    public CollisionOpacity onGrid(double[] modelWavenumberPerCm) {
        double[] model = WavenumberGrid.validated("modelWavenumberPerCm", modelWavenumberPerCm);
        double[][] rows = new double[temperatureK.length][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = Resampling.linear(wavenumberPerCm[i], kCm5[i], model);
        }
        return new GriddedCia(speciesA, speciesB, model, temperatureK, rows);
    }

    @Override
    public String toString() {
        return "CiaTable[" + speciesA + "-" + speciesB + ", " + temperatureK.length + " temperatures "
                + temperatureK[0] + "–" + temperatureK[temperatureK.length - 1] + " K]";
    }
}
