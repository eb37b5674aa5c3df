package org.exoret.dataset;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.exoret.ExoretException;

/**
 * The JSON header ({@value #FILE_NAME}) of a training set: what was sampled, how, and on which grid. The chunk
 * files hold the numbers; this header says what they mean. Immutable.
 *
 * @param formatVersion training-set format version, {@value #FORMAT_VERSION}
 * @param parameterNames free-parameter names, in column order
 * @param parameterUnits unit of each parameter
 * @param parameterLower lower bound of the sampled box, per parameter
 * @param parameterUpper upper bound of the sampled box, per parameter
 * @param wavenumberPerCm the spectrum grid, cm⁻¹, ascending
 * @param spectrumUnit unit of the stored spectra
 * @param forwardModelHash SHA-256 (hex) of the forward model's configuration
 * @param seed the design seed
 * @param design the sampling design
 * @param chunkSize design samples per chunk (the last chunk may cover fewer)
 * @param sampleCount design samples requested (accepted plus rejected)
 * @param designSamplesHash for {@link Design#KERNEL_DENSITY}, SHA-256 (hex) of the design's sample vectors
 *        ({@link KernelDensityDesign#samplesHash()}); null for the box designs
 */
public record TrainingSetHeader(int formatVersion, List<String> parameterNames, List<String> parameterUnits,
                                double[] parameterLower, double[] parameterUpper, double[] wavenumberPerCm,
                                String spectrumUnit, String forwardModelHash, long seed, Design design,
                                int chunkSize, long sampleCount, String designSamplesHash) {

    /** Current format version. */
    public static final int FORMAT_VERSION = 1;
    /** Name of the header file inside a training-set folder. */
    public static final String FILE_NAME = "trainingset.json";
    /** Unit of the stored planet spectra. */
    public static final String FLUX_UNIT = "erg s-1 cm-2 (cm-1)-1";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    /** Validates and copies. */
    public TrainingSetHeader {
        parameterNames = List.copyOf(parameterNames);
        parameterUnits = List.copyOf(parameterUnits);
        parameterLower = parameterLower.clone();
        parameterUpper = parameterUpper.clone();
        wavenumberPerCm = wavenumberPerCm.clone();
        new ParameterSpace(parameterNames, parameterUnits, parameterLower, parameterUpper);
        if (wavenumberPerCm.length == 0) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "the wavenumber grid is empty");
        }
        for (int j = 1; j < wavenumberPerCm.length; j++) {
            if (!(wavenumberPerCm[j] > wavenumberPerCm[j - 1])) {
                throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT,
                        "the wavenumber grid must ascend strictly; it does not at index " + j);
            }
        }
        if (chunkSize <= 0 || sampleCount <= 0) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT,
                    "chunk size and sample count must be positive, got " + chunkSize + " and " + sampleCount);
        }
        if ((design == Design.KERNEL_DENSITY) != (designSamplesHash != null)) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "a " + design + " design "
                    + (designSamplesHash == null ? "needs" : "takes no") + " hash of design samples");
        }
    }

    /**
     * A header for a new generation.
     *
     * @param space the sampled box
     * @param wavenumberPerCm the forward model's grid, cm⁻¹
     * @param forwardModelHash hash of the forward model's configuration
     * @param seed design seed
     * @param design sampling design
     * @param chunkSize design samples per chunk
     * @param sampleCount design samples to draw
     * @param designSamplesHash the kernel-density design's sample hash, or null for a box design
     * @return the header
     */
    public static TrainingSetHeader of(ParameterSpace space, double[] wavenumberPerCm, String forwardModelHash,
                                       long seed, Design design, int chunkSize, long sampleCount,
                                       String designSamplesHash) {
        return new TrainingSetHeader(FORMAT_VERSION, space.names(), space.units(), space.lower(), space.upper(),
                wavenumberPerCm, FLUX_UNIT, forwardModelHash, seed, design, chunkSize, sampleCount, designSamplesHash);
    }

    /** @return the sampled box */
    public ParameterSpace space() {
        return new ParameterSpace(parameterNames, parameterUnits, parameterLower, parameterUpper);
    }

    @Override
    public double[] parameterLower() {
        return parameterLower.clone();
    }

    @Override
    public double[] parameterUpper() {
        return parameterUpper.clone();
    }

    @Override
    public double[] wavenumberPerCm() {
        return wavenumberPerCm.clone();
    }

    /** @return the number of chunks that cover {@link #sampleCount()} */
    public int chunkCount() {
        return Math.toIntExact((sampleCount + chunkSize - 1) / chunkSize);
    }

    /**
     * @param chunk chunk number
     * @return the design samples that chunk covers
     */
    public int attemptedInChunk(int chunk) {
        return (int) Math.min(chunkSize, sampleCount - (long) chunk * chunkSize);
    }

    /**
     * Lists every field in which another header (for instance the one a resumed generation would write) differs,
     * ignoring the sample count, which a resumed generation may raise.
     *
     * @param other the other header
     * @return human-readable differences, empty when compatible
     */
    public List<String> differencesIgnoringCount(TrainingSetHeader other) {
        List<String> d = new ArrayList<>();
        if (formatVersion != other.formatVersion) {
            d.add("formatVersion " + formatVersion + " vs " + other.formatVersion);
        }
        if (!parameterNames.equals(other.parameterNames)) {
            d.add("parameterNames " + parameterNames + " vs " + other.parameterNames);
        }
        if (!parameterUnits.equals(other.parameterUnits)) {
            d.add("parameterUnits " + parameterUnits + " vs " + other.parameterUnits);
        }
        if (!Arrays.equals(parameterLower, other.parameterLower) || !Arrays.equals(parameterUpper, other.parameterUpper)) {
            d.add("parameter ranges " + Arrays.toString(parameterLower) + "–" + Arrays.toString(parameterUpper)
                    + " vs " + Arrays.toString(other.parameterLower) + "–" + Arrays.toString(other.parameterUpper));
        }
        if (!Arrays.equals(wavenumberPerCm, other.wavenumberPerCm)) {
            d.add("wavenumber grid (" + wavenumberPerCm.length + " vs " + other.wavenumberPerCm.length + " points"
                    + firstDifference(wavenumberPerCm, other.wavenumberPerCm) + ")");
        }
        if (!forwardModelHash.equals(other.forwardModelHash)) {
            d.add("forwardModelHash " + forwardModelHash + " vs " + other.forwardModelHash);
        }
        if (seed != other.seed) {
            d.add("seed " + seed + " vs " + other.seed);
        }
        if (design != other.design) {
            d.add("design " + design + " vs " + other.design);
        }
        if (!Objects.equals(designSamplesHash, other.designSamplesHash)) {
            d.add("design samples (SHA-256 " + designSamplesHash + " vs " + other.designSamplesHash + ")");
        }
        if (chunkSize != other.chunkSize) {
            d.add("chunkSize " + chunkSize + " vs " + other.chunkSize);
        }
        return d;
    }

    private static String firstDifference(double[] a, double[] b) {
        for (int j = 0; j < Math.min(a.length, b.length); j++) {
            if (a[j] != b[j]) {
                return ", first differing at index " + j + ": " + a[j] + " vs " + b[j] + " cm-1";
            }
        }
        return "";
    }

    /** @return the header as JSON text */
    public String toJson() {
        return GSON.toJson(this);
    }

    /**
     * Reads the header of a training-set folder.
     *
     * @param folder the training-set folder
     * @return the header
     */
    public static TrainingSetHeader read(Path folder) {
        Path file = folder.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new ExoretException(ExoretException.Kind.MISSING_FILE,
                    "no training-set header " + file + "; is " + folder + " a folder written by exoret generate?");
        }
        TrainingSetHeader h;
        try {
            h = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), TrainingSetHeader.class);
        } catch (IOException e) {
            throw new ExoretException(ExoretException.Kind.IO, "cannot read " + file + ": " + e.getMessage(), e);
        } catch (JsonParseException | ExoretException | NullPointerException e) {
            throw new ExoretException(ExoretException.Kind.MALFORMED_FILE,
                    "training-set header " + file + " is not valid: " + e.getMessage(), e);
        }
        if (h == null || h.formatVersion() != FORMAT_VERSION) {
            throw new ExoretException(ExoretException.Kind.MALFORMED_FILE, "training-set header " + file
                    + " has format version " + (h == null ? "none" : h.formatVersion()) + "; this exoret reads "
                    + FORMAT_VERSION);
        }
        return h;
    }

    /**
     * Writes the header atomically (temporary file, then rename).
     *
     * @param folder the training-set folder
     */
    public void write(Path folder) {
        AtomicFiles.writeString(folder.resolve(FILE_NAME), toJson());
    }
}
