package org.exoret.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.exoret.ExoretException;

/** Writes a benchmark's {@code AREA.json} and {@code AREA.md} under the results folder. */
public final class BenchmarkFiles {

    private BenchmarkFiles() {
    }

    /**
     * Appends a Markdown section listing key–value pairs (configuration, machine).
     *
     * @param md the Markdown being built
     * @param title section title
     * @param entries the pairs, in order
     */
    public static void appendSection(StringBuilder md, String title, Map<?, ?> entries) {
        md.append("\n## ").append(title).append("\n\n");
        entries.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
    }

    /**
     * @param folder results folder, created when missing
     * @param area file stem, e.g. {@code mcmc}
     * @param json the JSON text
     * @param markdown the Markdown text
     */
    public static void write(Path folder, String area, String json, String markdown) {
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(area + ".json"), json.endsWith("\n") ? json : json + "\n", StandardCharsets.UTF_8);
            Files.writeString(folder.resolve(area + ".md"), markdown, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ExoretException(ExoretException.Kind.IO, "could not write benchmark results to " + folder + ": "
                    + e.getMessage(), e);
        }
    }
}
