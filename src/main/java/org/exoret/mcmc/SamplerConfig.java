package org.exoret.mcmc;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.exoret.ExoretException;

/**
 * Immutable settings of a {@link Sampler} run. Build with {@link #builder()}: {@code setX} for required
 * settings, {@code optX} for optional ones (defaults in their Javadoc), {@code addListener} for listeners;
 * {@link Builder#build()} names the missing or inconsistent setting.
 */
public final class SamplerConfig {

    private final ParameterSpace parameters;
    private final long seed;
    private final int iterations;
    private final int chains;
    private final int burnIn;
    private final int thinning;
    private final double temperature;
    private final MoveMix moves;
    private final int initialArchiveSize;
    private final double[][] startPoints;
    private final int threads;
    private final Path checkpointFile;
    private final int checkpointEvery;
    private final boolean checkpointOnShutdown;
    private final double rhatStopThreshold;
    private final int rhatStopMinimumSamples;
    private final int progressEvery;
    private final List<SamplerListener> listeners;

    private SamplerConfig(Builder b) {
        this.parameters = b.parameters;
        this.seed = b.seed;
        this.iterations = b.iterations;
        this.chains = b.chains;
        this.burnIn = b.burnIn;
        this.thinning = b.thinning;
        this.temperature = b.temperature;
        this.moves = b.moves;
        this.initialArchiveSize = b.initialArchiveSize > 0 ? b.initialArchiveSize
                : 10 * Math.max(b.parameters.dimension(), b.chains);
        this.startPoints = b.startPoints;
        this.threads = b.threads;
        this.checkpointFile = b.checkpointFile;
        this.checkpointEvery = b.checkpointEvery;
        this.checkpointOnShutdown = b.checkpointOnShutdown;
        this.rhatStopThreshold = b.rhatStopThreshold;
        this.rhatStopMinimumSamples = b.rhatStopMinimumSamples;
        this.progressEvery = b.progressEvery > 0 ? b.progressEvery : Math.max(1, b.iterations / 100);
        this.listeners = List.copyOf(b.listeners);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this configuration's settings, for variants */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.parameters = parameters;
        b.seed = seed;
        b.seedSet = true;
        b.iterations = iterations;
        b.chains = chains;
        b.burnIn = burnIn;
        b.thinning = thinning;
        b.temperature = temperature;
        b.moves = moves;
        b.initialArchiveSize = initialArchiveSize;
        b.startPoints = startPoints;
        b.threads = threads;
        b.checkpointFile = checkpointFile;
        b.checkpointEvery = checkpointEvery;
        b.checkpointOnShutdown = checkpointOnShutdown;
        b.rhatStopThreshold = rhatStopThreshold;
        b.rhatStopMinimumSamples = rhatStopMinimumSamples;
        b.progressEvery = progressEvery;
        b.listeners.addAll(listeners);
        return b;
    }

    /** @return the parameters and priors */
    public ParameterSpace parameters() {
        return parameters;
    }

    /** @return the master seed */
    public long seed() {
        return seed;
    }

    /** @return iterations per chain (including burn-in) */
    public int iterations() {
        return iterations;
    }

    /** @return the number of chains */
    public int chains() {
        return chains;
    }

    /** @return burn-in iterations per chain */
    public int burnIn() {
        return burnIn;
    }

    /** @return K: every K-th iteration the chain states are archived and kept as posterior samples */
    public int thinning() {
        return thinning;
    }

    /** @return the likelihood temperature T ≥ 1: the chains sample prior × L^(1/T) ({@link TemperedDensity}) */
    public double temperature() {
        return temperature;
    }

    /** @return the move mix */
    public MoveMix moves() {
        return moves;
    }

    /** @return M0, the number of prior draws that seed the archive */
    public int initialArchiveSize() {
        return initialArchiveSize;
    }

    /** @return explicit chain start points (chains × d, a copy), if set */
    public Optional<double[][]> startPoints() {
        return Optional.ofNullable(startPoints).map(SamplerConfig::copy);
    }

    /** @return worker threads for the per-chain proposal and acceptance work */
    public int threads() {
        return threads;
    }

    /** @return the checkpoint file, if any */
    public Optional<Path> checkpointFile() {
        return Optional.ofNullable(checkpointFile);
    }

    /** @return checkpoint period in iterations (0: only at the end and on cancellation) */
    public int checkpointEvery() {
        return checkpointEvery;
    }

    /** @return whether a JVM shutdown (Ctrl-C) cancels the run and writes a checkpoint */
    public boolean checkpointOnShutdown() {
        return checkpointOnShutdown;
    }

    /** @return R̂ stop threshold (NaN: never stop early) */
    public double rhatStopThreshold() {
        return rhatStopThreshold;
    }

    /** @return fewest post-burn-in samples per chain before the R̂ stop may trigger */
    public int rhatStopMinimumSamples() {
        return rhatStopMinimumSamples;
    }

    /** @return iterations between progress reports and R̂ stop checks */
    public int progressEvery() {
        return progressEvery;
    }

    /** @return the listeners */
    public List<SamplerListener> listeners() {
        return listeners;
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    /** Collects settings; {@link #build()} validates them. Not thread-safe. */
    public static final class Builder {
        private ParameterSpace parameters;
        private long seed;
        private boolean seedSet;
        private int iterations;
        private int chains = 10;
        private int burnIn;
        private int thinning = 1;
        private double temperature = 1;
        private MoveMix moves = MoveMix.defaultMix();
        private int initialArchiveSize;
        private double[][] startPoints;
        private int threads = 1;
        private Path checkpointFile;
        private int checkpointEvery;
        private boolean checkpointOnShutdown;
        private double rhatStopThreshold = Double.NaN;
        private int rhatStopMinimumSamples;
        private int progressEvery;
        private final List<SamplerListener> listeners = new ArrayList<>();

        private Builder() {
        }

        /**
         * Required.
         *
         * @param space parameters and priors
         * @return this builder
         */
        public Builder setParameters(ParameterSpace space) {
            this.parameters = Objects.requireNonNull(space, "space");
            return this;
        }

        /**
         * Required: the master seed from which every random stream derives.
         *
         * @param masterSeed the seed
         * @return this builder
         */
        public Builder setSeed(long masterSeed) {
            this.seed = masterSeed;
            this.seedSet = true;
            return this;
        }

        /**
         * Required.
         *
         * @param perChain iterations per chain, including burn-in; positive
         * @return this builder
         */
        public Builder setIterations(int perChain) {
            this.iterations = perChain;
            return this;
        }

        /**
         * @param count number of chains (default 10; at least the move mix's minimum)
         * @return this builder
         */
        public Builder optChains(int count) {
            this.chains = count;
            return this;
        }

        /**
         * @param perChain burn-in iterations per chain, discarded from the posterior (default 0; MC3 keeps
         *     ⌊burnIn/thinning⌋ archived samples out)
         * @return this builder
         */
        public Builder optBurnIn(int perChain) {
            this.burnIn = perChain;
            return this;
        }

        /**
         * @param k archive and keep the chain states every k-th iteration (default 1, as MC3)
         * @return this builder
         */
        public Builder optThinning(int k) {
            this.thinning = k;
            return this;
        }

        /**
         * @param t likelihood temperature T ≥ 1 (default 1, the posterior): the chains sample prior × L^(1/T); a
         *     checkpoint records it, so a run cannot be resumed at another temperature
         * @return this builder
         */
        public Builder optTemperature(double t) {
            this.temperature = t;
            return this;
        }

        /**
         * @param mix the moves (default {@link MoveMix#defaultMix()}: differential 0.9, snooker 0.1)
         * @return this builder
         */
        public Builder optMoves(MoveMix mix) {
            this.moves = Objects.requireNonNull(mix, "mix");
            return this;
        }

        /**
         * @param m0 prior draws that seed the archive (default 10·max(d, chains); at least 10·d)
         * @return this builder
         */
        public Builder optInitialArchiveSize(int m0) {
            this.initialArchiveSize = m0;
            return this;
        }

        /**
         * @param points chains × d start states inside the prior (default: chain c starts at the c-th
         *     archive draw, chain 0 at the parameters' initial values when given); copied
         * @return this builder
         */
        public Builder optStartPoints(double[][] points) {
            this.startPoints = copy(points);
            return this;
        }

        /**
         * @param count worker threads for proposal and acceptance work (default 1); results do not depend on it
         * @return this builder
         */
        public Builder optThreads(int count) {
            this.threads = count;
            return this;
        }

        /**
         * @param file checkpoint file (written atomically: temporary file, then rename)
         * @param everyIterations period in iterations; 0 writes only at the end and on cancellation
         * @return this builder
         */
        public Builder optCheckpoint(Path file, int everyIterations) {
            this.checkpointFile = Objects.requireNonNull(file, "file");
            this.checkpointEvery = everyIterations;
            return this;
        }

        /**
         * @param enabled on JVM shutdown (Ctrl-C), cancel and write the checkpoint before exiting (default false;
         *     needs {@link #optCheckpoint})
         * @return this builder
         */
        public Builder optCheckpointOnShutdown(boolean enabled) {
            this.checkpointOnShutdown = enabled;
            return this;
        }

        /**
         * Stops early once every parameter's Gelman–Rubin R̂ (MC3's definition) is below the threshold
         * (MC3's grbreak; default off).
         *
         * @param threshold R̂ threshold, above 1 (e.g. 1.01)
         * @param minimumSamplesPerChain post-burn-in archived samples each chain must hold first
         * @return this builder
         */
        public Builder optRhatStop(double threshold, int minimumSamplesPerChain) {
            this.rhatStopThreshold = threshold;
            this.rhatStopMinimumSamples = minimumSamplesPerChain;
            return this;
        }

        /**
         * @param iterationsBetween iterations between progress reports and R̂ stop checks (default 1 % of the run)
         * @return this builder
         */
        public Builder optProgressEvery(int iterationsBetween) {
            this.progressEvery = iterationsBetween;
            return this;
        }

        /**
         * @param listener notified of start, progress and finish
         * @return this builder
         */
        public Builder addListener(SamplerListener listener) {
            this.listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** @return the validated configuration */
        public SamplerConfig build() {
            if (parameters == null) {
                throw config("parameters", "is required (setParameters)");
            }
            if (!seedSet) {
                throw config("seed", "is required (setSeed); runs are never seeded from the clock");
            }
            if (iterations <= 0) {
                throw config("iterations", "must be positive (setIterations), got " + iterations);
            }
            int d = parameters.dimension();
            if (chains < Math.max(2, moves.minimumChains())) {
                throw config("chains", "must be at least " + Math.max(2, moves.minimumChains()) + " for moves " + moves + ", got " + chains);
            }
            if (burnIn < 0 || burnIn >= iterations) {
                throw config("burnIn", "must lie in [0, iterations = " + iterations + "), got " + burnIn);
            }
            if (thinning <= 0) {
                throw config("thinning", "must be positive, got " + thinning);
            }
            if (!(temperature >= 1) || !Double.isFinite(temperature)) {
                throw config("temperature", "must be a finite number ≥ 1 (1 samples the posterior), got " + temperature);
            }
            if (initialArchiveSize != 0 && initialArchiveSize < Math.max(10 * d, chains)) {
                throw config("initialArchiveSize", "must be at least 10·d = " + 10 * d + " and at least the " + chains
                        + " chains, got " + initialArchiveSize);
            }
            if (threads <= 0) {
                throw config("threads", "must be positive, got " + threads);
            }
            if (checkpointFile != null && checkpointEvery < 0) {
                throw config("checkpointEvery", "must be 0 or positive, got " + checkpointEvery);
            }
            if (checkpointOnShutdown && checkpointFile == null) {
                throw config("checkpointOnShutdown", "needs a checkpoint file (optCheckpoint)");
            }
            if (!Double.isNaN(rhatStopThreshold) && !(rhatStopThreshold > 1 && Double.isFinite(rhatStopThreshold))) {
                throw config("rhatStop", "threshold must be a finite number above 1, got " + rhatStopThreshold);
            }
            if (progressEvery < 0) {
                throw config("progressEvery", "must be positive, got " + progressEvery);
            }
            if (startPoints != null) {
                checkStartPoints(d);
            }
            return new SamplerConfig(this);
        }

        private void checkStartPoints(int d) {
            if (startPoints.length != chains) {
                throw config("startPoints", "has " + startPoints.length + " rows, one per chain (" + chains + ") is needed");
            }
            for (int c = 0; c < chains; c++) {
                if (startPoints[c].length != d) {
                    throw new ExoretException(ExoretException.Kind.MISMATCH, "start point of chain " + c + " has "
                            + startPoints[c].length + " values, the space has " + d + " free parameters");
                }
                for (int j = 0; j < d; j++) {
                    double v = startPoints[c][j];
                    String name = parameters.freeNames().get(j);
                    if (!Double.isFinite(v)) {
                        throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT,
                                "start point of chain " + c + ": parameter '" + name + "' is " + v + "; give a finite value");
                    }
                    if (!parameters.prior(j).contains(v)) {
                        throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "start point of chain " + c
                                + ": parameter '" + name + "' = " + v + " lies outside its prior " + parameters.prior(j));
                    }
                }
            }
        }

        private static ExoretException config(String key, String problem) {
            return new ExoretException(ExoretException.Kind.CONFIGURATION, "sampler setting '" + key + "' " + problem);
        }
    }
}
