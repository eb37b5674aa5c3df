package org.exoret.surrogate;

import ai.djl.Device;
import java.util.List;
import java.util.Set;
import org.exoret.ExoretException;
import org.exoret.forward.BandProjection;

/**
 * Everything that decides how a surrogate is trained. Build with {@link #builder()}; every option has a default
 * (given on its {@code opt} method). Immutable.
 */
public final class TrainingOptions {

    /**
     * The default network, dense 5×256 GELU: the most accurate (test p95 band error/σ) of thirteen candidates trained
     * on the HD 189733 b set with one recipe and budget ({@code exoret bench surrogate --compare-architectures};
     * benchmarks/results/surrogate-architectures.md, eleven networks, and surrogate-architectures-deeper.md, two deeper
     * ones), the network of the committed HD 189733 b bundle.
     */
    public static final Architecture DEFAULT_ARCHITECTURE =
            Architecture.dense(List.of(256, 256, 256, 256, 256), Architecture.ActivationKind.GELU);

    /**
     * The default learning-rate schedule, a cosine decay from 2e-3 to 1e-5 over the epoch budget: the recipe of the
     * committed HD 189733 b bundle (docs/reproduce-himes2022.md §4), under which the architectures are compared and
     * which beat MARGE's triangular2 cycle in the training-recipe comparison
     * (benchmarks/results/surrogate-training-recipe.md).
     */
    public static final LearningRateSchedule DEFAULT_SCHEDULE = LearningRateSchedule.cosine(2e-3, 1e-5);

    /**
     * Default output basis: the network learns the 128 leading principal components of the normalised spectra
     * (every component where the spectra have fewer channels). In the training-recipe comparison this, with the band
     * weight, lowered the test p95 band error/σ from 0.93 to 0.63 against training on every channel under the same
     * cosine schedule, at half the training time.
     */
    public static final int DEFAULT_OUTPUT_BASIS = 128;

    /**
     * Default weight of the band-depth term of the loss, where bands are given, an output basis is used and the
     * spectra are not log-scaled.
     */
    public static final double DEFAULT_BAND_WEIGHT = 0.01;

    /** Default epoch budget, the committed bundle's. */
    public static final int DEFAULT_EPOCHS = 120;

    private final Architecture architecture;
    private final LearningRateSchedule schedule;
    private final int batchSize;
    private final int maxEpochs;
    private final int patience;
    private final long seed;
    private final double validationFraction;
    private final double testFraction;
    private final Set<String> logInputs;
    private final boolean logOutputs;
    private final Device device;
    private final int trainingLimit;
    private final int plotCount;
    private final BandProjection bandProjection;
    private final double[] bandUncertainty;
    private final List<String> bandIds;
    private final int outputBasis;
    private final double bandWeight;

    private TrainingOptions(Builder b, double bandWeight) {
        architecture = b.architecture;
        schedule = b.schedule;
        batchSize = b.batchSize;
        maxEpochs = b.maxEpochs;
        patience = b.patience;
        seed = b.seed;
        validationFraction = b.validationFraction;
        testFraction = b.testFraction;
        logInputs = Set.copyOf(b.logInputs);
        logOutputs = b.logOutputs;
        device = b.device;
        trainingLimit = b.trainingLimit;
        plotCount = b.plotCount;
        bandProjection = b.bandProjection;
        bandUncertainty = b.bandUncertainty == null ? null : b.bandUncertainty.clone();
        bandIds = b.bandIds;
        outputBasis = b.outputBasis;
        this.bandWeight = bandWeight;
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the network */
    public Architecture architecture() {
        return architecture;
    }

    /** @return the learning-rate schedule */
    public LearningRateSchedule schedule() {
        return schedule;
    }

    /** @return samples per optimiser update */
    public int batchSize() {
        return batchSize;
    }

    /** @return the epoch budget */
    public int maxEpochs() {
        return maxEpochs;
    }

    /** @return epochs without validation improvement before stopping */
    public int patience() {
        return patience;
    }

    /** @return seed of initialisation, split and shuffling */
    public long seed() {
        return seed;
    }

    /** @return fraction of samples held out for validation */
    public double validationFraction() {
        return validationFraction;
    }

    /** @return fraction of samples held out for testing */
    public double testFraction() {
        return testFraction;
    }

    /** @return names of inputs that are log10-scaled */
    public Set<String> logInputs() {
        return logInputs;
    }

    /** @return whether the spectral outputs are log10-scaled (disables band fusion) */
    public boolean logOutputs() {
        return logOutputs;
    }

    /** @return the training device */
    public Device device() {
        return device;
    }

    /** @return the most training samples used (0: all of the training split), for learning curves */
    public int trainingLimit() {
        return trainingLimit;
    }

    /** @return how many test spectra to plot */
    public int plotCount() {
        return plotCount;
    }

    /** @return the band projection for band-depth metrics, or {@code null} */
    public BandProjection bandProjection() {
        return bandProjection;
    }

    /** @return 1σ uncertainty per band for band-depth metrics, or {@code null} */
    public double[] bandUncertainty() {
        return bandUncertainty == null ? null : bandUncertainty.clone();
    }

    /**
     * @return band ids of the projection, in observation order, when the projection is to be stored in the bundle
     *     ({@code band_projection.npz}); {@code null} when it only serves the metrics
     */
    public List<String> bandIds() {
        return bandIds;
    }

    /**
     * @return principal components of the normalised spectra the network is trained on ({@link OutputBasis}), at
     *     most (spectra of fewer channels use every component), or 0 to train on all channels; the bundle's network
     *     has all channels either way
     */
    public int outputBasis() {
        return outputBasis;
    }

    /**
     * @return weight of the mean squared band-depth error over σ in the training loss, next to the spectral error
     *     (0: spectral error only); needs an output basis and bands ({@link OutputBasis#bandWeighted})
     */
    public double bandWeight() {
        return bandWeight;
    }

    /** Collects options; {@link #build()} validates them. */
    public static final class Builder {
        private Architecture architecture = DEFAULT_ARCHITECTURE;
        private LearningRateSchedule schedule = DEFAULT_SCHEDULE;
        private int batchSize = 256;
        private int maxEpochs = DEFAULT_EPOCHS;
        private int patience = 30;
        private long seed = 1;
        private double validationFraction = 0.1;
        private double testFraction = 0.1;
        private Set<String> logInputs = Set.of();
        private boolean logOutputs;
        private Device device = Device.cpu();
        private int trainingLimit;
        private int plotCount = 4;
        private BandProjection bandProjection;
        private double[] bandUncertainty;
        private List<String> bandIds;
        private int outputBasis = DEFAULT_OUTPUT_BASIS;
        /** Null until set: then {@link #DEFAULT_BAND_WEIGHT} where bands and a basis allow it, otherwise 0. */
        private Double bandWeight;

        private Builder() {
        }

        /** @param a network; default {@link #DEFAULT_ARCHITECTURE} @return this */
        public Builder optArchitecture(Architecture a) {
            architecture = a;
            return this;
        }

        /** @param s schedule; default {@link #DEFAULT_SCHEDULE} @return this */
        public Builder optSchedule(LearningRateSchedule s) {
            schedule = s;
            return this;
        }

        /** @param n samples per update; default 256 (MARGE) @return this */
        public Builder optBatchSize(int n) {
            batchSize = n;
            return this;
        }

        /** @param n epoch budget; default {@link #DEFAULT_EPOCHS} @return this */
        public Builder optMaxEpochs(int n) {
            maxEpochs = n;
            return this;
        }

        /** @param n early-stopping patience in epochs; default 30 @return this */
        public Builder optPatience(int n) {
            patience = n;
            return this;
        }

        /** @param s seed; default 1 @return this */
        public Builder optSeed(long s) {
            seed = s;
            return this;
        }

        /**
         * @param validation validation fraction; default 0.1
         * @param test test fraction; default 0.1
         * @return this
         */
        public Builder optSplit(double validation, double test) {
            validationFraction = validation;
            testFraction = test;
            return this;
        }

        /** @param names inputs to log10-scale; default none @return this */
        public Builder optLogInputs(Set<String> names) {
            logInputs = Set.copyOf(names);
            return this;
        }

        /** @param log log10-scale the spectra; default false @return this */
        public Builder optLogOutputs(boolean log) {
            logOutputs = log;
            return this;
        }

        /** @param d device; default CPU @return this */
        public Builder optDevice(Device d) {
            device = d;
            return this;
        }

        /** @param n cap on training samples (0: all); default 0 @return this */
        public Builder optTrainingLimit(int n) {
            trainingLimit = n;
            return this;
        }

        /** @param n test spectra to plot; default 4 @return this */
        public Builder optPlotCount(int n) {
            plotCount = n;
            return this;
        }

        /**
         * @param projection band projection on the training grid
         * @param uncertainty 1σ per band (same units as band depths)
         * @return this
         */
        public Builder optBands(BandProjection projection, double[] uncertainty) {
            bandProjection = projection;
            bandUncertainty = uncertainty.clone();
            bandIds = null;
            return this;
        }

        /**
         * Band-depth metrics, and the projection stored in the bundle ({@code band_projection.npz}) so that
         * {@link SurrogateForwardModel#open(java.nio.file.Path, Device, boolean)} needs nothing else.
         *
         * @param projection band projection on the training grid
         * @param uncertainty 1σ per band (same units as band depths)
         * @param ids band ids in observation order, one per projection row, distinct
         * @return this
         */
        public Builder optBands(BandProjection projection, double[] uncertainty, List<String> ids) {
            optBands(projection, uncertainty);
            bandIds = List.copyOf(ids);
            return this;
        }

        /**
         * @param components principal components of the normalised spectra to train on, at most (spectra of fewer
         *     channels use all of theirs), or 0 to train on every channel; default {@link #DEFAULT_OUTPUT_BASIS}.
         *     Fewer components make each update cheaper and smooth the outputs, at the cost of a truncation residual
         *     that the training reports
         * @return this builder
         */
        public Builder optOutputBasis(int components) {
            outputBasis = components;
            return this;
        }

        /**
         * @param weight weight of the mean squared band-depth error over σ in the loss (0: none); needs an output
         *     basis, {@link #optBands} and spectra that are not log-scaled (band depths are linear in the spectrum);
         *     default {@link #DEFAULT_BAND_WEIGHT} where all three hold, otherwise 0
         * @return this builder
         */
        public Builder optBandWeight(double weight) {
            bandWeight = weight;
            return this;
        }

        /**
         * @return the options
         * @throws ExoretException when an option is out of range or the options contradict each other
         */
        public TrainingOptions build() {
            double weight = bandWeight != null ? bandWeight
                    : outputBasis > 0 && bandProjection != null && !logOutputs ? DEFAULT_BAND_WEIGHT : 0;
            if (outputBasis < 0) {
                throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT,
                        "the output basis takes 0 (all channels) or a positive number of components, got " + outputBasis);
            }
            if (!(weight >= 0) || Double.isInfinite(weight)) {
                throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT,
                        "the band weight must be a finite number ≥ 0, got " + weight);
            }
            if (weight > 0 && (outputBasis == 0 || bandProjection == null)) {
                throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "a band weight needs an output basis"
                        + " (--output-basis) and the bands of an RT configuration (--config)");
            }
            if (weight > 0 && logOutputs) {
                throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "a band weight needs linear spectra:"
                        + " band depths are linear in the spectrum, not in its log10; drop --log-outputs or give"
                        + " --band-weight 0");
            }
            if (batchSize < 1 || maxEpochs < 1 || patience < 1 || trainingLimit < 0 || plotCount < 0) {
                throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "batch size, epochs and patience must be"
                        + " ≥ 1 and the training limit and plot count ≥ 0; got " + batchSize + ", " + maxEpochs + ", "
                        + patience + ", " + trainingLimit + ", " + plotCount);
            }
            if (!(validationFraction > 0 && testFraction > 0 && validationFraction + testFraction < 1)) {
                throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "validation and test fractions must be "
                        + "positive and leave a training split, got " + validationFraction + " and " + testFraction);
            }
            if (bandProjection != null && bandUncertainty.length != bandProjection.bandCount()) {
                throw new ExoretException(ExoretException.Kind.MISMATCH, bandUncertainty.length
                        + " band uncertainties for " + bandProjection.bandCount() + " bands");
            }
            if (bandIds != null && (bandIds.size() != bandProjection.bandCount()
                    || Set.copyOf(bandIds).size() != bandIds.size())) {
                throw new ExoretException(ExoretException.Kind.MISMATCH, bandIds.size() + " band ids for "
                        + bandProjection.bandCount() + " bands, or repeated ids: " + bandIds);
            }
            if (bandUncertainty != null) {
                for (double s : bandUncertainty) {
                    ExoretException.requirePositive("band uncertainty", s);
                }
            }
            return new TrainingOptions(this, weight);
        }
    }
}
