package org.exoret.dataset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.exoret.ExoretException;

/** Whole-file writes that readers never see half done: write a sibling temporary file, then rename it. */
final class AtomicFiles {

    /** Suffix of temporary files; a resumed generation deletes leftovers. */
    static final String TEMP_SUFFIX = ".tmp";

    private AtomicFiles() {
    }

    static void writeString(Path target, String text) {
        writeBytes(target, text.getBytes(StandardCharsets.UTF_8));
    }

    static void writeBytes(Path target, byte[] bytes) {
        Path temp = target.resolveSibling(target.getFileName() + TEMP_SUFFIX);
        try {
            Files.write(temp, bytes);
            moveIntoPlace(temp, target);
        } catch (IOException e) {
            throw new ExoretException(ExoretException.Kind.IO, "cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
