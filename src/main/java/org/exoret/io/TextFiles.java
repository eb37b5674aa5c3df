package org.exoret.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.exoret.ExoretException;

/** Reading small UTF-8 text inputs with errors that say which input is missing or unreadable. */
public final class TextFiles {

    private TextFiles() {
    }

    /**
     * @param file the file
     * @param what what the file is, for messages, e.g. {@code "filter file"}
     * @return its lines
     * @throws ExoretException MISSING_FILE when it is not a regular file, IO when it cannot be read
     */
    public static List<String> readLines(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new ExoretException(ExoretException.Kind.MISSING_FILE, what + " " + file + " does not exist");
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ExoretException(ExoretException.Kind.IO, "cannot read " + what + " " + file + ": " + e.getMessage(), e);
        }
    }
}
