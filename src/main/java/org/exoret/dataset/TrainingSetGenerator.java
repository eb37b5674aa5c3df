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
import java.util.Objects;
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
    private final KernelDensityDesign kernelDensity;

    /**
     * @param model the forward model, whose parameter names must equal the space's
     * @param space the box to sample
     * @param forwardModelHash SHA-256 (hex) of the forward model's configuration, recorded in the header
     */
    public TrainingSetGenerator(ForwardModel model, ParameterSpace space, String forwardModelHash) {
        this(model, space, forwardModelHash, null);
    }

    private TrainingSetGenerator(ForwardModel model, ParameterSpace space, String forwardModelHash,
                                 KernelDensityDesign kernelDensity) {
        if (!model.parameterNames().equals(space.names())) {
            throw new ExoretException(ExoretException.Kind.MISMATCH, "the forward model's parameters "
                    + model.parameterNames() + " differ from the sampled box's " + space.names());
        }
        this.model = model;
        this.space = space;
        this.forwardModelHash = forwardModelHash;
        this.kernelDensity = kernelDensity;
    }

    /**
     * A generator whose {@link Design#KERNEL_DENSITY} plans draw from the given design.
     *
     * @param design the kernel-density design, over this generator's box
     * @return a new generator
     */
    public TrainingSetGenerator withKernelDensity(KernelDensityDesign design) {
        return new TrainingSetGenerator(model, space, forwardModelHash, Objects.requireNonNull(design, "design"));
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
        TrainingSetHeader header = prepare(folder, plan);
        List<Integer> missing = missingChunks(folder, header);
        long done = plan.sampleCount();
        for (int c : missing) {
            done -= header.attemptedInChunk(c);
        }
        listener.started(plan.sampleCount(), done);
        ExecutorService pool = Executors.newFixedThreadPool(plan.threads(), r -> {
            Thread t = new Thread(r, "exoret-generate");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int c : missing) {
                writeChunk(folder, header, c, plan.batchSize(), pool, listener);
            }
        } finally {
            pool.shutdownNow();
        }
        return complete(folder, missing.size());
    }

    /**
     * First step of {@link #generate}, exposed for distributed generation: creates the folder (or checks that the set
     * already there was made with the same settings), removes leftover temporary files and writes the header.
     *
     * @param folder the training-set folder
     * @param plan what to draw
     * @return the header written
     * @throws ExoretException MISMATCH when the folder holds a set made with other settings
     */
    public TrainingSetHeader prepare(Path folder, GenerationPlan plan) {
        TrainingSetHeader header = TrainingSetHeader.of(space, model.wavenumberPerCm(), forwardModelHash,
                plan.seed(), plan.design(), plan.chunkSize(), plan.sampleCount(),
                plan.design() == Design.KERNEL_DENSITY ? kernelDensity().samplesHash() : null);
        long chunkBytes = ChunkFile.expectedSize(plan.chunkSize(), space.dimension(), header.wavenumberPerCm().length, 0);
        if (chunkBytes > Integer.MAX_VALUE - (1 << 20)) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "chunk size " + plan.chunkSize()
                    + " makes chunks of " + chunkBytes + " bytes; choose a chunk size below 2 GiB per chunk");
        }
        prepareFolder(folder, header);
        header.write(folder);
        return header;
    }

    /**
     * The chunks a (possibly interrupted) generation still has to write; the chunks present are validated.
     *
     * @param folder the training-set folder
     * @param header its header
     * @return missing chunk numbers, ascending
     */
    public static List<Integer> missingChunks(Path folder, TrainingSetHeader header) {
        int p = header.parameterNames().size();
        int w = header.wavenumberPerCm().length;
        List<Integer> missing = new ArrayList<>();
        for (int c = 0; c < header.chunkCount(); c++) {
            if (Files.isRegularFile(folder.resolve(ChunkFile.fileName(c)))) {
                ChunkFile.map(folder.resolve(ChunkFile.fileName(c)), p, w, (long) c * header.chunkSize(),
                        header.attemptedInChunk(c));
            } else {
                missing.add(c);
            }
        }
        return missing;
    }

    /**
     * Last step of {@link #generate}: opens the finished set and writes its parameter CSV.
     *
     * @param folder the training-set folder, all chunks written
     * @param chunksWritten chunks written by this run (for the report)
     * @return counts over the whole set
     */
    public static GenerationReport complete(Path folder, int chunksWritten) {
        TrainingSet set = TrainingSet.open(folder);
        writeParameterCsv(folder, set);
        return new GenerationReport(set.header().sampleCount(), set.size(), set.rejections(),
                chunksWritten, set.header().chunkCount() - chunksWritten);
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

    /**
     * Evaluates and writes one chunk (atomically, under its deterministic name), whatever is already there: the
     * same chunk of the same header always gets the same bytes, so rewriting it is harmless.
     *
     * @param folder the folder to write the chunk file into
     * @param header the set's header
     * @param chunk chunk number
     * @param batchSize parameter vectors per forward-model call
     * @param pool threads for the forward-model calls
     * @param listener progress observer
     * @return the chunk file written
     */
    public Path writeChunk(Path folder, TrainingSetHeader header, int chunk, int batchSize,
                           ExecutorService pool, GenerationListener listener) {
        long first = (long) chunk * header.chunkSize();
        int attempted = header.attemptedInChunk(chunk);
        double[][] theta = header.design() == Design.KERNEL_DENSITY
                ? kernelDensityOf(header).points(space, header.seed(), first, attempted)
                : header.design().points(space, header.seed(), first, attempted);
        for (double[] row : theta) {
            for (int k = 0; k < row.length; k++) {
                row[k] = (float) row[k];
            }
        }
        List<Future<ForwardResult>> futures = new ArrayList<>();
        for (int start = 0; start < attempted; start += batchSize) {
            int from = start;
            int to = Math.min(attempted, start + batchSize);
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
        Path file = folder.resolve(ChunkFile.fileName(chunk));
        ChunkFile.write(file, first, attempted,
                index.stream().mapToLong(Long::longValue).toArray(), params.toArray(new float[0][]),
                spectra.toArray(new float[0][]), rejections, space.dimension(), header.wavenumberPerCm().length);
        listener.chunkWritten(chunk, index.size(), attempted);
        return file;
    }

    private KernelDensityDesign kernelDensity() {
        if (kernelDensity == null) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "a kernel-density design needs its "
                    + "sample vectors: create the generator withKernelDensity(...) (exoret generate --focus FILE)");
        }
        return kernelDensity;
    }

    private KernelDensityDesign kernelDensityOf(TrainingSetHeader header) {
        KernelDensityDesign kde = kernelDensity();
        if (!kde.samplesHash().equals(header.designSamplesHash())) {
            throw new ExoretException(ExoretException.Kind.MISMATCH, "the set's header records design samples with "
                    + "SHA-256 " + header.designSamplesHash() + ", the generator was given " + kde.samplesHash()
                    + "; pass the same --focus file as the original generation");
        }
        return kde;
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
