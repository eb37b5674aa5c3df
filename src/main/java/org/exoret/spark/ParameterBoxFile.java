package org.exoret.spark;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.exoret.ExoretException;
import org.exoret.dataset.ParameterSpace;

/**
 * Reads a training box from CSV: header {@code name,unit,lower,upper}, one row per free parameter in the forward
 * model's order, {@code #} comments allowed (example: {@code data/hd189733b_training_box.csv}).
 */
public final class ParameterBoxFile {

    private ParameterBoxFile() {
    }

    /**
     * @param csv the box file
     * @return the box
     * @throws ExoretException MISSING_FILE, or MALFORMED_FILE naming the line of a bad row
     */
    public static ParameterSpace read(Path csv) {
        if (!Files.isRegularFile(csv)) {
            throw new ExoretException(ExoretException.Kind.MISSING_FILE, "parameter box " + csv + " does not exist");
        }
        List<String> names = new ArrayList<>();
        List<String> units = new ArrayList<>();
        List<Double> lower = new ArrayList<>();
        List<Double> upper = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#')
                     .setIgnoreSurroundingSpaces(true).get().parse(in)) {
            if (!parser.getHeaderNames().equals(List.of("name", "unit", "lower", "upper"))) {
                throw new ExoretException(ExoretException.Kind.MALFORMED_FILE, "parameter box " + csv + " has columns "
                        + parser.getHeaderNames() + "; expected name,unit,lower,upper");
            }
            for (CSVRecord r : parser) {
                String text = String.join(",", r.values());
                if (!r.isConsistent()) {
                    throw ExoretException.malformed(csv, parser.getCurrentLineNumber(), text, "needs 4 fields");
                }
                try {
                    lower.add(Double.parseDouble(r.get("lower")));
                    upper.add(Double.parseDouble(r.get("upper")));
                } catch (NumberFormatException e) {
                    throw ExoretException.malformed(csv, parser.getCurrentLineNumber(), text, "bounds must be numbers");
                }
                names.add(r.get("name"));
                units.add(r.get("unit"));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new ExoretException(ExoretException.Kind.IO, "cannot read " + csv + ": " + e.getMessage(), e);
        }
        try {
            return new ParameterSpace(names, units, lower.stream().mapToDouble(Double::doubleValue).toArray(),
                    upper.stream().mapToDouble(Double::doubleValue).toArray());
        } catch (ExoretException e) {
            throw new ExoretException(e.kind(), "parameter box " + csv + ": " + e.getMessage(), e);
        }
    }
}
