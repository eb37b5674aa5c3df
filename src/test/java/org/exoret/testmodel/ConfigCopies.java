package org.exoret.testmodel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/** Copies of committed retrieval configurations for tests: file keys made absolute, chosen keys replaced. */
public final class ConfigCopies {

    /** Keys holding paths relative to the configuration's folder. */
    private static final Set<String> FILE_KEYS = Set.of("rtconfig", "bundle", "reference");

    private ConfigCopies() {
    }

    /**
     * @param config the configuration to copy
     * @param copy where to write the copy
     * @param values new values by key; an empty value removes the key's line; a key the file does not set is not
     *     added
     * @return {@code copy}
     */
    public static Path copy(Path config, Path copy, Map<String, String> values) throws IOException {
        Path base = config.toAbsolutePath().getParent();
        StringBuilder out = new StringBuilder();
        for (String line : Files.readAllLines(config)) {
            int equals = line.indexOf('=');
            String key = equals < 0 ? "" : line.substring(0, equals).strip();
            if (values.containsKey(key)) {
                line = values.get(key).isEmpty() ? "" : key + " = " + values.get(key);
            } else if (FILE_KEYS.contains(key)) {
                line = key + " = " + base.resolve(line.substring(equals + 1).strip()).normalize();
            }
            out.append(line).append('\n');
        }
        return Files.writeString(copy, out);
    }
}
