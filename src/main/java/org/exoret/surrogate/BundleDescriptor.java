package org.exoret.surrogate;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.exoret.ExoretException;

/**
 * The JSON descriptor ({@value #FILE_NAME}) of a surrogate bundle: what the network maps from and to, how inputs and
 * outputs are normalised, the architecture to rebuild, how it was trained and how well it does. Immutable.
 *
 * @param formatVersion bundle format version, {@value #FORMAT_VERSION}
 * @param parameterNames input parameter names, in column order
 * @param parameterUnits input units
 * @param trainingLower lower edge of the training box per parameter
 * @param trainingUpper upper edge of the training box per parameter
 * @param wavenumberPerCm output grid, cm⁻¹
 * @param spectrumUnit unit of the output spectra
 * @param inputScaling normalisation of the inputs
 * @param outputScaling normalisation of the outputs
 * @param architecture the network
 * @param modelName name of the DJL parameter file stem ({@code NAME-0000.params})
 * @param training how it was trained
 * @param metrics how well it does on the test split
 * @param libraryVersions exoret, DJL, PyTorch and Java versions used
 * @param trainingDataHash SHA-256 of the training set (header and chunks)
 * @param trainingDataFolder where the training set was (several sets: their folders joined by the platform's path
 *     separator, {@link java.io.File#pathSeparator})
 * @param bandIds band ids of the stored band projection ({@code band_projection.npz}), in observation order, or
 *     {@code null} when the bundle stores none (format 1 bundles, or trained without {@code --config})
 */
public record BundleDescriptor(int formatVersion, List<String> parameterNames, List<String> parameterUnits,
                               double[] trainingLower, double[] trainingUpper, double[] wavenumberPerCm,
                               String spectrumUnit, FeatureScaling inputScaling, FeatureScaling outputScaling,
                               Architecture architecture, String modelName, TrainingSummary training,
                               MetricsSummary metrics, Map<String, String> libraryVersions, String trainingDataHash,
                               String trainingDataFolder, List<String> bandIds) {

    /** Current bundle format version: 2 added the optional stored band projection ({@code bandIds}). */
    public static final int FORMAT_VERSION = 2;
    /** Oldest bundle format version still read. */
    public static final int OLDEST_FORMAT_VERSION = 1;
    /** Descriptor file name inside a bundle folder. */
    public static final String FILE_NAME = "bundle.json";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();

    /**
     * How a bundle was trained.
     *
     * @param seed seed of initialisation, split and shuffling
     * @param device training device
     * @param batchSize samples per update
     * @param schedule learning-rate schedule
     * @param maxEpochs epoch budget
     * @param patience early-stopping patience
     * @param epochsRun epochs run
     * @param bestEpoch epoch whose weights were kept (1-based)
     * @param bestValidationLoss its validation MSE in normalised units
     * @param seconds wall-clock training time
     * @param trainCount training samples
     * @param validationCount validation samples
     * @param testCount test samples
     * @param validationFraction validation fraction asked for
     * @param testFraction test fraction asked for
     * @param outputBasis principal components the network was trained on before its last layer was merged with
     *     them, 0 when trained on all channels (and in bundles written before the option existed)
     * @param truncationMse mean squared residual per channel of that basis on the training split, normalised units
     *     (included in the losses); 0 without a basis
     * @param bandWeight weight of the mean squared band-depth error over σ in the loss; 0 for spectral error only
     */
    public record TrainingSummary(long seed, String device, int batchSize, LearningRateSchedule schedule, int maxEpochs,
                                  int patience, int epochsRun, int bestEpoch, double bestValidationLoss, double seconds,
                                  int trainCount, int validationCount, int testCount, double validationFraction,
                                  double testFraction, int outputBasis, double truncationMse,
                                  double bandWeight) {
    }

    /**
     * Test-split accuracy (per-channel figures are in metrics.csv of the bundle).
     *
     * @param rmseNormalisedMedian median over channels of RMSE, normalised units
     * @param rmsePhysicalMedian median over channels of RMSE, erg s⁻¹ cm⁻² (cm⁻¹)⁻¹
     * @param r2Median median over channels of R² (identical in normalised and physical units without log scaling)
     * @param r2Min smallest channel R²
     * @param relativeErrorMedian median over test samples and channels of |predicted − true|/|true|
     * @param bandErrorOverSigmaMedian median of |band-depth error|/σ, or NaN without bands
     * @param bandErrorOverSigmaP95 95th percentile of |band-depth error|/σ, or NaN without bands
     */
    public record MetricsSummary(double rmseNormalisedMedian, double rmsePhysicalMedian, double r2Median,
                                 double r2Min, double relativeErrorMedian, double bandErrorOverSigmaMedian,
                                 double bandErrorOverSigmaP95) {
    }

    /** Validates and copies. */
    public BundleDescriptor {
        parameterNames = List.copyOf(parameterNames);
        parameterUnits = List.copyOf(parameterUnits);
        trainingLower = trainingLower.clone();
        trainingUpper = trainingUpper.clone();
        wavenumberPerCm = wavenumberPerCm.clone();
        libraryVersions = Map.copyOf(libraryVersions);
        bandIds = bandIds == null ? null : List.copyOf(bandIds);
        if (inputScaling.size() != parameterNames.size() || outputScaling.size() != wavenumberPerCm.length) {
            throw new ExoretException(ExoretException.Kind.MISMATCH, "bundle descriptor: " + parameterNames.size()
                    + " parameters with " + inputScaling.size() + " input scalings, " + wavenumberPerCm.length
                    + " wavenumbers with " + outputScaling.size() + " output scalings");
        }
    }

    @Override
    public double[] trainingLower() {
        return trainingLower.clone();
    }

    @Override
    public double[] trainingUpper() {
        return trainingUpper.clone();
    }

    @Override
    public double[] wavenumberPerCm() {
        return wavenumberPerCm.clone();
    }

    /**
     * @param folders training-set folders
     * @return their absolute paths joined by {@link File#pathSeparator}, as {@link #trainingDataFolder()} stores them
     */
    static String folderList(List<Path> folders) {
        return folders.stream().map(f -> f.toAbsolutePath().toString()).collect(Collectors.joining(File.pathSeparator));
    }

    /** @return the training-set folders, decoded from {@link #trainingDataFolder()} */
    public List<Path> trainingDataFolders() {
        return Arrays.stream(trainingDataFolder.split(File.pathSeparator)).map(Path::of).toList();
    }

    /** @return whether the bundle stores its band projection ({@code band_projection.npz}) */
    public boolean hasBandProjection() {
        return bandIds != null;
    }

    /**
     * Refuses observations whose bands differ from those of the stored band projection.
     *
     * @param observationBandIds the retrieval's band ids, in observation order
     */
    public void requireBands(List<String> observationBandIds) {
        if (bandIds == null) {
            throw new ExoretException(ExoretException.Kind.CONFIGURATION, "the surrogate bundle stores no band "
                    + "projection; train with --config to store the band projection");
        }
        if (!bandIds.equals(observationBandIds)) {
            String where = "";
            for (int b = 0; b < Math.min(bandIds.size(), observationBandIds.size()); b++) {
                if (!bandIds.get(b).equals(observationBandIds.get(b))) {
                    where = ", first differing at band " + b + ": bundle " + bandIds.get(b) + ", observations "
                            + observationBandIds.get(b);
                    break;
                }
            }
            throw new ExoretException(ExoretException.Kind.MISMATCH, "the surrogate bundle's bands differ from the "
                    + "observations' (bundle " + bandIds.size() + " bands, observations " + observationBandIds.size()
                    + where + "); train a bundle with --config on these observations");
        }
    }

    /**
     * Refuses a retrieval whose parameters or wavenumber grid differ from the bundle's.
     *
     * @param names the retrieval's parameter names, in order
     * @param grid the retrieval's wavenumber grid, cm⁻¹
     */
    public void requireCompatible(List<String> names, double[] grid) {
        List<String> diff = new ArrayList<>();
        if (!parameterNames.equals(names)) {
            diff.add("parameter names: bundle " + parameterNames + ", retrieval " + names);
        }
        if (!Arrays.equals(wavenumberPerCm, grid)) {
            String where = "";
            for (int j = 0; j < Math.min(grid.length, wavenumberPerCm.length); j++) {
                if (grid[j] != wavenumberPerCm[j]) {
                    where = ", first differing at index " + j + ": bundle " + wavenumberPerCm[j] + ", retrieval "
                            + grid[j] + " cm-1";
                    break;
                }
            }
            diff.add("wavenumber grid: bundle " + wavenumberPerCm.length + " points, retrieval " + grid.length + where);
        }
        if (!diff.isEmpty()) {
            throw new ExoretException(ExoretException.Kind.MISMATCH, "the surrogate bundle does not match the "
                    + "retrieval (" + String.join("; ", diff) + "); train a bundle on this configuration");
        }
    }

    /**
     * Refuses a prior box that reaches outside the training box, where the surrogate would extrapolate.
     *
     * @param priorLower prior lower bounds per parameter
     * @param priorUpper prior upper bounds per parameter
     */
    public void requirePriorInside(double[] priorLower, double[] priorUpper) {
        if (priorLower.length != parameterNames.size() || priorUpper.length != parameterNames.size()) {
            throw new ExoretException(ExoretException.Kind.MISMATCH, "prior has " + priorLower.length + "/"
                    + priorUpper.length + " bounds for " + parameterNames.size() + " parameters");
        }
        List<String> outside = new ArrayList<>();
        for (int k = 0; k < priorLower.length; k++) {
            if (priorLower[k] < trainingLower[k] || priorUpper[k] > trainingUpper[k]) {
                outside.add(parameterNames.get(k) + " prior [" + priorLower[k] + ", " + priorUpper[k]
                        + "] vs training [" + trainingLower[k] + ", " + trainingUpper[k] + "]");
            }
        }
        if (!outside.isEmpty()) {
            throw new ExoretException(ExoretException.Kind.MISMATCH, "the prior reaches outside the surrogate's "
                    + "training ranges, where it would extrapolate: " + String.join("; ", outside)
                    + "; narrow the prior or train on a wider box");
        }
    }

    /** @return JSON text */
    public String toJson() {
        return GSON.toJson(this);
    }

    /**
     * @param bundle bundle folder
     * @return its descriptor
     */
    public static BundleDescriptor read(Path bundle) {
        Path file = bundle.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new ExoretException(ExoretException.Kind.MISSING_FILE,
                    "no surrogate bundle descriptor " + file + "; is " + bundle + " a folder written by exoret train?");
        }
        BundleDescriptor d;
        try {
            d = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), BundleDescriptor.class);
        } catch (IOException e) {
            throw new ExoretException(ExoretException.Kind.IO, "cannot read " + file + ": " + e.getMessage(), e);
        } catch (JsonParseException | ExoretException | NullPointerException e) {
            throw new ExoretException(ExoretException.Kind.MALFORMED_FILE,
                    "surrogate bundle descriptor " + file + " is not valid: " + e.getMessage(), e);
        }
        if (d == null || d.formatVersion() < OLDEST_FORMAT_VERSION || d.formatVersion() > FORMAT_VERSION) {
            throw new ExoretException(ExoretException.Kind.MALFORMED_FILE, "surrogate bundle " + file
                    + " has format version " + (d == null ? "none" : d.formatVersion()) + "; this exoret reads versions "
                    + OLDEST_FORMAT_VERSION + " to " + FORMAT_VERSION);
        }
        return d;
    }

    /** @param bundle bundle folder to write {@value #FILE_NAME} into */
    public void write(Path bundle) {
        try {
            Files.writeString(bundle.resolve(FILE_NAME), toJson(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ExoretException(ExoretException.Kind.IO, "cannot write " + bundle.resolve(FILE_NAME), e);
        }
    }
}
