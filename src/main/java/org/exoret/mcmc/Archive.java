package org.exoret.mcmc;

import java.util.Arrays;

/**
 * The archive Z of ter Braak &amp; Vrugt (2008): M0 prior draws (chain index −1, log posterior NaN: not
 * evaluated) followed by every chain's state each K-th iteration, in chain order, with its log posterior.
 * This is MC3's Z array; the archived chain states are also the posterior samples. Row-major storage,
 * grown by doubling. Not thread-safe: appended between iterations only.
 */
final class Archive {

    private final int dimension;
    private double[] values;
    private double[] logPosterior;
    private int[] chain;
    private int size;

    Archive(int dimension, int capacity) {
        this.dimension = dimension;
        this.values = new double[Math.max(1, capacity) * dimension];
        this.logPosterior = new double[Math.max(1, capacity)];
        this.chain = new int[Math.max(1, capacity)];
    }

    int size() {
        return size;
    }

    int dimension() {
        return dimension;
    }

    double value(int row, int j) {
        return values[row * dimension + j];
    }

    double logPosterior(int row) {
        return logPosterior[row];
    }

    int chain(int row) {
        return chain[row];
    }

    void append(double[] x, double logPost, int chainIndex) {
        if (size == chain.length) {
            int cap = 2 * chain.length;
            values = Arrays.copyOf(values, cap * dimension);
            logPosterior = Arrays.copyOf(logPosterior, cap);
            chain = Arrays.copyOf(chain, cap);
        }
        System.arraycopy(x, 0, values, size * dimension, dimension);
        logPosterior[size] = logPost;
        chain[size] = chainIndex;
        size++;
    }

    /** Overwrites the state of an existing row (used when a rejected start draw is replaced). */
    void set(int row, double[] x, double logPost) {
        System.arraycopy(x, 0, values, row * dimension, dimension);
        logPosterior[row] = logPost;
    }

    /**
     * @param capacity rows to hold without growing
     */
    void ensureCapacity(int capacity) {
        if (capacity > chain.length) {
            values = Arrays.copyOf(values, capacity * dimension);
            logPosterior = Arrays.copyOf(logPosterior, capacity);
            chain = Arrays.copyOf(chain, capacity);
        }
    }
}
