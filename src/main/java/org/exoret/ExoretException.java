package org.exoret;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The one unchecked exception of exoret. Every instance carries a {@link Kind} that tests and callers can
 * switch on, and a message that names what to fix: the file and line of a malformed record, the
 * configuration key, the parameter, or the two values that differ.
 */
public final class ExoretException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Broad classes of failure; the message carries the specifics. */
    public enum Kind {
        /** A file could not be parsed; the message names file, line and the offending text. */
        MALFORMED_FILE,
        /** A needed file or folder does not exist; the message names the path and the setting that points to it. */
        MISSING_FILE,
        /** An argument or parameter value is invalid (NaN, out of range, inconsistent). */
        INVALID_ARGUMENT,
        /** Two things that must agree do not (grids, dimensions, parameter names, bundle vs data). */
        MISMATCH,
        /** A configuration key is unknown, missing or has a bad value; the message names the key. */
        CONFIGURATION,
        /** Reading or writing failed at the operating-system level. */
        IO,
        /** The numerical engine (DJL/PyTorch) failed or is unavailable. */
        ENGINE
    }

    private final Kind kind;

    /**
     * @param kind class of failure
     * @param message what went wrong and what to fix
     */
    public ExoretException(Kind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /**
     * @param kind class of failure
     * @param message what went wrong and what to fix
     * @param cause underlying exception
     */
    public ExoretException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** @return the class of failure */
    public Kind kind() {
        return kind;
    }

    /**
     * A parse error at a given line of a file.
     *
     * @param file the file being read
     * @param lineNumber 1-based line number (or record number for binary formats)
     * @param text the offending text, shown truncated to 160 characters
     * @param problem what is wrong with it
     * @return the exception to throw
     */
    public static ExoretException malformed(Path file, long lineNumber, String text, String problem) {
        String shown = text == null ? "" : (text.length() > 160 ? text.substring(0, 160) + "…" : text);
        return new ExoretException(Kind.MALFORMED_FILE,
                "unable to parse line " + lineNumber + " of file " + file + ": " + problem + "\n  " + shown);
    }

    /**
     * Checks that a value is finite.
     *
     * @param name the parameter's name, shown in the message
     * @param value the value
     * @return {@code value}
     */
    public static double requireFinite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new ExoretException(Kind.INVALID_ARGUMENT, name + " must be a finite number, got " + value);
        }
        return value;
    }

    /**
     * Checks that a value is finite and strictly positive.
     *
     * @param name the parameter's name, shown in the message
     * @param value the value
     * @return {@code value}
     */
    public static double requirePositive(String name, double value) {
        if (!(Double.isFinite(value) && value > 0)) {
            throw new ExoretException(Kind.INVALID_ARGUMENT, name + " must be a finite positive number, got " + value);
        }
        return value;
    }
}
