package org.exoret.opacity.lines;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.exoret.ExoretException;

/**
 * Hard-sphere collision diameters and molar masses of atmospheric species, from the documented resource table
 * {@code collision_diameters.csv} (sources in its header and in docs/opacity.md). Immutable and thread-safe.
 */
public final class CollisionDiameters {

    private static final String RESOURCE = "collision_diameters.csv";
    private static final double ANGSTROM_CM = 1e-8;

    private final Map<String, double[]> massAndDiameter;

    private CollisionDiameters(Map<String, double[]> massAndDiameter) {
        this.massAndDiameter = massAndDiameter;
    }

    /** @return the table shipped with exoret */
    public static CollisionDiameters standard() {
        InputStream in = CollisionDiameters.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new ExoretException(ExoretException.Kind.MISSING_FILE, "resource " + RESOURCE + " is missing from "
                    + "the exoret jar");
        }
        Map<String, double[]> table = new TreeMap<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#')
                .setTrim(true).get();
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            for (CSVRecord r : format.parse(reader)) {
                table.put(r.get("species"), new double[] {Double.parseDouble(r.get("mass_amu")),
                    Double.parseDouble(r.get("diameter_angstrom")) * ANGSTROM_CM});
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new ExoretException(ExoretException.Kind.MALFORMED_FILE, "resource " + RESOURCE
                    + " could not be read: " + e.getMessage(), e);
        }
        return new CollisionDiameters(table);
    }

    /**
     * @param species molecule name, e.g. {@code "CO"}
     * @return collision diameter in cm
     */
    public double diameterCm(String species) {
        return entry(species)[1];
    }

    /**
     * @param species molecule name
     * @return molar mass in amu
     */
    public double massAmu(String species) {
        return entry(species)[0];
    }

    private double[] entry(String species) {
        double[] e = massAndDiameter.get(species);
        if (e == null) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "no collision diameter for '" + species
                    + "'; known species: " + massAndDiameter.keySet());
        }
        return e;
    }
}
