package org.exoret.dataset;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.exoret.ExoretException;

/**
 * One chunk of a training set: the accepted samples among design samples {@code [first, first+attempted)}.
 * Little-endian layout (see docs/surrogate.md):
 * <pre>
 * offset  size     field
 *   0     8        magic "EXOTSET1" (ASCII)
 *   8     4        int32 format version (1)
 *  12     4        int32 parameter count P
 *  16     4        int32 wavenumber count W
 *  20     4        int32 accepted sample count n
 *  24     8        int64 first design index covered
 *  32     4        int32 design samples covered (attempted)
 *  36     4        int32 byte length R of the rejection trailer
 *  40     8n       int64 design index of each accepted sample, ascending
 *  …      4nP      float32 parameters, row-major
 *  …      4nW      float32 spectra, row-major
 *  …      R        UTF-8 JSON object {reason: count} of the rejected samples
 * </pre>
 * Instances are read-only views of a memory-mapped file; reads are absolute, so they are thread-safe.
 */
final class ChunkFile {

    static final byte[] MAGIC = "EXOTSET1".getBytes(StandardCharsets.US_ASCII);
    static final int HEADER_BYTES = 40;
    private static final Gson GSON = new Gson();
    private static final Type REJECTION_TYPE = new TypeToken<TreeMap<String, Long>>() { }.getType();

    private final Path file;
    private final int count;
    private final long[] sampleIndex;
    private final FloatBuffer parameters;
    private final FloatBuffer spectra;
    private final int parameterCount;
    private final int wavenumberCount;
    private final Map<String, Long> rejections;

    private ChunkFile(Path file, int count, long[] sampleIndex, FloatBuffer parameters, FloatBuffer spectra,
                      int parameterCount, int wavenumberCount, Map<String, Long> rejections) {
        this.file = file;
        this.count = count;
        this.sampleIndex = sampleIndex;
        this.parameters = parameters;
        this.spectra = spectra;
        this.parameterCount = parameterCount;
        this.wavenumberCount = wavenumberCount;
        this.rejections = rejections;
    }

    /**
     * @param chunk chunk number
     * @return its deterministic file name
     */
    static String fileName(int chunk) {
        return String.format(Locale.ROOT, "chunk-%06d.bin", chunk);
    }

    /**
     * Writes a chunk atomically.
     *
     * @param target final path
     * @param first first design index covered
     * @param attempted design samples covered
     * @param index design index of each accepted sample
     * @param params parameters of each accepted sample
     * @param spectra spectra of each accepted sample
     * @param rejections counts of rejected samples by reason
     */
    static void write(Path target, long first, int attempted, long[] index, float[][] params, float[][] spectra,
                      Map<String, Long> rejections, int parameterCount, int wavenumberCount) {
        int n = index.length;
        byte[] trailer = GSON.toJson(new TreeMap<>(rejections)).getBytes(StandardCharsets.UTF_8);
        long size = expectedSize(n, parameterCount, wavenumberCount, trailer.length);
        ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact(size)).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(MAGIC).putInt(1).putInt(parameterCount).putInt(wavenumberCount).putInt(n)
                .putLong(first).putInt(attempted).putInt(trailer.length);
        for (long i : index) {
            buf.putLong(i);
        }
        for (float[] p : params) {
            for (float v : p) {
                buf.putFloat(v);
            }
        }
        for (float[] s : spectra) {
            for (float v : s) {
                buf.putFloat(v);
            }
        }
        buf.put(trailer);
        AtomicFiles.writeBytes(target, buf.array());
    }

    static long expectedSize(long n, int p, int w, int trailerBytes) {
        return HEADER_BYTES + 8 * n + 4 * n * p + 4 * n * w + trailerBytes;
    }

    /**
     * Maps and validates a chunk against what the training-set header says it must hold.
     *
     * @param file the chunk file
     * @param parameterCount P from the header
     * @param wavenumberCount W from the header
     * @param first first design index this chunk must cover
     * @param attempted design samples it must cover
     * @return the mapped chunk
     */
    static ChunkFile map(Path file, int parameterCount, int wavenumberCount, long first, int attempted) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < HEADER_BYTES) {
                throw corrupt(file, "it has " + size + " bytes, fewer than the " + HEADER_BYTES + "-byte chunk header");
            }
            MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
            map.order(ByteOrder.LITTLE_ENDIAN);
            byte[] magic = new byte[MAGIC.length];
            map.get(0, magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw corrupt(file, "bad magic " + new String(magic, StandardCharsets.ISO_8859_1).replaceAll("\\p{Cntrl}", "?")
                        + " (expected EXOTSET1)");
            }
            int version = map.getInt(8);
            int p = map.getInt(12);
            int w = map.getInt(16);
            int n = map.getInt(20);
            long firstIndex = map.getLong(24);
            int covered = map.getInt(32);
            int trailerBytes = map.getInt(36);
            if (version != 1) {
                throw corrupt(file, "chunk format version " + version + ", this exoret reads 1");
            }
            if (p != parameterCount || w != wavenumberCount) {
                throw new ExoretException(ExoretException.Kind.MISMATCH, "chunk " + file + " holds " + p
                        + " parameters and " + w + " wavenumbers; the training-set header says " + parameterCount
                        + " and " + wavenumberCount);
            }
            if (firstIndex != first || covered != attempted) {
                throw new ExoretException(ExoretException.Kind.MISMATCH, "chunk " + file + " covers design samples "
                        + firstIndex + "+" + covered + "; the header's seed, chunk size and sample count say "
                        + first + "+" + attempted);
            }
            if (n < 0 || n > covered || trailerBytes < 0
                    || size != expectedSize(n, p, w, trailerBytes)) {
                throw corrupt(file, "it has " + size + " bytes; " + n + " samples of " + p + " parameters and " + w
                        + " wavenumbers with a " + trailerBytes + "-byte trailer need "
                        + expectedSize(Math.max(n, 0), p, w, Math.max(trailerBytes, 0)) + " (truncated or overwritten?)");
            }
            long[] index = new long[n];
            long previous = first - 1;
            for (int i = 0; i < n; i++) {
                index[i] = map.getLong(HEADER_BYTES + 8 * i);
                if (index[i] <= previous || index[i] >= first + covered) {
                    throw corrupt(file, "sample index " + index[i] + " at row " + i + " is not ascending inside ["
                            + first + ", " + (first + covered) + ")");
                }
                previous = index[i];
            }
            int paramOffset = HEADER_BYTES + 8 * n;
            int spectraOffset = paramOffset + 4 * n * p;
            int trailerOffset = spectraOffset + 4 * n * w;
            FloatBuffer params = map.slice(paramOffset, 4 * n * p).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
            FloatBuffer spec = map.slice(spectraOffset, 4 * n * w).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
            byte[] trailer = new byte[trailerBytes];
            map.get(trailerOffset, trailer);
            Map<String, Long> rejected;
            try {
                rejected = GSON.fromJson(new String(trailer, StandardCharsets.UTF_8), REJECTION_TYPE);
            } catch (JsonParseException e) {
                throw corrupt(file, "its rejection trailer is not a JSON object of counts: " + e.getMessage());
            }
            long rejectedTotal = rejected == null ? -1 : rejected.values().stream().mapToLong(Long::longValue).sum();
            if (rejectedTotal != covered - n) {
                throw corrupt(file, "it holds " + n + " accepted samples of " + covered + " but counts "
                        + rejectedTotal + " rejections");
            }
            return new ChunkFile(file, n, index, params, spec, p, w, Map.copyOf(rejected));
        } catch (IOException e) {
            throw new ExoretException(ExoretException.Kind.IO, "cannot read chunk " + file + ": " + e.getMessage(), e);
        }
    }

    private static ExoretException corrupt(Path file, String problem) {
        return new ExoretException(ExoretException.Kind.MALFORMED_FILE, "corrupt training-set chunk " + file + ": "
                + problem + "; delete it and resume exoret generate to rewrite it");
    }

    Path file() {
        return file;
    }

    int count() {
        return count;
    }

    long sampleIndex(int row) {
        return sampleIndex[row];
    }

    Map<String, Long> rejections() {
        return rejections;
    }

    void readParameters(int row, float[] dst) {
        parameters.get(row * parameterCount, dst, 0, parameterCount);
    }

    void readSpectrum(int row, float[] dst) {
        spectra.get(row * wavenumberCount, dst, 0, wavenumberCount);
    }
}
