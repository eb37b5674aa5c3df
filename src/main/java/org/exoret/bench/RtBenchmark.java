package org.exoret.bench;

import java.util.Arrays;
import org.exoret.ExoretException;
import org.exoret.rt.RtForwardModel;

/**
 * Timing of the radiative-transfer forward model: single-thread cost per spectrum and per (level × wavenumber)
 * cell (wall clock and thread CPU time), and batch throughput on all cores. Medians over repetitions after a
 * warm-up. On a shared machine the thread CPU time is the more robust figure: it excludes time the thread waited
 * for a core (though not slow-downs from other processes sharing caches or a hyper-threaded core).
 */
public final class RtBenchmark {

    /**
     * Results.
     *
     * @param nsPerCellOneThread median single-thread time per (level × wavenumber) cell, ns
     * @param msPerSpectrumOneThread median single-thread time per spectrum, ms
     * @param nsPerCellOneThreadCpu the same per cell in thread CPU time, ns (robust on a busy machine)
     * @param spectraPerSecondAllCores batch throughput on all cores, spectra s⁻¹ (median of 5 batches)
     * @param levels number of levels
     * @param wavenumbers number of wavenumbers
     * @param cores available processors
     */
    public record Result(double nsPerCellOneThread, double msPerSpectrumOneThread, double nsPerCellOneThreadCpu, double spectraPerSecondAllCores,
            int levels, int wavenumbers, int cores) {
    }

    private RtBenchmark() {
    }

    /**
     * @param model the model to time
     * @param theta the parameter vector (must be accepted)
     * @param repetitions timed single-thread spectra (at least 5)
     * @param batchSize rows per batch for the all-core measurement
     * @return the medians
     */
    public static Result run(RtForwardModel model, double[] theta, int repetitions, int batchSize) {
        if (repetitions < 5 || batchSize < 1) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT,
                    "the RT benchmark needs at least 5 repetitions and a positive batch size, got " + repetitions + " and " + batchSize);
        }
        int levels = model.pressureBar().length;
        int nu = model.wavenumberPerCm().length;
        double[] flux = new double[nu];
        // warm-up long enough for C2 to compile (and vectorise) the solver loops on a busy machine
        for (int i = 0; i < Math.max(30, repetitions); i++) {
            String reason = model.spectrumInto(theta, flux);
            if (reason != null) {
                throw new IllegalArgumentException("benchmark parameters rejected: " + reason);
            }
        }
        double[] ms = new double[repetitions];
        double[] cpuMs = new double[repetitions];
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < repetitions; i++) {
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            model.spectrumInto(theta, flux);
            ms[i] = (System.nanoTime() - t0) / 1e6;
            cpuMs[i] = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
        }
        double msMedian = median(ms);
        double[][] batch = new double[batchSize][];
        Arrays.fill(batch, theta);
        model.evaluate(batch);
        double[] rate = new double[5];
        for (int k = 0; k < rate.length; k++) {
            long t0 = System.nanoTime();
            model.evaluate(batch);
            rate[k] = batchSize / ((System.nanoTime() - t0) / 1e9);
        }
        return new Result(msMedian * 1e6 / ((double) levels * nu), msMedian, median(cpuMs) * 1e6 / ((double) levels * nu), median(rate), levels, nu,
                Runtime.getRuntime().availableProcessors());
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }
}
