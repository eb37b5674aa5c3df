package org.exoret.opacity.lines;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.exoret.ExoretException;

/**
 * Total internal partition sums Q(T) of the isotopologues of one molecule, tabulated and interpolated linearly in
 * T (TIPS-2021: Gamache et al. 2021, JQSRT 271, 107713; HITRAN convention, including the nuclear-spin factor).
 * Immutable and thread-safe.
 */
public final class PartitionFunction {

    private final double[] temperatureK;
    private final double[][] q;

    private PartitionFunction(double[] temperatureK, double[][] q) {
        this.temperatureK = temperatureK;
        this.q = q;
    }

    /**
     * Reads a whitespace-separated TIPS table: {@code #} comment lines, a header row {@code T Q_iso1 Q_iso2 …}, then
     * rows of T (K, strictly ascending) and one Q per isotopologue, in HITRAN local-id order.
     *
     * @param file the table
     * @return the partition functions
     * @throws ExoretException MISSING_FILE if absent; MALFORMED_FILE naming file and line for a missing header,
     *     a row with the wrong number of columns, a non-number, a non-positive Q or unordered temperatures
     */
    public static PartitionFunction readTips(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ExoretException(ExoretException.Kind.MISSING_FILE, "partition-function table " + file
                    + " does not exist");
        }
        List<double[]> rows = new ArrayList<>();
        int columns = -1;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                String trimmed = line.trim();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] fields = trimmed.split("\\s+");
                if (columns < 0) {
                    if (!fields[0].equals("T") || fields.length < 2) {
                        throw ExoretException.malformed(file, lineNumber, line, "expected the header 'T Q_iso1 …'");
                    }
                    columns = fields.length;
                    continue;
                }
                if (fields.length != columns) {
                    throw ExoretException.malformed(file, lineNumber, line, "expected " + columns + " columns, found "
                            + fields.length);
                }
                double[] row = new double[columns];
                for (int c = 0; c < columns; c++) {
                    try {
                        row[c] = Double.parseDouble(fields[c]);
                    } catch (NumberFormatException e) {
                        throw ExoretException.malformed(file, lineNumber, line, "column " + (c + 1) + " '"
                                + fields[c] + "' is not a number");
                    }
                    if (!(row[c] > 0 && row[c] < Double.POSITIVE_INFINITY)) {
                        throw ExoretException.malformed(file, lineNumber, line, "temperature and Q must be finite "
                                + "and positive");
                    }
                }
                if (!rows.isEmpty() && !(row[0] > rows.get(rows.size() - 1)[0])) {
                    throw ExoretException.malformed(file, lineNumber, line, "temperatures must ascend");
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new ExoretException(ExoretException.Kind.IO, "could not read " + file + ": " + e.getMessage(), e);
        }
        if (rows.size() < 2) {
            throw ExoretException.malformed(file, 1, "", "needs a header and at least two rows");
        }
        double[] t = new double[rows.size()];
        double[][] q = new double[columns - 1][rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            t[r] = rows.get(r)[0];
            for (int c = 1; c < columns; c++) {
                q[c - 1][r] = rows.get(r)[c];
            }
        }
        return new PartitionFunction(t, q);
    }

    /** @return number of isotopologues (local ids 1 … n) */
    public int isotopologueCount() {
        return q.length;
    }

    /** @return the tabulated temperatures in K (a copy) */
    public double[] temperatureK() {
        return temperatureK.clone();
    }

    /**
     * @param isotopologue HITRAN local isotopologue id, 1-based
     * @param temperatureK temperature in K, inside the tabulated range
     * @return Q(T), dimensionless, by linear interpolation in T
     */
    public double q(int isotopologue, double temperatureK) {
        if (isotopologue < 1 || isotopologue > q.length) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "isotopologue " + isotopologue
                    + " is not in the partition-function table (ids 1–" + q.length + ")");
        }
        double[] t = this.temperatureK;
        if (!(temperatureK >= t[0] && temperatureK <= t[t.length - 1])) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "temperature " + temperatureK
                    + " K lies outside the partition-function table (" + t[0] + "–" + t[t.length - 1] + " K)");
        }
        int i = java.util.Arrays.binarySearch(t, temperatureK);
        double[] qi = q[isotopologue - 1];
        if (i >= 0) {
            return qi[i];
        }
        int hi = -i - 1;
        int lo = hi - 1;
        double w = (temperatureK - t[lo]) / (t[hi] - t[lo]);
        return qi[lo] + w * (qi[hi] - qi[lo]);
    }
}
