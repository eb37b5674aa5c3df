package org.exoret.rt;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.exoret.ExoretException;

/**
 * Measured eclipse depths, one per passband, from a CSV file with header
 * {@code instrument,band_id,wavelength_um,depth,uncertainty,reference} (the layout of
 * {@code data/hd189733b_eclipse.csv}). The band id is the stem of the band's filter file
 * ({@code NICMOS_05} → {@code NICMOS_05.dat}). Immutable.
 *
 * @param source the CSV file read
 * @param bands the rows, in file order
 */
public record Observations(Path source, List<Band> bands) {

    /**
     * One measured band.
     *
     * @param instrument instrument name
     * @param bandId passband id (filter file stem)
     * @param wavelengthUm band centre, µm
     * @param depth eclipse depth F_p/F_* (dimensionless)
     * @param uncertainty 1σ uncertainty of the depth, positive
     * @param reference publication of the measurement
     */
    public record Band(String instrument, String bandId, double wavelengthUm, double depth, double uncertainty,
            String reference) {
    }

    /** Copies. */
    public Observations {
        bands = List.copyOf(bands);
    }

    /**
     * @param csv the observations file
     * @return the observations
     */
    public static Observations read(Path csv) {
        if (!Files.isRegularFile(csv)) {
            throw new ExoretException(ExoretException.Kind.MISSING_FILE, "observations file " + csv + " does not exist");
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).build();
        List<Band> bands = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8); CSVParser parser = format.parse(reader)) {
            for (String column : List.of("instrument", "band_id", "wavelength_um", "depth", "uncertainty", "reference")) {
                if (!parser.getHeaderMap().containsKey(column)) {
                    throw ExoretException.malformed(csv, 1, String.join(",", parser.getHeaderNames()), "missing column '" + column + "'");
                }
            }
            for (CSVRecord r : parser) {
                long line = r.getRecordNumber() + 1;
                if (!r.isConsistent()) {
                    throw ExoretException.malformed(csv, line, String.join(",", r.toList()), "wrong number of fields");
                }
                double depth = number(csv, line, r, "depth");
                double sigma = number(csv, line, r, "uncertainty");
                if (!(sigma > 0)) {
                    throw ExoretException.malformed(csv, line, String.join(",", r.toList()), "uncertainty must be positive");
                }
                bands.add(new Band(r.get("instrument"), r.get("band_id"), number(csv, line, r, "wavelength_um"),
                        depth, sigma, r.get("reference")));
            }
        } catch (IOException e) {
            throw new ExoretException(ExoretException.Kind.IO, "cannot read observations " + csv + ": " + e.getMessage(), e);
        }
        if (bands.isEmpty()) {
            throw ExoretException.malformed(csv, 1, "", "no observations");
        }
        return new Observations(csv, bands);
    }

    private static double number(Path csv, long line, CSVRecord r, String column) {
        try {
            double v = Double.parseDouble(r.get(column));
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ExoretException.malformed(csv, line, String.join(",", r.toList()), "column " + column + " is not a finite number");
    }

    /** @return the number of bands */
    public int size() {
        return bands.size();
    }

    /** @return band ids in order */
    public List<String> bandIds() {
        return bands.stream().map(Band::bandId).toList();
    }

    /** @return depths in order */
    public double[] depth() {
        return bands.stream().mapToDouble(Band::depth).toArray();
    }

    /** @return uncertainties in order */
    public double[] uncertainty() {
        return bands.stream().mapToDouble(Band::uncertainty).toArray();
    }

    /**
     * @param band row index
     * @param filterFolder folder holding the filter files
     * @return {@code filterFolder/<band_id>.dat}
     */
    public Path filterFile(int band, Path filterFolder) {
        return filterFolder.resolve(bands.get(band).bandId() + ".dat");
    }
}
