package org.exoret.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.codec.digest.DigestUtils;
import org.exoret.ExoretException;

/**
 * A complete training set on disk, read through memory-mapped chunk files ({@link java.nio.channels.FileChannel#map}),
 * so sets larger than the Java heap or RAM work: only the pages touched are loaded. Rows are the accepted samples in
 * design order. Opening validates the header and every chunk's size, magic and indices, naming the faulty file.
 * Several sets made with the same forward model (a box design and a focused one, say) can be read as one
 * {@link #union}. Immutable and thread-safe for reading.
 */
public final class TrainingSet {

    private final List<Path> folders;
    private final TrainingSetHeader header;
    private final List<ChunkFile> chunks;
    private final int[] partOfChunk;
    private final double[] lower;
    private final double[] upper;
    private final int[] chunkStart;
    private final int size;

    private TrainingSet(List<Path> folders, TrainingSetHeader header, List<ChunkFile> chunks, int[] partOfChunk,
                        double[] lower, double[] upper) {
        this.folders = List.copyOf(folders);
        this.header = header;
        this.chunks = List.copyOf(chunks);
        this.partOfChunk = partOfChunk;
        this.lower = lower;
        this.upper = upper;
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
        return new TrainingSet(List.of(folder), header, chunks, new int[chunks.size()], header.parameterLower(),
                header.parameterUpper());
    }

    /**
     * Reads several sets as one: rows of the first part, then of the second, and so on. The parts must share
     * parameter names and units, the wavenumber grid and the forward model (configuration hash); the union's
     * parameter box is the smallest box holding every part's.
     *
     * @param parts one or more complete sets
     * @return the union
     * @throws ExoretException MISMATCH naming the first part that differs and how
     */
    public static TrainingSet union(List<TrainingSet> parts) {
        if (parts.isEmpty()) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "a union needs at least one training set");
        }
        TrainingSetHeader first = parts.get(0).header;
        double[] lower = parts.get(0).lower.clone();
        double[] upper = parts.get(0).upper.clone();
        List<Path> folders = new ArrayList<>();
        List<ChunkFile> chunks = new ArrayList<>();
        List<Integer> part = new ArrayList<>();
        for (TrainingSet set : parts) {
            TrainingSetHeader h = set.header;
            String what = !h.parameterNames().equals(first.parameterNames()) ? "parameters " + h.parameterNames()
                    : !h.parameterUnits().equals(first.parameterUnits()) ? "units " + h.parameterUnits()
                    : !Arrays.equals(h.wavenumberPerCm(), first.wavenumberPerCm()) ? "a different wavenumber grid"
                    : !h.forwardModelHash().equals(first.forwardModelHash()) ? "forward-model hash " + h.forwardModelHash()
                    : null;
            if (what != null) {
                throw new ExoretException(ExoretException.Kind.MISMATCH, "training set " + set.folder() + " has " + what
                        + ", unlike " + parts.get(0).folder() + "; only sets made with the same RT configuration and "
                        + "parameters can be trained on together");
            }
            for (int k = 0; k < lower.length; k++) {
                lower[k] = Math.min(lower[k], set.lower[k]);
                upper[k] = Math.max(upper[k], set.upper[k]);
            }
            for (int c = 0; c < set.chunks.size(); c++) {
                chunks.add(set.chunks.get(c));
                part.add(folders.size() + set.partOfChunk[c]);
            }
            for (Path f : set.folders) {
                if (folders.contains(f.toAbsolutePath().normalize())) {
                    throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "training set " + f + " is given "
                            + "twice; its rows would be counted twice and land in both the training and test splits");
                }
                folders.add(f.toAbsolutePath().normalize());
            }
        }
        boolean nested = parts.stream().anyMatch(set -> Arrays.equals(set.lower, lower) && Arrays.equals(set.upper, upper));
        if (!nested) {
            throw new ExoretException(ExoretException.Kind.MISMATCH, "no training set's parameter box holds all the "
                    + "others', so parts of their common box would have no spectra; generate the sets over one box "
                    + "(a focused set takes the box set's ranges)");
        }
        return new TrainingSet(folders, first, chunks, part.stream().mapToInt(Integer::intValue).toArray(), lower, upper);
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

    /** @return the folder (of the first part, for a union) */
    public Path folder() {
        return folders.get(0);
    }

    /** @return the folder of each part, in row order; one for a set that is not a union */
    public List<Path> folders() {
        return folders;
    }

    /**
     * @return the header (of the first part, for a union: the parts share names, units, grid and forward model, but
     *     not box, design or seed; see {@link #parameterLower()})
     */
    public TrainingSetHeader header() {
        return header;
    }

    /** @return lower bound of the parameter box, per parameter (for a union, the smallest box holding every part) */
    public double[] parameterLower() {
        return lower.clone();
    }

    /** @return upper bound of the parameter box, per parameter */
    public double[] parameterUpper() {
        return upper.clone();
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
     * @return the part of a union the row comes from, as an index into {@link #folders()}
     */
    public int part(int row) {
        return partOfChunk[chunkOf(row)];
    }

    /**
     * @param row row number
     * @return the design index of that sample within its part
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
     * SHA-256 over the header(s) and all chunk files in order: identifies the exact data a surrogate was trained on.
     *
     * @return lower-case hex digest
     */
    public String contentHash() {
        MessageDigest md = DigestUtils.getSha256Digest();
        byte[] buffer = new byte[1 << 16];
        List<Path> files = new ArrayList<>();
        folders.forEach(f -> files.add(f.resolve(TrainingSetHeader.FILE_NAME)));
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
