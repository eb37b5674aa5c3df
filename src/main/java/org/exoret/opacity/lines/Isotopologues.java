package org.exoret.opacity.lines;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.exoret.ExoretException;

/**
 * The isotopologues of one molecule by HITRAN local id. Immutable and thread-safe.
 */
public final class Isotopologues {

    private final Map<Integer, Isotopologue> byId;

    private Isotopologues(Map<Integer, Isotopologue> byId) {
        this.byId = byId;
    }

    /**
     * Reads a CSV with header {@code local_iso_id, hitran_code, isotopologue, abundance, mass_amu, q296, gj}.
     *
     * @param csv the file
     * @return the isotopologues
     * @throws ExoretException MISSING_FILE if absent; MALFORMED_FILE naming file and line for a missing column,
     *     a non-number, an invalid value or a repeated id
     */
    public static Isotopologues read(Path csv) {
        if (!Files.isRegularFile(csv)) {
            throw new ExoretException(ExoretException.Kind.MISSING_FILE, "isotopologue table " + csv
                    + " does not exist");
        }
        Map<Integer, Isotopologue> byId = new TreeMap<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            List<CSVRecord> records = format.parse(reader).getRecords();
            for (CSVRecord r : records) {
                long line = r.getRecordNumber() + 1;
                try {
                    Isotopologue iso = new Isotopologue(Integer.parseInt(r.get("local_iso_id")),
                            Integer.parseInt(r.get("hitran_code")), r.get("isotopologue"),
                            Double.parseDouble(r.get("abundance")), Double.parseDouble(r.get("mass_amu")),
                            Double.parseDouble(r.get("q296")), Integer.parseInt(r.get("gj")));
                    if (byId.put(iso.localId(), iso) != null) {
                        throw ExoretException.malformed(csv, line, r.toString(), "isotopologue id " + iso.localId()
                                + " appears twice");
                    }
                } catch (IllegalArgumentException | IllegalStateException e) {
                    throw ExoretException.malformed(csv, line, String.join(",", r.values()), e.getMessage());
                } catch (ExoretException e) {
                    if (e.kind() == ExoretException.Kind.MALFORMED_FILE) {
                        throw e;
                    }
                    throw ExoretException.malformed(csv, line, String.join(",", r.values()), e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new ExoretException(ExoretException.Kind.IO, "could not read " + csv + ": " + e.getMessage(), e);
        }
        if (byId.isEmpty()) {
            throw ExoretException.malformed(csv, 1, "", "holds no isotopologue");
        }
        return new Isotopologues(byId);
    }

    /**
     * @param localId HITRAN local id
     * @return the isotopologue
     * @throws ExoretException MISMATCH if the table lacks it
     */
    public Isotopologue get(int localId) {
        Isotopologue iso = byId.get(localId);
        if (iso == null) {
            throw new ExoretException(ExoretException.Kind.MISMATCH, "isotopologue " + localId
                    + " is not in the isotopologue table (ids " + byId.keySet() + ")");
        }
        return iso;
    }

    /** @return all isotopologues by ascending id */
    public List<Isotopologue> all() {
        return List.copyOf(byId.values());
    }
}
