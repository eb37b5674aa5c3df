package org.exoret.mcmc;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.exoret.ExoretException;
import org.exoret.mcmc.convergence.GelmanRubin;

/**
 * The population MCMC sampler: N chains step synchronously with DE-MCz and snooker moves (ter Braak &amp;
 * Vrugt 2008, Statistics and Computing 18, 435–446) as MC3's "snooker" sampler (Cubillos et al. 2017, AJ 153,
 * 3). Each iteration proposes for all chains, rejects out-of-prior proposals without evaluating them and
 * evaluates the rest in one batched {@link LogDensity} call. Every K-th iteration (the thinning) the chain
 * states join the archive Z, which both feeds the moves and holds the posterior samples.
 *
 * <p>Reproducible: one master seed gives one jumped XoRoShiRo128++ stream per chain and one for the initial
 * archive; a run's samples depend on the seed and the configuration only, not on the thread count. A
 * checkpoint holds the whole state, so {@link #resume(Path)} continues sample for sample as an uninterrupted
 * run would. A sampler runs one run at a time; {@link #cancel()} may be called from any thread.
 */
public final class Sampler {

    private static final long SHUTDOWN_WAIT_SECONDS = 60;

    private final SamplerConfig config;
    private final LogDensity likelihood;
    private volatile boolean cancelled;

    /**
     * @param config the settings
     * @param logLikelihood the log-likelihood on free-parameter vectors (e.g. a {@link GaussianLikelihood});
     *     the log posterior is this (divided by {@link SamplerConfig#temperature()} when tempered) plus the log prior
     */
    public Sampler(SamplerConfig config, LogDensity logLikelihood) {
        this.config = Objects.requireNonNull(config, "config");
        Objects.requireNonNull(logLikelihood, "logLikelihood");
        this.likelihood = config.temperature() == 1 ? logLikelihood
                : new TemperedDensity(logLikelihood, config.temperature());
    }

    /** @return the configuration */
    public SamplerConfig config() {
        return config;
    }

    /** Asks a running {@link #run()} or {@link #resume(Path)} to stop after the current iteration (and checkpoint). */
    public void cancel() {
        cancelled = true;
    }

    /**
     * Runs from the start.
     *
     * @return the samples and diagnostics
     */
    public SamplerResult run() {
        cancelled = false;
        int n = config.chains();
        ChainRandom[] streams = ChainRandom.streams(config.seed(), n + 1);
        Population pop = new Population(config.parameters(), n, config.thinning(), config.initialArchiveSize(),
                archiveCapacity(), config.moves(), likelihood);
        pop.random = Arrays.copyOf(streams, n);
        pop.initialise(streams[n], config.startPoints().orElse(null), config.parameters().initialPoint().orElse(null));
        return loop(pop);
    }

    /**
     * Continues the run saved in a checkpoint up to {@link SamplerConfig#iterations()} per chain. The checkpoint
     * must come from the same dimension, parameter names, priors, chains, thinning and moves.
     *
     * @param checkpoint a checkpoint file written by this sampler's configuration
     * @return the samples and diagnostics of the whole run
     */
    public SamplerResult resume(Path checkpoint) {
        cancelled = false;
        Population pop = Checkpoint.read(checkpoint, config, likelihood, archiveCapacity());
        return loop(pop);
    }

    private int archiveCapacity() {
        long rows = config.initialArchiveSize() + (long) config.chains() * (config.iterations() / config.thinning());
        return (int) Math.min(rows, Integer.MAX_VALUE / Math.max(1, config.parameters().dimension()));
    }

    private SamplerResult loop(Population pop) {
        int total = config.iterations();
        int first = (int) pop.iteration;
        Path checkpoint = config.checkpointFile().orElse(null);
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = null;
        if (config.checkpointOnShutdown()) {
            hook = new Thread(() -> {
                cancel();
                try {
                    finished.await(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "exoret-sampler-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
        }
        ExecutorService executor = config.threads() > 1 ? Executors.newFixedThreadPool(config.threads()) : null;
        int[][] blocks = blocks(pop.chainCount, config.threads());
        SamplerResult.StopReason reason = SamplerResult.StopReason.COMPLETED;
        try {
            config.listeners().forEach(l -> l.onStart(total, (int) pop.iteration));
            while (pop.iteration < total) {
                if (cancelled) {
                    reason = SamplerResult.StopReason.CANCELLED;
                    break;
                }
                pop.step(executor, blocks);
                int it = (int) pop.iteration;
                if (checkpoint != null && config.checkpointEvery() > 0 && it % config.checkpointEvery() == 0) {
                    Checkpoint.write(checkpoint, config, pop);
                }
                if (it % config.progressEvery() == 0 || it == total) {
                    if (report(pop)) {
                        reason = SamplerResult.StopReason.CONVERGED;
                        break;
                    }
                }
            }
            if (checkpoint != null) {
                Checkpoint.write(checkpoint, config, pop);
            }
            SamplerResult result = SamplerResult.of(config, pop, reason, first);
            config.listeners().forEach(l -> l.onFinish(result));
            return result;
        } finally {
            if (executor != null) {
                executor.shutdownNow();
            }
            finished.countDown();
            if (hook != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the JVM is exiting: the hook is running and waits on the latch released above
                }
            }
        }
    }

    /** Sends a progress report and evaluates the R̂ stop rule; returns whether to stop. */
    private boolean report(Population pop) {
        boolean wantStop = !Double.isNaN(config.rhatStopThreshold());
        if (config.listeners().isEmpty() && !wantStop) {
            return false;
        }
        int kept = SamplerResult.keptPerChain(config, pop);
        double[] rhat = new double[pop.dimension];
        Arrays.fill(rhat, Double.NaN);
        if (kept >= GelmanRubin.MIN_DRAWS) {
            double[][][] chains = SamplerResult.chainsByParameter(config, pop);
            for (int j = 0; j < pop.dimension; j++) {
                rhat[j] = GelmanRubin.psrf(chains[j]);
            }
        }
        long proposals = (long) pop.chainCount * pop.iteration;
        SamplerListener.Progress progress = new SamplerListener.Progress((int) pop.iteration, config.iterations(),
                pop.totalAccepted() / (double) proposals, pop.bestLogPosterior[pop.bestChain()], rhat);
        config.listeners().forEach(l -> l.onProgress(progress));
        if (!wantStop || kept < Math.max(GelmanRubin.MIN_DRAWS, config.rhatStopMinimumSamples())) {
            return false;
        }
        for (double r : rhat) {
            if (!(r < config.rhatStopThreshold())) {
                return false;
            }
        }
        return true;
    }

    private static int[][] blocks(int chains, int threads) {
        int t = Math.min(threads, chains);
        int[][] b = new int[t][2];
        for (int k = 0; k < t; k++) {
            b[k][0] = k * chains / t;
            b[k][1] = (k + 1) * chains / t;
        }
        return b;
    }
}
