package org.exoret.opacity;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.CRC32;
import org.exoret.ExoretException;

/**
 * exoret's binary cross-section cache, format version 1. Little-endian throughout:
 * <pre>
 *   8 bytes   magic "EXOXSEC\n"
 *   int32     format version (1)
 *   int32 n + n bytes UTF-8   species
 *   int32 n + n bytes UTF-8   provenance
 *   int32 ×3  n_p, n_T, n_ν
 *   float64 × n_p            pressure (bar)
 *   float64 × n_T            temperature (K)
 *   float64 × n_ν            wavenumber (cm⁻¹)
 *   float64 × n_p·n_T·n_ν    σ (cm² molecule⁻¹), [p][T][ν̃] row-major
 *   int64     CRC-32 of every preceding byte
 * </pre>
 * Stateless.
 */
final class CrossSectionCache {

    static final byte[] MAGIC = "EXOXSEC\n".getBytes(StandardCharsets.US_ASCII);
    static final int FORMAT_VERSION = 1;

    private CrossSectionCache() {
    }

    static void write(CrossSectionTable table, Path file) {
        byte[] species = table.species().getBytes(StandardCharsets.UTF_8);
        byte[] provenance = table.provenance().getBytes(StandardCharsets.UTF_8);
        double[] p = table.pressureBar();
        double[] t = table.temperatureK();
        double[] nu = table.wavenumberPerCm();
        double[] sigma = table.sigmaView();
        long size = MAGIC.length + 4L + 4 + species.length + 4 + provenance.length + 12
                + 8L * (p.length + t.length + nu.length + sigma.length) + 8;
        if (size > Integer.MAX_VALUE - 16) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "cross-section table of "
                    + table.species() + " is too large for one cache file (" + size + " bytes)");
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
        buffer.put(MAGIC).putInt(FORMAT_VERSION);
        buffer.putInt(species.length).put(species).putInt(provenance.length).put(provenance);
        buffer.putInt(p.length).putInt(t.length).putInt(nu.length);
        putDoubles(buffer, p);
        putDoubles(buffer, t);
        putDoubles(buffer, nu);
        putDoubles(buffer, sigma);
        CRC32 crc = new CRC32();
        crc.update(buffer.array(), 0, buffer.position());
        buffer.putLong(crc.getValue());
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".part");
            Files.write(temporary, buffer.array());
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ExoretException(ExoretException.Kind.IO, "could not write cross-section cache " + file + ": "
                    + e.getMessage(), e);
        }
    }

    private static void putDoubles(ByteBuffer buffer, double[] values) {
        buffer.asDoubleBuffer().put(values);
        buffer.position(buffer.position() + 8 * values.length);
    }

    static CrossSectionTable read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ExoretException(ExoretException.Kind.MISSING_FILE, "cross-section cache " + file
                    + " does not exist");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ExoretException(ExoretException.Kind.IO, "could not read cross-section cache " + file + ": "
                    + e.getMessage(), e);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        require(file, bytes.length >= MAGIC.length + 4, "is shorter than the header (" + bytes.length + " bytes)");
        byte[] magic = new byte[MAGIC.length];
        buffer.get(magic);
        require(file, java.util.Arrays.equals(magic, MAGIC), "does not start with the magic \"EXOXSEC\\n\"; not an "
                + "exoret cross-section cache");
        int version = buffer.getInt();
        require(file, version == FORMAT_VERSION, "has format version " + version + "; this exoret reads version "
                + FORMAT_VERSION + " (delete the cache to rebuild it)");
        String species = string(file, buffer, "species");
        String provenance = string(file, buffer, "provenance");
        require(file, buffer.remaining() >= 12, "is truncated inside the header");
        int np = buffer.getInt();
        int nt = buffer.getInt();
        int nnu = buffer.getInt();
        require(file, np > 0 && nt > 0 && nnu > 0, "declares an empty or negative grid (" + np + " × " + nt + " × "
                + nnu + ")");
        long values = (long) np + nt + nnu + (long) np * nt * nnu;
        long expected = buffer.position() + 8 * values + 8;
        require(file, bytes.length == expected, (bytes.length < expected ? "is truncated" : "has trailing bytes")
                + ": the header declares " + np + " × " + nt + " × " + nnu + " values, " + expected
                + " bytes in all, but the file has " + bytes.length);
        double[] p = doubles(buffer, np);
        double[] t = doubles(buffer, nt);
        double[] nu = doubles(buffer, nnu);
        double[] sigma = doubles(buffer, np * nt * nnu);
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, buffer.position());
        long stored = buffer.getLong();
        require(file, stored == crc.getValue(), "is corrupt: CRC-32 " + Long.toHexString(crc.getValue())
                + " differs from the stored " + Long.toHexString(stored));
        try {
            return new CrossSectionTable(species, provenance, p, t, nu, sigma);
        } catch (ExoretException e) {
            throw new ExoretException(ExoretException.Kind.MALFORMED_FILE, "cross-section cache " + file
                    + " holds invalid data: " + e.getMessage(), e);
        }
    }

    private static String string(Path file, ByteBuffer buffer, String what) {
        require(file, buffer.remaining() >= 4, "is truncated inside the header");
        int length = buffer.getInt();
        require(file, length >= 0 && length <= buffer.remaining(), "has an invalid " + what + " length " + length);
        byte[] text = new byte[length];
        buffer.get(text);
        return new String(text, StandardCharsets.UTF_8);
    }

    private static double[] doubles(ByteBuffer buffer, int n) {
        double[] values = new double[n];
        buffer.asDoubleBuffer().get(values);
        buffer.position(buffer.position() + 8 * n);
        return values;
    }

    private static void require(Path file, boolean condition, String problem) {
        if (!condition) {
            throw new ExoretException(ExoretException.Kind.MALFORMED_FILE, "cross-section cache " + file + " "
                    + problem);
        }
    }
}
