package org.exoret.opacity.lines;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.exoret.ExoretException;

/**
 * A HITRAN line list in the 160-character HITRAN2004+ {@code .par} format (Rothman et al. 2005, JQSRT 96, 139,
 * Table 1), held column-wise. Per line: molecule id, local isotopologue id, wavenumber ν̃ (cm⁻¹), intensity S at
 * 296 K (cm molecule⁻¹, already multiplied by the terrestrial isotopic abundance), Einstein A (s⁻¹), air- and
 * self-broadened Lorentz HWHM at 296 K and 1 atm (cm⁻¹ atm⁻¹), lower-state energy E″ (cm⁻¹), temperature exponent
 * n_air and air pressure shift δ_air (cm⁻¹ atm⁻¹). Immutable and thread-safe; accessors copy except the
 * per-line getters.
 */
public final class HitranLineList {

    /** Record length of the HITRAN2004+ format. */
    public static final int RECORD_LENGTH = 160;

    private final int[] molecule;
    private final int[] isotopologue;
    private final double[] wavenumberPerCm;
    private final double[] intensity296;
    private final double[] einsteinA;
    private final double[] gammaAir;
    private final double[] gammaSelf;
    private final double[] lowerEnergyPerCm;
    private final double[] nAir;
    private final double[] deltaAir;

    private HitranLineList(int n) {
        molecule = new int[n];
        isotopologue = new int[n];
        wavenumberPerCm = new double[n];
        intensity296 = new double[n];
        einsteinA = new double[n];
        gammaAir = new double[n];
        gammaSelf = new double[n];
        lowerEnergyPerCm = new double[n];
        nAir = new double[n];
        deltaAir = new double[n];
    }

    /**
     * Reads a {@code .par} file. Field columns (1-based): molecule 1–2 (I2), isotopologue 3 (digit; 0 means 10,
     * A and B 11 and 12), ν̃ 4–15, S 16–25, A 26–35, γ_air 36–40, γ_self 41–45, E″ 46–55, n_air 56–59,
     * δ_air 60–67; the quantum numbers, uncertainty codes, references and degeneracies after column 67 are not
     * needed. Blank lines are skipped.
     *
     * @param par the file
     * @return the line list, in file order
     * @throws ExoretException MISSING_FILE if absent; MALFORMED_FILE naming file and line for a record that is
     *     not 160 characters long or whose fields do not parse, or a negative ν̃, S or width
     */
    public static HitranLineList read(Path par) {
        if (!Files.isRegularFile(par)) {
            throw new ExoretException(ExoretException.Kind.MISSING_FILE, "line list " + par + " does not exist");
        }
        HitranLineList list = new HitranLineList(countRecords(par));
        try (BufferedReader reader = Files.newBufferedReader(par, StandardCharsets.ISO_8859_1)) {
            String line;
            long lineNumber = 0;
            int i = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                list.parse(par, lineNumber, line, i++);
            }
        } catch (IOException e) {
            throw new ExoretException(ExoretException.Kind.IO, "could not read line list " + par + ": "
                    + e.getMessage(), e);
        }
        return list;
    }

    private static int countRecords(Path par) {
        try (var lines = Files.lines(par, StandardCharsets.ISO_8859_1)) {
            return (int) lines.filter(l -> !l.isBlank()).count();
        } catch (IOException e) {
            throw new ExoretException(ExoretException.Kind.IO, "could not read line list " + par + ": "
                    + e.getMessage(), e);
        }
    }

    private void parse(Path file, long lineNumber, String line, int i) {
        if (line.length() != RECORD_LENGTH) {
            throw ExoretException.malformed(file, lineNumber, line, "a HITRAN2004+ record has " + RECORD_LENGTH
                    + " characters, this one " + line.length());
        }
        molecule[i] = (int) field(file, lineNumber, line, 0, 2, "molecule id");
        isotopologue[i] = isotopologueId(file, lineNumber, line, line.charAt(2));
        wavenumberPerCm[i] = field(file, lineNumber, line, 3, 15, "wavenumber");
        intensity296[i] = field(file, lineNumber, line, 15, 25, "intensity");
        einsteinA[i] = field(file, lineNumber, line, 25, 35, "Einstein A");
        gammaAir[i] = field(file, lineNumber, line, 35, 40, "gamma_air");
        gammaSelf[i] = field(file, lineNumber, line, 40, 45, "gamma_self");
        lowerEnergyPerCm[i] = field(file, lineNumber, line, 45, 55, "lower-state energy");
        nAir[i] = field(file, lineNumber, line, 55, 59, "n_air");
        deltaAir[i] = field(file, lineNumber, line, 59, 67, "delta_air");
        if (!(wavenumberPerCm[i] > 0 && intensity296[i] >= 0 && gammaAir[i] >= 0 && gammaSelf[i] >= 0)) {
            throw ExoretException.malformed(file, lineNumber, line, "wavenumber must be positive and intensity and "
                    + "widths non-negative");
        }
    }

    private static int isotopologueId(Path file, long lineNumber, String line, char c) {
        if (c >= '1' && c <= '9') {
            return c - '0';
        }
        if (c == '0') {
            return 10;
        }
        if (c == 'A' || c == 'B') {
            return 11 + (c - 'A');
        }
        throw ExoretException.malformed(file, lineNumber, line, "isotopologue id in column 3 must be 0–9, A or B, "
                + "found '" + c + "'");
    }

    private static double field(Path file, long lineNumber, String line, int from, int to, String name) {
        String text = line.substring(from, to).trim();
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with file and line
        }
        throw ExoretException.malformed(file, lineNumber, line, name + " in columns " + (from + 1) + "–" + to
                + " is not a number: '" + text + "'");
    }

    /** @return number of lines */
    public int size() {
        return wavenumberPerCm.length;
    }

    /**
     * @param i line index
     * @return HITRAN molecule id (5 = CO)
     */
    public int molecule(int i) {
        return molecule[i];
    }

    /**
     * @param i line index
     * @return HITRAN local isotopologue id (1 = most abundant)
     */
    public int isotopologue(int i) {
        return isotopologue[i];
    }

    /**
     * @param i line index
     * @return line position ν̃ in cm⁻¹
     */
    public double wavenumberPerCm(int i) {
        return wavenumberPerCm[i];
    }

    /**
     * @param i line index
     * @return intensity at 296 K in cm molecule⁻¹, including the terrestrial isotopic abundance
     */
    public double intensity296(int i) {
        return intensity296[i];
    }

    /**
     * @param i line index
     * @return Einstein A coefficient in s⁻¹
     */
    public double einsteinA(int i) {
        return einsteinA[i];
    }

    /**
     * @param i line index
     * @return air-broadened HWHM at 296 K in cm⁻¹ atm⁻¹
     */
    public double gammaAir(int i) {
        return gammaAir[i];
    }

    /**
     * @param i line index
     * @return self-broadened HWHM at 296 K in cm⁻¹ atm⁻¹
     */
    public double gammaSelf(int i) {
        return gammaSelf[i];
    }

    /**
     * @param i line index
     * @return lower-state energy E″ in cm⁻¹
     */
    public double lowerEnergyPerCm(int i) {
        return lowerEnergyPerCm[i];
    }

    /**
     * @param i line index
     * @return temperature exponent of γ_air (dimensionless)
     */
    public double nAir(int i) {
        return nAir[i];
    }

    /**
     * @param i line index
     * @return air pressure shift at 296 K in cm⁻¹ atm⁻¹
     */
    public double deltaAir(int i) {
        return deltaAir[i];
    }

    /** @return all line positions in cm⁻¹ (a copy) */
    public double[] wavenumbersPerCm() {
        return wavenumberPerCm.clone();
    }

    /** @return the distinct isotopologue ids present, ascending */
    public int[] isotopologueIds() {
        return Arrays.stream(isotopologue).distinct().sorted().toArray();
    }
}
