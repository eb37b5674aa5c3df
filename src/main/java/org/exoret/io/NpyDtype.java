package org.exoret.io;

/**
 * The NumPy element types exoret reads and writes. Numbers are written little-endian; strings as
 * fixed-width UTF-32LE ({@code <U n}). Reading also accepts big-endian numbers (converted) and
 * byte strings ({@code |S n}, as written by Python 2 codes such as BART's MC3), read as Latin-1 text.
 */
public enum NpyDtype {
    /** IEEE 754 binary64, {@code <f8}. */
    FLOAT64('f', 8),
    /** IEEE 754 binary32, {@code <f4}. */
    FLOAT32('f', 4),
    /** Signed 64-bit integer, {@code <i8}. */
    INT64('i', 8),
    /** Signed 32-bit integer, {@code <i4}. */
    INT32('i', 4),
    /** Boolean stored as one byte 0 or 1, {@code |b1}. */
    BOOL('b', 1),
    /** Fixed-width Unicode text, {@code <U n}: n UTF-32LE code units per element, NUL-padded. */
    UNICODE('U', 4);

    private final char kind;
    private final int itemBytes;

    NpyDtype(char kind, int itemBytes) {
        this.kind = kind;
        this.itemBytes = itemBytes;
    }

    /** @return NumPy's kind character: f, i, b or U */
    public char kind() {
        return kind;
    }

    /** @return bytes per element; for {@link #UNICODE} bytes per character */
    public int itemBytes() {
        return itemBytes;
    }

    /** @return whether elements are numbers (or booleans, which convert to 0 and 1) */
    public boolean isNumeric() {
        return this != UNICODE;
    }
}
