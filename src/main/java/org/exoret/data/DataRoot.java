package org.exoret.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.exoret.ExoretException;

/**
 * The folder holding the input-data kit (line lists, cross sections, CIA, stellar models, filters), read
 * where it lies and never copied. Resolution order:
 * <ol>
 *   <li>system property {@value #PROPERTY} (also the configuration key {@code dataRoot});</li>
 *   <li>environment variable {@value #ENVIRONMENT};</li>
 *   <li>{@value #DEFAULT_RELATIVE} relative to the working directory, when that folder exists.</li>
 * </ol>
 * Immutable and thread-safe.
 */
public final class DataRoot {

    /** System property naming the data root. */
    public static final String PROPERTY = "exoret.data.root";
    /** Environment variable naming the data root. */
    public static final String ENVIRONMENT = "EXORET_DATA_ROOT";
    /** Default location, relative to the working directory. */
    public static final String DEFAULT_RELATIVE = "../shared/data";

    private final Path root;
    private final String source;

    private DataRoot(Path root, String source) {
        this.root = root.toAbsolutePath().normalize();
        this.source = source;
    }

    /**
     * A data root at an explicit folder.
     *
     * @param root the folder
     * @return the data root
     */
    public static DataRoot of(Path root) {
        return new DataRoot(Objects.requireNonNull(root, "root"), "explicit path");
    }

    /**
     * The data root from the system properties, environment and default, in that order.
     *
     * @return the data root (which may not exist; {@link #resolve(String)} says so when a file is needed)
     */
    public static DataRoot fromEnvironment() {
        return fromSettings(System.getProperties(), System.getenv());
    }

    /**
     * The data root from given settings; visible for tests and for embedding in other pipelines.
     *
     * @param properties system-property-like settings (key {@value #PROPERTY})
     * @param environment environment variables (key {@value #ENVIRONMENT})
     * @return the data root
     */
    public static DataRoot fromSettings(Properties properties, Map<String, String> environment) {
        String property = properties.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return new DataRoot(Path.of(property), "system property " + PROPERTY);
        }
        String env = environment.get(ENVIRONMENT);
        if (env != null && !env.isBlank()) {
            return new DataRoot(Path.of(env), "environment variable " + ENVIRONMENT);
        }
        return new DataRoot(Path.of(DEFAULT_RELATIVE), "default " + DEFAULT_RELATIVE);
    }

    /** @return the absolute folder */
    public Path path() {
        return root;
    }

    /** @return where the setting came from (for messages and {@code exoret info}) */
    public String source() {
        return source;
    }

    /** @return whether the folder exists */
    public boolean exists() {
        return Files.isDirectory(root);
    }

    /**
     * Resolves a file inside the data root, failing with a message that names the setting when it is missing.
     *
     * @param relative path relative to the root, e.g. {@code "cia/H2-H2_Borysow.cia"}
     * @return the absolute path of an existing file
     */
    public Path resolve(String relative) {
        Path file = root.resolve(relative);
        if (!Files.exists(file)) {
            throw new ExoretException(ExoretException.Kind.MISSING_FILE,
                    "data file " + file + " does not exist; the data root " + root + " comes from " + source
                            + ". Set -D" + PROPERTY + "=FOLDER or " + ENVIRONMENT
                            + " to the folder holding the data kit (see docs/data.md)");
        }
        return file;
    }

    @Override
    public String toString() {
        return root + " (" + source + ")";
    }
}
