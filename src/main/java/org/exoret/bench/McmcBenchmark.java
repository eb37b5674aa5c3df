package org.exoret.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.exoret.mcmc.ChainDifferentialMove;
import org.exoret.mcmc.DifferentialMove;
import org.exoret.mcmc.LogDensity;
import org.exoret.mcmc.MoveMix;
import org.exoret.mcmc.Parameter;
import org.exoret.mcmc.ParameterSpace;
import org.exoret.mcmc.Prior;
import org.exoret.mcmc.Sampler;
import org.exoret.mcmc.SamplerConfig;
import org.exoret.mcmc.SamplerListener;
import org.exoret.mcmc.SamplerResult;
import org.exoret.mcmc.SnookerMove;
import org.exoret.mcmc.convergence.AutocorrelationTime;

/**
 * Sampler benchmarks: (1) overhead per chain-iteration with a zero-cost target (proposal, prior check, batch
 * assembly, Metropolis test, archive); (2) efficiency on the 5-D correlated Gaussian (ρ = 0.9): effective
 * samples per 1000 target evaluations and per second, ESS from the integrated autocorrelation time
 * (the smallest over the parameters), for the default move mix and for single-move alternatives. Medians over
 * repeats. Post-burn-in evaluations are counted exactly by wrapping the target.
 */
public final class McmcBenchmark {

    private static final int DIMENSION = 5;
    private static final double RHO = 0.9;
    private static final int CHAINS = 10;

    private final int repeats;
    private final int iterations;
    private final int overheadIterations;

    /**
     * @param repeats timed repeats per figure (medians reported)
     * @param iterations iterations per chain of each efficiency run
     * @param overheadIterations iterations per chain of each overhead run
     */
    public McmcBenchmark(int repeats, int iterations, int overheadIterations) {
        this.repeats = repeats;
        this.iterations = iterations;
        this.overheadIterations = overheadIterations;
    }

    private static ParameterSpace space(double halfWidth) {
        List<Parameter> ps = new ArrayList<>();
        for (int j = 0; j < DIMENSION; j++) {
            ps.add(Parameter.of("x" + j, new Prior.Uniform(-halfWidth, halfWidth)));
        }
        return new ParameterSpace(ps);
    }

    /** @return figures, configuration and machine, ready for JSON */
    public Map<String, Object> run() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("date", Instant.now().toString());
        double[] overheadAndBytes = overheadMicroseconds();
        double overhead = overheadAndBytes[0];
        Map<String, MoveMix> mixes = new LinkedHashMap<>();
        mixes.put("default (DE-MCz 0.9 + snooker 0.1)", MoveMix.defaultMix());
        mixes.put("DE-MCz only", MoveMix.of(new DifferentialMove()));
        mixes.put("snooker only", MoveMix.of(new SnookerMove()));
        mixes.put("DE-MC on chain states only", MoveMix.of(new ChainDifferentialMove()));
        Map<String, Object> perMix = new LinkedHashMap<>();
        double[] defaults = null;
        for (Map.Entry<String, MoveMix> e : mixes.entrySet()) {
            double[] fig = efficiency(e.getValue());
            if (defaults == null) {
                defaults = fig;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ess_per_1000_evals", fig[0]);
            m.put("ess_per_s", fig[1]);
            m.put("acceptance_rate", fig[2]);
            perMix.put(e.getKey(), m);
        }
        out.put("overhead_us_per_chain_iteration", overhead);
        out.put("allocated_bytes_per_chain_iteration", overheadAndBytes[1]);
        out.put("ess_per_s_gaussian5d", defaults[1]);
        out.put("ess_per_1000_evals_gaussian5d", defaults[0]);
        out.put("move_mixes", perMix);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("target", "5-D Gaussian, unit variances, pairwise correlation 0.9; prior U(-20, 20) per parameter");
        config.put("chains", CHAINS);
        config.put("iterations_per_chain", iterations);
        config.put("burn_in_per_chain", iterations / 10);
        config.put("thinning", 1);
        config.put("ess", "integrated autocorrelation time (Sokal window c = 5, ACF averaged over chains), "
                + "smallest over the 5 parameters, post-burn-in");
        config.put("overhead_target", "zero-cost log density, d = 5, prior U(-1, 1), thinning 100, "
                + overheadIterations + " iterations × " + CHAINS + " chains, 1 thread");
        config.put("repeats", repeats);
        out.put("configuration", config);
        out.put("machine", MachineInfo.describe());
        return out;
    }

    /**
     * @return median µs per chain-iteration of a zero-cost run (initialisation and diagnostics included, both
     *     negligible), and bytes allocated per chain-iteration by the sampling thread (setup included)
     */
    private double[] overheadMicroseconds() {
        LogDensity zero = new LogDensity() {
            @Override
            public double[] logDensity(double[][] x) {
                return new double[x.length];
            }

            @Override
            public int logDensity(double[][] x, double[] out) {
                Arrays.fill(out, 0, x.length, 0.0);
                return x.length;
            }
        };
        SamplerConfig config = SamplerConfig.builder().setParameters(space(1)).setSeed(1).setIterations(overheadIterations)
                .optThinning(100).build();
        new Sampler(config.toBuilder().setIterations(Math.max(1000, overheadIterations / 10)).build(), zero).run(); // JIT warm-up
        double[] us = new double[repeats];
        double[] bytes = new double[repeats];
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        for (int r = 0; r < repeats; r++) {
            long b0 = threads.getThreadAllocatedBytes(tid);
            long t0 = System.nanoTime();
            new Sampler(config, zero).run();
            us[r] = (System.nanoTime() - t0) / 1e3 / ((double) overheadIterations * CHAINS);
            bytes[r] = (threads.getThreadAllocatedBytes(tid) - b0) / ((double) overheadIterations * CHAINS);
        }
        return new double[] {median(us), median(bytes)};
    }

    /** @return median {ESS per 1000 post-burn-in evaluations, ESS per second of the whole run, acceptance rate} */
    private double[] efficiency(MoveMix mix) {
        CorrelatedGaussian target = new CorrelatedGaussian(DIMENSION, RHO);
        double[] perEval = new double[repeats];
        double[] perSecond = new double[repeats];
        double[] acceptance = new double[repeats];
        int burnIn = iterations / 10;
        for (int r = 0; r < repeats; r++) {
            AtomicLong evaluations = new AtomicLong();
            AtomicLong atBurnIn = new AtomicLong();
            LogDensity counting = new LogDensity() {
                @Override
                public double[] logDensity(double[][] x) {
                    evaluations.addAndGet(x.length);
                    return target.logDensity(x);
                }

                @Override
                public int logDensity(double[][] x, double[] out) {
                    evaluations.addAndGet(x.length);
                    return target.logDensity(x, out);
                }
            };
            SamplerConfig config = SamplerConfig.builder().setParameters(space(20)).setSeed(100 + r)
                    .setIterations(iterations).optBurnIn(burnIn).optMoves(mix).optProgressEvery(burnIn)
                    .addListener(new SamplerListener() {
                        @Override
                        public void onProgress(Progress p) {
                            if (p.iteration() == burnIn) {
                                atBurnIn.set(evaluations.get());
                            }
                        }
                    }).build();
            long t0 = System.nanoTime();
            SamplerResult result = new Sampler(config, counting).run();
            double seconds = (System.nanoTime() - t0) / 1e9;
            double ess = Double.POSITIVE_INFINITY;
            for (int j = 0; j < DIMENSION; j++) {
                ess = Math.min(ess, AutocorrelationTime.estimate(result.chainsOf(j)).effectiveSampleSize());
            }
            perEval[r] = 1000 * ess / (evaluations.get() - atBurnIn.get());
            perSecond[r] = ess / seconds;
            acceptance[r] = result.acceptanceRate();
        }
        return new double[] {median(perEval), median(perSecond), median(acceptance)};
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }
}
