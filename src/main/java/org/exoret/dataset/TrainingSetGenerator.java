package org.exoret.dataset;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.exoret.ExoretException;
import org.exoret.forward.ForwardModel;
import org.exoret.forward.ForwardResult;

/**
 * Makes a training set: draws parameter vectors from a {@link Design}, runs a forward model's
 * {@link ForwardModel#evaluateWithSpectra} on them in batches over several threads, drops the samples the model
 * rejects (counting them by reason), and writes the accepted (θ, spectrum) pairs in chunk files plus a parameter CSV.
 *
 * <p>Resumable: design sample i depends only on (seed, i) and chunk k always covers samples
 * {@code [k·chunkSize, (k+1)·chunkSize)}; chunks are written atomically under deterministic names, so a killed run
 * continues with the first missing chunk and the result equals an uninterrupted run. Parameters are rounded to
 * float32 before evaluation, so the stored θ is exactly the θ that made the stored spectrum.
 *
 * <p>Thread-safe if the forward model is (the {@link ForwardModel} contract requires it).
 */
public final class TrainingSetGenerator {

    /** Name of the parameter CSV in a training-set folder. */
    public static final String PARAMETER_CSV = "parameters.csv";

    private final ForwardModel model;
    private final ParameterSpace space;
    private final String forwardModelHash;

    /**
     * @param model the forward model, whose parameter names must equal the space's
     * @param space the box to sample
     * @param forwardModelHash SHA-256 (hex) of the forward model's configuration, recorded in the header
     */
    public TrainingSetGenerator(ForwardModel model, ParameterSpace space, String forwardModelHash) {
        if (!model.parameterNames().equals(space.names())) {
            throw new ExoretException(ExoretException.Kind.MISMATCH, "the forward model's parameters "
                    + model.parameterNames() + " differ from the sampled box's " + space.names());
        }
        this.model = model;
        this.space = space;
        this.forwardModelHash = forwardModelHash;
    }

    /**
     * Generates (or finishes) a training set.
     *
     * @param folder the training-set folder, created if needed
     * @param plan what to draw
     * @param listener progress observer
     * @return counts over the whole set
     * @throws ExoretException MISMATCH when the folder holds a set made with other settings
     */
    public GenerationReport generate(Path folder, GenerationPlan plan, GenerationListener listener) {
        TrainingSetHeader header = TrainingSetHeader.of(space, model.wavenumberPerCm(), forwardModelHash,
                plan.seed(), plan.design(), plan.chunkSize(), plan.sampleCount());
        long chunkBytes = ChunkFile.expectedSize(plan.chunkSize(), space.dimension(), header.wavenumberPerCm().length, 0);
        if (chunkBytes > Integer.MAX_VALUE - (1 << 20)) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "chunk size " + plan.chunkSize()
                    + " makes chunks of " + chunkBytes + " bytes; choose a chunk size below 2 GiB per chunk");
        }
        prepareFolder(folder, header);
        header.write(folder);
        int p = space.dimension();
        int w = header.wavenumberPerCm().length;
        List<Integer> missing = new ArrayList<>();
        long done = 0;
        for (int c = 0; c < header.chunkCount(); c++) {
            if (Files.isRegularFile(folder.resolve(ChunkFile.fileName(c)))) {
                ChunkFile.map(folder.resolve(ChunkFile.fileName(c)), p, w, (long) c * plan.chunkSize(),
                        header.attemptedInChunk(c));
                done += header.attemptedInChunk(c);
            } else {
                missing.add(c);
            }
        }
        listener.started(plan.sampleCount(), done);
        ExecutorService pool = Executors.newFixedThreadPool(plan.threads(), r -> {
            Thread t = new Thread(r, "exoret-generate");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int c : missing) {
                writeChunk(folder, header, c, plan, pool, listener);
            }
        } finally {
            pool.shutdownNow();
        }
        TrainingSet set = TrainingSet.open(folder);
        writeParameterCsv(folder, set);
        return new GenerationReport(plan.sampleCount(), set.size(), set.rejections(),
                missing.size(), header.chunkCount() - missing.size());
    }

    private static void prepareFolder(Path folder, TrainingSetHeader header) {
        try {
            Files.createDirectories(folder);
            if (Files.isRegularFile(folder.resolve(TrainingSetHeader.FILE_NAME))) {
                TrainingSetHeader old = TrainingSetHeader.read(folder);
                List<String> diff = old.differencesIgnoringCount(header);
                if (!diff.isEmpty()) {
                    throw new ExoretException(ExoretException.Kind.MISMATCH, "folder " + folder
                            + " holds a training set made with other settings (" + String.join("; ", diff)
                            + "); choose another --out folder or repeat the original options");
                }
                if (old.sampleCount() > header.sampleCount()) {
                    throw new ExoretException(ExoretException.Kind.MISMATCH, "folder " + folder + " holds a set of "
                            + old.sampleCount() + " samples; a resumed generation may only keep or raise the count, not "
                            + header.sampleCount());
                }
                if (old.sampleCount() % old.chunkSize() != 0 && old.sampleCount() != header.sampleCount()) {
                    // the old last chunk was short; it covers fewer samples than the new plan puts in that chunk
                    Files.deleteIfExists(folder.resolve(ChunkFile.fileName(old.chunkCount() - 1)));
                }
            }
            try (DirectoryStream<Path> temps = Files.newDirectoryStream(folder, "*" + AtomicFiles.TEMP_SUFFIX)) {
                for (Path t : temps) {
                    Files.delete(t);
                }
            }
        } catch (IOException e) {
            throw new ExoretException(ExoretException.Kind.IO, "cannot prepare " + folder + ": " + e.getMessage(), e);
        }
    }

    private void writeChunk(Path folder, TrainingSetHeader header, int chunk, GenerationPlan plan,
                            ExecutorService pool, GenerationListener listener) {
        long first = (long) chunk * plan.chunkSize();
        int attempted = header.attemptedInChunk(chunk);
        double[][] theta = plan.design().points(space, plan.seed(), first, attempted);
        for (double[] row : theta) {
            for (int k = 0; k < row.length; k++) {
                row[k] = (float) row[k];
            }
        }
        List<Future<ForwardResult>> futures = new ArrayList<>();
        for (int start = 0; start < attempted; start += plan.batchSize()) {
            int from = start;
            int to = Math.min(attempted, start + plan.batchSize());
            futures.add(pool.submit(() -> model.evaluateWithSpectra(java.util.Arrays.copyOfRange(theta, from, to))));
        }
        List<Long> index = new ArrayList<>();
        List<float[]> params = new ArrayList<>();
        List<float[]> spectra = new ArrayList<>();
        Map<String, Long> rejections = new TreeMap<>();
        int row = 0;
        for (Future<ForwardResult> f : futures) {
            ForwardResult r = await(f);
            for (int i = 0; i < r.size(); i++, row++) {
                if (r.accepted(i)) {
                    index.add(first + row);
                    params.add(toFloat(theta[row]));
                    spectra.add(toFloat(r.spectrum(i)));
                } else {
                    rejections.merge(r.rejection(i), 1L, Long::sum);
                }
            }
            listener.evaluated(r.size());
        }
        ChunkFile.write(folder.resolve(ChunkFile.fileName(chunk)), first, attempted,
                index.stream().mapToLong(Long::longValue).toArray(), params.toArray(new float[0][]),
                spectra.toArray(new float[0][]), rejections, space.dimension(), header.wavenumberPerCm().length);
        listener.chunkWritten(chunk, index.size(), attempted);
    }

    private static ForwardResult await(Future<ForwardResult> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExoretException(ExoretException.Kind.IO, "generation interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new ExoretException(ExoretException.Kind.ENGINE, "forward model failed: " + e.getCause(), e.getCause());
        }
    }

    private static float[] toFloat(double[] x) {
        float[] f = new float[x.length];
        for (int k = 0; k < x.length; k++) {
            f[k] = (float) x[k];
        }
        return f;
    }

    private static void writeParameterCsv(Path folder, TrainingSet set) {
        Path target = folder.resolve(PARAMETER_CSV);
        Path temp = folder.resolve(PARAMETER_CSV + AtomicFiles.TEMP_SUFFIX);
        List<String> columns = new ArrayList<>();
        columns.add("sample");
        columns.addAll(set.header().parameterNames());
        float[] theta = new float[set.parameterCount()];
        try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                     .setHeader(columns.toArray(new String[0])).get())) {
            for (int row = 0; row < set.size(); row++) {
                set.readParameters(row, theta);
                List<Object> values = new ArrayList<>();
                values.add(set.sampleIndex(row));
                for (float v : theta) {
                    values.add(Float.toString(v));
                }
                csv.printRecord(values);
            }
        } catch (IOException e) {
            throw new ExoretException(ExoretException.Kind.IO, "cannot write " + target + ": " + e.getMessage(), e);
        }
        try {
            AtomicFiles.moveIntoPlace(temp, target);
        } catch (IOException e) {
            throw new ExoretException(ExoretException.Kind.IO, "cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
