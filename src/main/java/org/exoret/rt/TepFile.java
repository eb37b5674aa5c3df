package org.exoret.rt;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.exoret.ExoretException;
import org.exoret.io.TextFiles;
import org.exoret.atmosphere.Units;

/**
 * A Transiting ExoPlanet (TEP) file, the planet-and-star table BART reads through its {@code tepfile} key: one
 * parameter per line as {@code name value uncertainty units origin…}, {@code #} starting a comment. exoret takes
 * from it what the RT needs, in BART's units: {@code Rs} (R☉), {@code Ts} (K), {@code loggstar} (cgs), {@code Rp}
 * (R_J), {@code Mp} (M_J) and {@code a} (AU), which must be finite and (but for log g) positive; other parameters
 * are kept but not used. Immutable.
 */
public final class TepFile {

    /**
     * One parameter.
     *
     * @param value the value, in {@code units}
     * @param units the units field as written (empty when the line stops after the value)
     * @param line the line it was read from, 1-based
     */
    public record Entry(double value, String units, int line) {
    }

    /** The units BART's TEP files give the parameters exoret reads; another unit there is refused. */
    private static final Map<String, List<String>> UNITS = Map.of(
            "Rs", List.of("Rsun"), "Ts", List.of("K"), "loggstar", List.of("cgs", "dex"),
            "Rp", List.of("Rjup"), "Mp", List.of("Mjup"), "a", List.of("AU"));

    private final Path file;
    private final Map<String, Entry> entries;

    private TepFile(Path file, Map<String, Entry> entries) {
        this.file = file;
        this.entries = entries;
    }

    /**
     * @param file the TEP file
     * @return its parameters
     * @throws ExoretException MISSING_FILE when it does not exist; MALFORMED_FILE naming the line for a value that
     *     is not a number, a parameter given twice, or a unit other than BART's
     */
    public static TepFile read(Path file) {
        List<String> lines = TextFiles.readLines(file, "TEP file (key tepfile)");
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i);
            int hash = text.indexOf('#');
            String[] field = (hash >= 0 ? text.substring(0, hash) : text).strip().split("\\s+");
            if (field[0].isEmpty()) {
                continue;
            }
            String name = field[0];
            if (field.length < 2) {
                throw ExoretException.malformed(file, i + 1, text, "parameter '" + name + "' has no value");
            }
            double value;
            try {
                value = Double.parseDouble(field[1]);
            } catch (NumberFormatException e) {
                if (!UNITS.containsKey(name)) {
                    continue; // text-valued parameters (planet name, references) are allowed and not used
                }
                throw ExoretException.malformed(file, i + 1, text, "value of '" + name + "' is not a number");
            }
            List<String> expected = UNITS.get(name);
            if (expected != null && !(Double.isFinite(value) && (value > 0 || name.equals("loggstar")))) {
                throw ExoretException.malformed(file, i + 1, text, "'" + name + "' must be a finite"
                        + (name.equals("loggstar") ? "" : ", positive") + " number, got " + field[1]);
            }
            // name value uncertainty units …; a line that stops early may put its units where the uncertainty goes
            String units = field.length > 3 ? field[3]
                    : field.length == 3 && !isUncertainty(field[2]) ? field[2] : "";
            if (expected != null && !units.isEmpty() && expected.stream().noneMatch(units::equalsIgnoreCase)) {
                throw ExoretException.malformed(file, i + 1, text, "'" + name + "' must be in " + expected.get(0)
                        + " (BART's unit), got '" + units + "'");
            }
            if (entries.put(name, new Entry(value, units, i + 1)) != null) {
                throw ExoretException.malformed(file, i + 1, text, "'" + name + "' is given twice");
            }
        }
        return new TepFile(file, Map.copyOf(entries));
    }

    /** An uncertainty field: a number, or a placeholder such as {@code -} for none. */
    private static boolean isUncertainty(String field) {
        if (field.equals("-")) {
            return true;
        }
        try {
            Double.parseDouble(field);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** @return the file read */
    public Path file() {
        return file;
    }

    /**
     * @param name parameter name, e.g. {@code Rp}
     * @return its entry, if the file has it with a numeric value
     */
    public Optional<Entry> entry(String name) {
        return Optional.ofNullable(entries.get(name));
    }

    /**
     * @param name parameter name
     * @return its value
     * @throws ExoretException CONFIGURATION naming the file and the parameter when it is absent
     */
    public double value(String name) {
        return entry(name).orElseThrow(() -> new ExoretException(ExoretException.Kind.CONFIGURATION,
                "TEP file " + file + " has no parameter '" + name + "'")).value();
    }

    /** @return planet radius, km (Rp × R_J) */
    public double planetRadiusKm() {
        return value("Rp") * Units.KM_PER_JUPITER_RADIUS;
    }

    /** @return gravity at the planet radius, cm s⁻²: G·M_p / R_p² with Mp and Rp in Jupiter units */
    public double surfaceGravityCgs() {
        double radiusCm = planetRadiusKm() * Units.CM_PER_KM;
        return value("Mp") * Units.GM_JUPITER_CM3_PER_S2 / (radiusCm * radiusCm);
    }
}
