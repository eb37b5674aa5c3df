package org.exoret.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.exoret.ExoretException;

/**
 * Reads and writes NumPy {@code .npz} archives: a zip file with one {@code <key>.npy} entry per array, as
 * written by {@code numpy.savez} (stored) and {@code numpy.savez_compressed} (deflated); both are read.
 * {@link #write} stores entries uncompressed, like {@code numpy.savez}; {@link #writeCompressed} deflates them, like
 * {@code numpy.savez_compressed}. Stateless and thread-safe.
 */
public final class Npz {

    private Npz() {
    }

    /**
     * Reads every array of an archive.
     *
     * @param file the {@code .npz} file
     * @return arrays by key (entry name without {@code .npy}), in archive order; unmodifiable
     */
    public static Map<String, NpyArray> read(Path file) {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.isDirectory()) {
                    continue;
                }
                String name = entry.getName();
                String key = name.endsWith(".npy") ? name.substring(0, name.length() - 4) : name;
                try (InputStream in = zip.getInputStream(entry)) {
                    arrays.put(key, Npy.decode(in.readAllBytes(), file + " entry '" + name + "'"));
                }
            }
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new ExoretException(ExoretException.Kind.MISSING_FILE, "no such .npz file: " + file, e);
        } catch (ZipException e) {
            throw new ExoretException(ExoretException.Kind.MALFORMED_FILE,
                    file + ": not a valid .npz (zip) archive: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ExoretException(ExoretException.Kind.IO, "cannot read " + file + ": " + e.getMessage(), e);
        }
        return Collections.unmodifiableMap(arrays);
    }

    /**
     * Writes arrays to an archive, replacing the file if present.
     *
     * @param file the {@code .npz} file
     * @param arrays arrays by key; each becomes the entry {@code <key>.npy}
     */
    public static void write(Path file, Map<String, NpyArray> arrays) {
        write(file, arrays, false);
    }

    /**
     * Writes arrays to an archive with DEFLATE-compressed entries (NumPy's {@code savez_compressed}), for arrays that
     * are mostly zeros, such as passband weights on a model grid; {@code numpy.load} reads both kinds.
     *
     * @param file the {@code .npz} file
     * @param arrays arrays by key; each becomes the entry {@code <key>.npy}
     */
    public static void writeCompressed(Path file, Map<String, NpyArray> arrays) {
        write(file, arrays, true);
    }

    private static void write(Path file, Map<String, NpyArray> arrays, boolean compressed) {
        for (String key : arrays.keySet()) {
            if (key.isEmpty() || key.contains("/")) {
                throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT,
                        "invalid .npz key '" + key + "': keys must be non-empty and contain no '/'");
            }
        }
        Path parent = file.toAbsolutePath().getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
                for (Map.Entry<String, NpyArray> e : arrays.entrySet()) {
                    byte[] bytes = Npy.encode(e.getValue());
                    ZipEntry entry = new ZipEntry(e.getKey() + ".npy");
                    if (!compressed) {
                        CRC32 crc = new CRC32();
                        crc.update(bytes);
                        entry.setMethod(ZipEntry.STORED);
                        entry.setSize(bytes.length);
                        entry.setCompressedSize(bytes.length);
                        entry.setCrc(crc.getValue());
                    }
                    zip.putNextEntry(entry);
                    zip.write(bytes);
                    zip.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new ExoretException(ExoretException.Kind.IO, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
