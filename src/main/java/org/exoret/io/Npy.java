package org.exoret.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exoret.ExoretException;

/**
 * Reads and writes single arrays in the NumPy {@code .npy} format (NEP 1, format versions 1.0, 2.0 and 3.0):
 * the magic string {@code \x93NUMPY}, a version, the header length, then a Python-literal header
 * {@code {'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }} padded with spaces and a newline so that
 * the data start at a multiple of 64 bytes, then the raw C-order data.
 *
 * <p>Writing uses version 1.0 (2.0 when the header exceeds 65535 bytes) and little-endian types.
 * Reading refuses Fortran-order arrays, object arrays and types outside {@link NpyDtype}, naming the
 * file and entry; big-endian numbers are converted. Stateless and thread-safe.
 */
public final class Npy {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int ALIGNMENT = 64;

    private Npy() {
    }

    /**
     * @param file a {@code .npy} file
     * @return its array
     */
    public static NpyArray read(Path file) {
        try {
            return decode(Files.readAllBytes(file), file.toString());
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ExoretException(ExoretException.Kind.MISSING_FILE, "no such .npy file: " + file, e);
        } catch (IOException e) {
            throw new ExoretException(ExoretException.Kind.IO, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param file the {@code .npy} file to write (replaced if present)
     * @param array the array
     */
    public static void write(Path file, NpyArray array) {
        try {
            Files.write(file, encode(array));
        } catch (IOException e) {
            throw new ExoretException(ExoretException.Kind.IO, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Encodes an array as the bytes of a {@code .npy} file.
     *
     * @param array the array
     * @return the file content
     */
    public static byte[] encode(NpyArray array) {
        NpyDtype dtype = array.dtype();
        int stringWidth = dtype == NpyDtype.UNICODE ? maxCodePoints((String[]) array.rawData()) : 0;
        String header = "{'descr': '" + descr(dtype, stringWidth) + "', 'fortran_order': False, 'shape': "
                + shapeLiteral(array.shape()) + ", }";
        int version = header.length() + 11 > 65535 ? 2 : 1;
        int prefix = MAGIC.length + 2 + (version == 1 ? 2 : 4);
        int total = prefix + header.length() + 1;
        int padded = (total + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
        String paddedHeader = header + " ".repeat(padded - total) + "\n";
        int itemBytes = dtype == NpyDtype.UNICODE ? 4 * stringWidth : dtype.itemBytes();
        ByteBuffer buffer = ByteBuffer.allocate(Math.addExact(padded, Math.multiplyExact(itemBytes, array.size())))
                .order(ByteOrder.LITTLE_ENDIAN);
        buffer.put(MAGIC).put((byte) version).put((byte) 0);
        int headerLength = paddedHeader.length();
        if (version == 1) {
            buffer.putShort((short) headerLength);
        } else {
            buffer.putInt(headerLength);
        }
        buffer.put(paddedHeader.getBytes(StandardCharsets.US_ASCII));
        putData(buffer, array, stringWidth);
        return buffer.array();
    }

    /**
     * Decodes the bytes of a {@code .npy} file.
     *
     * @param bytes the file content
     * @param where the file (and entry) named in error messages
     * @return the array
     */
    public static NpyArray decode(byte[] bytes, String where) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 10) {
            throw malformed(where, "too short for a .npy header (" + bytes.length + " bytes)");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (buffer.get() != MAGIC[i]) {
                throw malformed(where, "does not start with the NumPy magic string \\x93NUMPY");
            }
        }
        int major = buffer.get() & 0xff;
        buffer.get();
        long headerLength;
        if (major == 1) {
            headerLength = buffer.getShort() & 0xffff;
        } else if (major == 2 || major == 3) {
            headerLength = buffer.getInt() & 0xffffffffL;
        } else {
            throw malformed(where, "unsupported .npy format version " + major + " (1, 2 and 3 are supported)");
        }
        if (headerLength > buffer.remaining()) {
            throw malformed(where, "header length " + headerLength + " exceeds the file size");
        }
        byte[] headerBytes = new byte[(int) headerLength];
        buffer.get(headerBytes);
        String header = new String(headerBytes,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1).strip();
        Map<String, Object> dict = HeaderParser.parse(header, where);
        Object descr = dict.get("descr");
        Object fortran = dict.get("fortran_order");
        Object shapeObj = dict.get("shape");
        if (!(descr instanceof String d) || !(fortran instanceof Boolean f) || !(shapeObj instanceof int[] shape)) {
            throw malformed(where, "header lacks 'descr', 'fortran_order' or 'shape': " + header);
        }
        if (f) {
            throw malformed(where, "Fortran-order arrays are not supported; save a C-order copy "
                    + "(numpy.ascontiguousarray) instead");
        }
        long count = 1;
        for (int s : shape) {
            count *= s;
        }
        if (count > Integer.MAX_VALUE) {
            throw malformed(where, "array of " + count + " elements is too large");
        }
        return decodeData(buffer, d, shape, (int) count, where);
    }

    private static NpyArray decodeData(ByteBuffer buffer, String descr, int[] shape, int n, String where) {
        if (descr.length() < 3) {
            throw unsupported(where, descr);
        }
        char order = descr.charAt(0);
        char kind = descr.charAt(1);
        int width;
        try {
            width = Integer.parseInt(descr.substring(2));
        } catch (NumberFormatException e) {
            throw unsupported(where, descr);
        }
        if (order == '>') {
            buffer.order(ByteOrder.BIG_ENDIAN);
        } else if (order != '<' && order != '|' && order != '=') {
            throw unsupported(where, descr);
        }
        long needed = (long) n * (kind == 'U' ? 4L * width : width);
        if (buffer.remaining() < needed) {
            throw malformed(where, "data truncated: " + needed + " bytes needed for shape "
                    + shapeLiteral(shape) + " of " + descr + ", " + buffer.remaining() + " present");
        }
        switch (kind + String.valueOf(width)) {
            case "f8": {
                double[] v = new double[n];
                buffer.asDoubleBuffer().get(v);
                return NpyArray.wrap(NpyDtype.FLOAT64, shape, v, n);
            }
            case "f4": {
                float[] v = new float[n];
                buffer.asFloatBuffer().get(v);
                return NpyArray.wrap(NpyDtype.FLOAT32, shape, v, n);
            }
            case "i8": {
                long[] v = new long[n];
                buffer.asLongBuffer().get(v);
                return NpyArray.wrap(NpyDtype.INT64, shape, v, n);
            }
            case "i4": {
                int[] v = new int[n];
                buffer.asIntBuffer().get(v);
                return NpyArray.wrap(NpyDtype.INT32, shape, v, n);
            }
            case "b1": {
                boolean[] v = new boolean[n];
                for (int i = 0; i < n; i++) {
                    v[i] = buffer.get() != 0;
                }
                return NpyArray.wrap(NpyDtype.BOOL, shape, v, n);
            }
            default:
                break;
        }
        if (kind == 'U' || kind == 'S') {
            String[] v = new String[n];
            for (int i = 0; i < n; i++) {
                v[i] = kind == 'U' ? readUtf32(buffer, width, where) : readLatin1(buffer, width);
            }
            return NpyArray.wrap(NpyDtype.UNICODE, shape, v, n);
        }
        throw unsupported(where, descr);
    }

    private static String readUtf32(ByteBuffer buffer, int width, String where) {
        StringBuilder s = new StringBuilder(width);
        for (int c = 0; c < width; c++) {
            int codePoint = buffer.getInt();
            if (codePoint != 0) {
                if (!Character.isValidCodePoint(codePoint)) {
                    throw malformed(where, "invalid Unicode code point " + codePoint + " in a string array");
                }
                s.appendCodePoint(codePoint);
            }
        }
        return s.toString();
    }

    private static String readLatin1(ByteBuffer buffer, int width) {
        byte[] raw = new byte[width];
        buffer.get(raw);
        int end = width;
        while (end > 0 && raw[end - 1] == 0) {
            end--;
        }
        return new String(raw, 0, end, StandardCharsets.ISO_8859_1);
    }

    private static void putData(ByteBuffer buffer, NpyArray array, int stringWidth) {
        Object data = array.rawData();
        switch (array.dtype()) {
            case FLOAT64 -> buffer.asDoubleBuffer().put((double[]) data);
            case FLOAT32 -> buffer.asFloatBuffer().put((float[]) data);
            case INT64 -> buffer.asLongBuffer().put((long[]) data);
            case INT32 -> buffer.asIntBuffer().put((int[]) data);
            case BOOL -> {
                for (boolean b : (boolean[]) data) {
                    buffer.put((byte) (b ? 1 : 0));
                }
            }
            case UNICODE -> {
                for (String s : (String[]) data) {
                    int[] codePoints = s.codePoints().toArray();
                    for (int c = 0; c < stringWidth; c++) {
                        buffer.putInt(c < codePoints.length ? codePoints[c] : 0);
                    }
                }
            }
            default -> throw new IllegalStateException("unhandled dtype " + array.dtype());
        }
    }

    private static int maxCodePoints(String[] strings) {
        int width = 1;
        for (String s : strings) {
            width = Math.max(width, s.codePointCount(0, s.length()));
        }
        return width;
    }

    private static String descr(NpyDtype dtype, int stringWidth) {
        return switch (dtype) {
            case BOOL -> "|b1";
            case UNICODE -> "<U" + stringWidth;
            default -> "<" + dtype.kind() + dtype.itemBytes();
        };
    }

    private static String shapeLiteral(int[] shape) {
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            s.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return s.append(shape.length == 1 ? ",)" : ")").toString();
    }

    private static ExoretException malformed(String where, String problem) {
        return new ExoretException(ExoretException.Kind.MALFORMED_FILE, where + ": " + problem);
    }

    private static ExoretException unsupported(String where, String descr) {
        return malformed(where, "unsupported NumPy dtype '" + descr + "' (supported: <f8, <f4, <i8, <i4, |b1, "
                + "<U n, |S n, and their big-endian forms); object arrays cannot be read outside Python");
    }

    /** Parses the Python dict literal of a .npy header: string keys; string, boolean and int-tuple values. */
    private static final class HeaderParser {
        private final String text;
        private final String where;
        private int pos;

        private HeaderParser(String text, String where) {
            this.text = text;
            this.where = where;
        }

        static Map<String, Object> parse(String text, String where) {
            return new HeaderParser(text, where).dict();
        }

        private Map<String, Object> dict() {
            Map<String, Object> result = new LinkedHashMap<>();
            expect('{');
            while (true) {
                skipSpace();
                if (peek() == '}') {
                    pos++;
                    return result;
                }
                String key = string();
                skipSpace();
                expect(':');
                skipSpace();
                result.put(key, value());
                skipSpace();
                if (peek() == ',') {
                    pos++;
                } else if (peek() != '}') {
                    throw error("expected ',' or '}'");
                }
            }
        }

        private Object value() {
            char c = peek();
            if (c == '\'' || c == '"') {
                return string();
            }
            if (c == '(') {
                return tuple();
            }
            if (text.startsWith("True", pos)) {
                pos += 4;
                return Boolean.TRUE;
            }
            if (text.startsWith("False", pos)) {
                pos += 5;
                return Boolean.FALSE;
            }
            throw error("unsupported header value (structured or object dtypes are not supported)");
        }

        private int[] tuple() {
            expect('(');
            List<Integer> values = new ArrayList<>();
            while (true) {
                skipSpace();
                if (peek() == ')') {
                    pos++;
                    return values.stream().mapToInt(Integer::intValue).toArray();
                }
                int start = pos;
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
                if (start == pos) {
                    throw error("expected a non-negative integer in the shape");
                }
                String digits = text.substring(start, pos);
                if (digits.length() > 10 || Long.parseLong(digits) > Integer.MAX_VALUE) {
                    throw error("shape extent too large");
                }
                values.add(Integer.parseInt(digits));
                if (text.startsWith("L", pos)) {
                    pos++;
                }
                skipSpace();
                if (peek() == ',') {
                    pos++;
                }
            }
        }

        private String string() {
            char quote = peek();
            if (quote != '\'' && quote != '"') {
                throw error("expected a quoted string");
            }
            int end = text.indexOf(quote, pos + 1);
            if (end < 0) {
                throw error("unterminated string");
            }
            String s = text.substring(pos + 1, end);
            pos = end + 1;
            return s;
        }

        private void expect(char c) {
            skipSpace();
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        private char peek() {
            if (pos >= text.length()) {
                throw error("unexpected end of header");
            }
            return text.charAt(pos);
        }

        private void skipSpace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private ExoretException error(String problem) {
            return malformed(where, "bad .npy header at character " + pos + ": " + problem + ": " + text);
        }
    }
}
