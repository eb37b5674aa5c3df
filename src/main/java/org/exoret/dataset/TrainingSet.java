package org.exoret.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.exoret.ExoretException;

/**
 * A complete training set on disk, read through memory-mapped chunk files ({@link java.nio.channels.FileChannel#map}),
 * so sets larger than the Java heap or RAM work: only the pages touched are loaded. Rows are the accepted samples in
 * design order. Opening validates the header and every chunk's size, magic and indices, naming the faulty file.
 * Immutable and thread-safe for reading.
 */
public final class TrainingSet {

    private final Path folder;
    private final TrainingSetHeader header;
    private final List<ChunkFile> chunks;
    private final int[] chunkStart;
    private final int size;

    private TrainingSet(Path folder, TrainingSetHeader header, List<ChunkFile> chunks) {
        this.folder = folder;
        this.header = header;
        this.chunks = List.copyOf(chunks);
        this.chunkStart = new int[chunks.size() + 1];
        for (int c = 0; c < chunks.size(); c++) {
            chunkStart[c + 1] = Math.addExact(chunkStart[c], chunks.get(c).count());
        }
        this.size = chunkStart[chunks.size()];
    }

    /**
     * Opens a complete training set.
     *
     * @param folder folder written by {@link TrainingSetGenerator}
     * @return the set
     * @throws ExoretException MISSING_FILE when a chunk is missing (generation incomplete), MALFORMED_FILE for a
     *         corrupt chunk, MISMATCH when a chunk disagrees with the header
     */
    public static TrainingSet open(Path folder) {
        TrainingSetHeader header = TrainingSetHeader.read(folder);
        int p = header.parameterNames().size();
        int w = header.wavenumberPerCm().length;
        List<ChunkFile> chunks = new ArrayList<>();
        for (int c = 0; c < header.chunkCount(); c++) {
            Path file = folder.resolve(ChunkFile.fileName(c));
            if (!Files.isRegularFile(file)) {
                throw new ExoretException(ExoretException.Kind.MISSING_FILE, "training set " + folder
                        + " is incomplete: " + file.getFileName() + " (chunk " + c + " of " + header.chunkCount()
                        + ") is missing; run exoret generate again with the same options to finish it");
            }
            chunks.add(ChunkFile.map(file, p, w, (long) c * header.chunkSize(), header.attemptedInChunk(c)));
        }
        return new TrainingSet(folder, header, chunks);
    }

    /**
     * Opens a training set and checks that it was made for the given parameters and grid.
     *
     * @param folder the training-set folder
     * @param parameterNames the expected parameter names, in order
     * @param wavenumberPerCm the expected grid, cm⁻¹
     * @return the set
     */
    public static TrainingSet open(Path folder, List<String> parameterNames, double[] wavenumberPerCm) {
        TrainingSet set = open(folder);
        if (!set.header.parameterNames().equals(parameterNames)) {
            throw new ExoretException(ExoretException.Kind.MISMATCH, "training set " + folder + " has parameters "
                    + set.header.parameterNames() + ", expected " + parameterNames);
        }
        if (!Arrays.equals(set.header.wavenumberPerCm(), wavenumberPerCm)) {
            throw new ExoretException(ExoretException.Kind.MISMATCH, "training set " + folder + " has a "
                    + set.header.wavenumberPerCm().length + "-point wavenumber grid that differs from the expected "
                    + wavenumberPerCm.length + "-point grid");
        }
        return set;
    }

    /** @return the folder */
    public Path folder() {
        return folder;
    }

    /** @return the header */
    public TrainingSetHeader header() {
        return header;
    }

    /** @return the number of accepted samples (rows) */
    public int size() {
        return size;
    }

    /** @return the number of parameters per row */
    public int parameterCount() {
        return header.parameterNames().size();
    }

    /** @return the number of spectral channels per row */
    public int wavenumberCount() {
        return header.wavenumberPerCm().length;
    }

    /** @return counts of rejected design samples by reason, over all chunks */
    public Map<String, Long> rejections() {
        Map<String, Long> total = new TreeMap<>();
        for (ChunkFile c : chunks) {
            c.rejections().forEach((reason, n) -> total.merge(reason, n, Long::sum));
        }
        return total;
    }

    private int chunkOf(int row) {
        if (row < 0 || row >= size) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT,
                    "row " + row + " is outside the training set of " + size + " samples");
        }
        int c = Arrays.binarySearch(chunkStart, row);
        if (c >= 0) {
            while (chunkStart[c + 1] == row) {
                c++;
            }
            return c;
        }
        return -c - 2;
    }

    /**
     * @param row row number
     * @return the design index of that sample
     */
    public long sampleIndex(int row) {
        int c = chunkOf(row);
        return chunks.get(c).sampleIndex(row - chunkStart[c]);
    }

    /**
     * Copies one row's parameters.
     *
     * @param row row number
     * @param dst destination of length ≥ {@link #parameterCount()}
     */
    public void readParameters(int row, float[] dst) {
        int c = chunkOf(row);
        chunks.get(c).readParameters(row - chunkStart[c], dst);
    }

    /**
     * Copies one row's spectrum.
     *
     * @param row row number
     * @param dst destination of length ≥ {@link #wavenumberCount()}, erg s⁻¹ cm⁻² (cm⁻¹)⁻¹
     */
    public void readSpectrum(int row, float[] dst) {
        int c = chunkOf(row);
        chunks.get(c).readSpectrum(row - chunkStart[c], dst);
    }

    /**
     * SHA-256 over the header and all chunk files in order: identifies the exact data a surrogate was trained on.
     *
     * @return lower-case hex digest
     */
    public String contentHash() {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
        byte[] buffer = new byte[1 << 16];
        List<Path> files = new ArrayList<>();
        files.add(folder.resolve(TrainingSetHeader.FILE_NAME));
        chunks.forEach(c -> files.add(c.file()));
        for (Path f : files) {
            try (InputStream in = Files.newInputStream(f)) {
                for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                    md.update(buffer, 0, n);
                }
            } catch (IOException e) {
                throw new ExoretException(ExoretException.Kind.IO, "cannot read " + f + ": " + e.getMessage(), e);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
