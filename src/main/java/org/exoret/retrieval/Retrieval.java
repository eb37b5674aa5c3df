package org.exoret.retrieval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Objects;
import java.util.function.IntConsumer;
import org.exoret.ExoretException;
import org.exoret.data.DataRoot;
import org.exoret.forward.ForwardModel;
import org.exoret.mcmc.GaussianLikelihood;
import org.exoret.mcmc.Sampler;
import org.exoret.mcmc.SamplerConfig;
import org.exoret.mcmc.SamplerListener;
import org.exoret.mcmc.SamplerResult;
import org.exoret.posterior.Posterior;
import org.exoret.rt.RtForwardModel;
import org.exoret.rt.TemperatureRange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a retrieval: builds the forward model the configuration names, wraps it in a Gaussian likelihood on the
 * observed band depths, samples the posterior with the population sampler (checkpointing into the output
 * folder), and writes posterior files, summary, plots and a report.
 *
 * <pre>{@code
 * RetrievalConfig config = RetrievalConfig.read(Path.of("data/hd189733b_demo.cfg"));
 * RetrievalResult result = Retrieval.builder(config).optProgress(true).build().run();
 * System.out.println(result.summaryText());
 * }</pre>
 */
public final class Retrieval {

    /** File name of the sampler checkpoint inside the output folder. */
    public static final String CHECKPOINT = "checkpoint.bin";

    private static final Logger LOG = LoggerFactory.getLogger(Retrieval.class);

    private final RetrievalConfig config;
    private final DataRoot dataRoot;
    private final ForwardModelFactory factory;
    private final List<SamplerListener> listeners;
    private final boolean writeOutputs;
    private final IntConsumer rtCheckProgress;
    private volatile Sampler running;
    private volatile boolean cancelled;

    private Retrieval(Builder b) {
        this.config = b.config;
        this.dataRoot = b.dataRoot;
        this.factory = b.factory;
        this.listeners = List.copyOf(b.listeners);
        this.writeOutputs = b.writeOutputs;
        this.rtCheckProgress = b.rtCheckProgress;
    }

    /**
     * @param config the retrieval set-up
     * @return a builder; defaults: data root from the environment, forward model from the configuration, no progress
     */
    public static Builder builder(RetrievalConfig config) {
        return new Builder(config);
    }

    /**
     * Runs a retrieval with default settings.
     *
     * @param config the retrieval set-up
     * @return the result, with its outputs written
     */
    public static RetrievalResult run(RetrievalConfig config) {
        return builder(config).build().run();
    }

    /**
     * Runs from the start; an existing checkpoint in the output folder is overwritten.
     *
     * @return the result
     */
    public RetrievalResult run() {
        return execute(false);
    }

    /**
     * Continues a killed run from the checkpoint in the output folder; the result equals an uninterrupted run's.
     *
     * @return the result
     */
    public RetrievalResult resume() {
        Path checkpoint = config.output().resolve(CHECKPOINT);
        if (!Files.isRegularFile(checkpoint)) {
            throw new ExoretException(ExoretException.Kind.MISSING_FILE, "cannot resume: no checkpoint " + checkpoint
                    + " (the run never reached its first checkpoint, or 'output' changed); run without --resume");
        }
        return execute(true);
    }

    private RetrievalResult execute(boolean resume) {
        try {
            Files.createDirectories(config.output());
        } catch (IOException e) {
            throw new ExoretException(ExoretException.Kind.IO, "cannot create output folder " + config.output(), e);
        }
        long setupStart = System.nanoTime();
        try (ForwardModel model = factory.open(config, dataRoot)) {
            checkModel(model);
            double setupSeconds = (System.nanoTime() - setupStart) * 1e-9;
            long rtSetupStart = System.nanoTime();
            // opened before sampling, so that a missing data kit is reported before hours of sampling, not after
            try (ForwardModel rt = config.rtCheckDraws() > 0 ? RtForwardModel.fromConfig(config.rt(), dataRoot) : null) {
                double rtSetupSeconds = (System.nanoTime() - rtSetupStart) * 1e-9;
                GaussianLikelihood likelihood = new GaussianLikelihood(model, config.parameters(), config.data(),
                        config.uncertainty());
                long start = System.nanoTime();
                SamplerResult samples = sample(likelihood, resume);
                double samplingSeconds = (System.nanoTime() - start) * 1e-9;
                RetrievalResult result = new RetrievalResult(config, samples, setupSeconds, samplingSeconds, null, 0);
                if (rt != null && !result.cancelled()) {
                    long checkStart = System.nanoTime();
                    RtReweighting check;
                    try {
                        check = rtCheck(samples.posterior(), likelihood, rt);
                    } catch (RuntimeException e) {
                        // the posterior is worth keeping without its check
                        if (writeOutputs) {
                            RetrievalOutputs.write(result, model);
                        }
                        throw e;
                    }
                    double checkSeconds = rtSetupSeconds + (System.nanoTime() - checkStart) * 1e-9;
                    result = new RetrievalResult(config, samples, setupSeconds, samplingSeconds, check, checkSeconds);
                }
                if (writeOutputs && !result.cancelled()) {
                    RetrievalOutputs.write(result, model);
                }
                return result;
            }
        }
    }

    /**
     * The allowed temperatures as a joint prior: for surrogate retrievals only, since the RT refuses profiles outside
     * [Tmin, Tmax] itself, while a surrogate, never trained there, would not.
     */
    static Optional<TemperatureRange> temperaturePrior(RetrievalConfig config) {
        return config.model() == ForwardModelKind.SURROGATE ? Optional.of(new TemperatureRange(config.rt()))
                : Optional.empty();
    }

    private SamplerResult sample(GaussianLikelihood likelihood, boolean resume) {
        SamplerConfig.Builder sb = SamplerConfig.builder()
                .setParameters(temperaturePrior(config).map(range -> config.parameters().withSupport(range::admits,
                        range.toString())).orElse(config.parameters()))
                .setSeed(config.seed())
                .setIterations(config.iterationsPerChain())
                .optChains(config.chains())
                .optBurnIn(config.burnIn())
                .optThinning(config.thinning())
                .optTemperature(config.temperature())
                .optMoves(config.moves())
                .optThreads(config.threads())
                .optCheckpoint(config.output().resolve(CHECKPOINT), config.checkpointEvery())
                .optCheckpointOnShutdown(true);
        if (!Double.isNaN(config.rhatStop())) {
            sb.optRhatStop(config.rhatStop(), config.rhatMinSamples());
        }
        listeners.forEach(sb::addListener);
        Sampler sampler = new Sampler(sb.build(), likelihood);
        running = sampler;
        if (cancelled) {
            sampler.cancel();
        }
        return resume ? sampler.resume(config.output().resolve(CHECKPOINT)) : sampler.run();
    }

    /**
     * Runs the RT at posterior draws and reweights them ({@link RtReweighting}), seeded by the sampler's seed;
     * {@link #cancel()} stops it between blocks of draws.
     */
    private RtReweighting rtCheck(Posterior posterior, GaussianLikelihood surrogate, ForwardModel rt) {
        LOG.info("RT check: evaluating the RT reference at {} posterior draws", config.rtCheckDraws());
        GaussianLikelihood rtLikelihood = new GaussianLikelihood(rt, config.parameters(), config.data(),
                config.uncertainty());
        return RtReweighting.compute(posterior, surrogate, rtLikelihood, config.rtCheckDraws(), config.seed(), done -> {
            if (cancelled) {
                throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "the RT check was cancelled after "
                        + done + " draws; the posterior without it is in " + config.output());
            }
            rtCheckProgress.accept(done);
        });
    }

    /**
     * Asks a running retrieval to stop after the current iteration and write its checkpoint, from which
     * {@link #resume()} continues exactly. Safe to call from any thread, e.g. a sampler listener.
     */
    public void cancel() {
        cancelled = true;
        Sampler s = running;
        if (s != null) {
            s.cancel();
        }
    }

    private void checkModel(ForwardModel model) {
        List<String> expected = config.parameters().names();
        if (!model.parameterNames().equals(expected)) {
            throw new ExoretException(ExoretException.Kind.MISMATCH, "the " + config.model().name().toLowerCase()
                    + " forward model takes parameters " + model.parameterNames() + ", the configuration " + config.file()
                    + " defines " + expected + " (from [rt] molfit)");
        }
        if (model.bandCount() != config.data().length) {
            throw new ExoretException(ExoretException.Kind.MISMATCH, "the forward model computes " + model.bandCount()
                    + " band depths, the configuration " + config.file() + " has " + config.data().length
                    + " observations; filters and data must correspond one to one");
        }
    }

    /** Opens the forward model of a configuration; the default builds the RT reference or loads the surrogate bundle. */
    @FunctionalInterface
    public interface ForwardModelFactory {
        /**
         * @param config the retrieval set-up
         * @param dataRoot where input data lies
         * @return an open forward model, closed by the retrieval
         */
        ForwardModel open(RetrievalConfig config, DataRoot dataRoot);
    }

    /** Collects a retrieval's run settings. */
    public static final class Builder {
        private final RetrievalConfig config;
        private DataRoot dataRoot = DataRoot.fromEnvironment();
        private ForwardModelFactory factory = ForwardModels::open;
        private final List<SamplerListener> listeners = new ArrayList<>();
        private boolean writeOutputs = true;
        private IntConsumer rtCheckProgress = done -> { };

        private Builder(RetrievalConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        /**
         * @param root the data root (default: {@link DataRoot#fromEnvironment()})
         * @return this builder
         */
        public Builder optDataRoot(DataRoot root) {
            this.dataRoot = Objects.requireNonNull(root, "root");
            return this;
        }

        /**
         * @param modelFactory opens the forward model (default: from the configuration's {@code model} key)
         * @return this builder
         */
        public Builder optForwardModelFactory(ForwardModelFactory modelFactory) {
            this.factory = Objects.requireNonNull(modelFactory, "modelFactory");
            return this;
        }

        /**
         * @param listener observes the sampler (e.g. a progress bar)
         * @return this builder
         */
        public Builder addListener(SamplerListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * @param progress receives the number of posterior draws the RT check has evaluated so far (with
         *     {@code rt_check}), e.g. to move a progress bar
         * @return this builder
         */
        public Builder optRtCheckProgress(IntConsumer progress) {
            this.rtCheckProgress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        /**
         * @param write whether to write posterior files, summary, plots and report (default true)
         * @return this builder
         */
        public Builder optWriteOutputs(boolean write) {
            this.writeOutputs = write;
            return this;
        }

        /** @return the retrieval */
        public Retrieval build() {
            return new Retrieval(this);
        }
    }
}
