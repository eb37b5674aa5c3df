package org.exoret.mcmc;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.exoret.ExoretException;

/**
 * The sampler checkpoint: a binary file (big-endian, {@link DataOutputStream} layout) holding everything a run
 * needs to continue exactly as if never stopped — chain states, log posteriors, counters, best fits, each
 * chain's generator state and the whole archive — behind a magic, a format version and a configuration
 * fingerprint, and followed by a CRC-32 of all preceding bytes. Written to a temporary file in the same
 * folder, then renamed over the old one, so a crash never leaves a half-written checkpoint. Layout
 * (version 1) in docs/sampler.md.
 */
final class Checkpoint {

    static final String MAGIC = "EXORETMC";
    static final int FORMAT_VERSION = 1;

    private Checkpoint() {
    }

    /** The settings a checkpoint must share with the configuration that resumes it. */
    static String fingerprint(SamplerConfig config) {
        StringBuilder sb = new StringBuilder();
        for (Parameter p : config.parameters().freeParameters()) {
            sb.append(p.name()).append('=').append(p.prior()).append(';');
        }
        // appended only where present: unconstrained runs keep the fingerprint they had before constraints existed
        config.parameters().supportDescription().ifPresent(d -> sb.append("support=").append(d).append(';'));
        if (config.temperature() != 1) {
            // appended only when tempered, so checkpoints written before temperatures existed still resume
            sb.append("temperature=").append(config.temperature()).append(';');
        }
        return sb.toString();
    }

    static void write(Path file, SamplerConfig config, Population pop) {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            CRC32 crc = new CRC32();
            try (OutputStream os = Files.newOutputStream(tmp);
                    CheckedOutputStream cos = new CheckedOutputStream(new BufferedOutputStream(os, 1 << 16), crc);
                    DataOutputStream out = new DataOutputStream(cos)) {
                out.write(MAGIC.getBytes(StandardCharsets.US_ASCII));
                out.writeInt(FORMAT_VERSION);
                out.writeInt(pop.dimension);
                out.writeInt(pop.chainCount);
                out.writeInt(pop.thinning);
                out.writeInt(pop.initialArchiveSize);
                List<String> names = config.parameters().freeNames();
                for (String n : names) {
                    out.writeUTF(n);
                }
                writeString(out, fingerprint(config));
                writeString(out, config.moves().toString());
                out.writeLong(pop.iteration);
                for (int c = 0; c < pop.chainCount; c++) {
                    writeDoubles(out, pop.state[c]);
                    out.writeDouble(pop.logPosterior[c]);
                    out.writeLong(pop.accepted[c]);
                    out.writeLong(pop.evaluated[c]);
                    for (long v : pop.outOfBounds[c]) {
                        out.writeLong(v);
                    }
                    writeDoubles(out, pop.best[c]);
                    out.writeDouble(pop.bestLogPosterior[c]);
                    byte[] rng = pop.random[c].saveState();
                    out.writeInt(rng.length);
                    out.write(rng);
                }
                Archive a = pop.archive;
                out.writeInt(a.size());
                for (int r = 0; r < a.size(); r++) {
                    for (int j = 0; j < pop.dimension; j++) {
                        out.writeDouble(a.value(r, j));
                    }
                    out.writeDouble(a.logPosterior(r));
                    out.writeInt(a.chain(r));
                }
                out.flush();
                os.write(longBytes(crc.getValue()));
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new ExoretException(ExoretException.Kind.IO, "cannot write checkpoint " + file + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the rename succeeded or the original error is already being reported
                }
            }
        }
    }

    /**
     * Reads a checkpoint into a new population built from {@code config}, refusing one from another configuration.
     */
    static Population read(Path file, SamplerConfig config, LogDensity likelihood, int archiveCapacity) {
        if (!Files.isRegularFile(file)) {
            throw new ExoretException(ExoretException.Kind.MISSING_FILE, "checkpoint " + file + " does not exist");
        }
        CRC32 crc = new CRC32();
        try (InputStream is = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
                CheckedInputStream cis = new CheckedInputStream(is, crc);
                DataInputStream in = new DataInputStream(cis)) {
            byte[] magic = in.readNBytes(MAGIC.length()); // short read: reported as "not a checkpoint" below
            if (!MAGIC.equals(new String(magic, StandardCharsets.US_ASCII))) {
                throw ExoretException.malformed(file, 1, new String(magic, StandardCharsets.US_ASCII),
                        "not an exoret sampler checkpoint (magic " + MAGIC + " expected)");
            }
            int version = in.readInt();
            if (version != FORMAT_VERSION) {
                throw ExoretException.malformed(file, 1, "formatVersion " + version,
                        "unknown checkpoint format version " + version + "; this exoret reads version " + FORMAT_VERSION);
            }
            int d = in.readInt();
            int n = in.readInt();
            int thinning = in.readInt();
            int m0 = in.readInt();
            List<String> names = config.parameters().freeNames();
            refuseIf(d != names.size(), file, "dimension", d, names.size());
            refuseIf(n != config.chains(), file, "chains", n, config.chains());
            refuseIf(thinning != config.thinning(), file, "thinning", thinning, config.thinning());
            String[] stored = new String[d];
            for (int j = 0; j < d; j++) {
                stored[j] = in.readUTF();
            }
            refuseIf(!List.of(stored).equals(names), file, "parameter names", List.of(stored), names);
            String fp = readString(in);
            Optional<String> support = config.parameters().supportDescription();
            if (support.isPresent() && !fp.contains("support=")) {
                throw new ExoretException(ExoretException.Kind.MISMATCH, "checkpoint " + file + " was written without "
                        + "the joint constraint this run has (" + support.get() + "), so its chains may stand where "
                        + "the constraint refuses; start a new run");
            }
            refuseIf(!fp.equals(fingerprint(config)), file, "priors, joint constraint or temperature", fp, fingerprint(config));
            String moves = readString(in);
            refuseIf(!moves.equals(config.moves().toString()), file, "moves", moves, config.moves().toString());
            Population pop = new Population(config.parameters(), n, thinning, m0, archiveCapacity, config.moves(), likelihood);
            pop.iteration = in.readLong();
            pop.random = new ChainRandom[n];
            for (int c = 0; c < n; c++) {
                readDoubles(in, pop.state[c]);
                pop.logPosterior[c] = in.readDouble();
                pop.accepted[c] = in.readLong();
                pop.evaluated[c] = in.readLong();
                for (int j = 0; j < d; j++) {
                    pop.outOfBounds[c][j] = in.readLong();
                }
                readDoubles(in, pop.best[c]);
                pop.bestLogPosterior[c] = in.readDouble();
                int len = in.readInt();
                if (len < 0 || len > 4096) {
                    throw ExoretException.malformed(file, 1, "rng state length " + len, "corrupt generator state");
                }
                pop.random[c] = ChainRandom.restore(readBytes(in, len));
            }
            int size = in.readInt();
            pop.archive.ensureCapacity(Math.max(size, archiveCapacity));
            double[] row = new double[d];
            for (int r = 0; r < size; r++) {
                readDoubles(in, row);
                double lp = in.readDouble();
                pop.archive.append(row, lp, in.readInt());
            }
            long expected = crc.getValue();
            long storedCrc = in.readLong();
            if (storedCrc != expected) {
                throw ExoretException.malformed(file, 1, "crc " + Long.toHexString(storedCrc),
                        "checksum mismatch (expected " + Long.toHexString(expected) + "): the checkpoint is corrupt");
            }
            return pop;
        } catch (EOFException e) {
            throw ExoretException.malformed(file, 1, "", "checkpoint ends early: the file is truncated");
        } catch (IOException e) {
            throw new ExoretException(ExoretException.Kind.IO, "cannot read checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    private static void refuseIf(boolean differ, Path file, String what, Object inFile, Object inConfig) {
        if (differ) {
            throw new ExoretException(ExoretException.Kind.MISMATCH, "checkpoint " + file + " was written by a different "
                    + "configuration: " + what + " is " + inFile + " there but " + inConfig + " now; resume with the "
                    + "original settings or start a new run");
        }
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        int len = in.readInt();
        if (len < 0 || len > (1 << 24)) {
            throw new IOException("string length " + len + " out of range");
        }
        return new String(readBytes(in, len), StandardCharsets.UTF_8);
    }

    private static byte[] readBytes(DataInputStream in, int len) throws IOException {
        byte[] b = new byte[len];
        in.readFully(b);
        return b;
    }

    private static void writeDoubles(DataOutputStream out, double[] v) throws IOException {
        for (double x : v) {
            out.writeDouble(x);
        }
    }

    private static void readDoubles(DataInputStream in, double[] v) throws IOException {
        for (int i = 0; i < v.length; i++) {
            v[i] = in.readDouble();
        }
    }

    private static byte[] longBytes(long v) {
        byte[] b = new byte[8];
        for (int i = 7; i >= 0; i--) {
            b[i] = (byte) v;
            v >>>= 8;
        }
        return b;
    }
}
