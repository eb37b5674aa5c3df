package org.exoret.surrogate;

import java.util.stream.IntStream;

/**
 * A dense network evaluated with plain float loops on the Java side: for the few small layers of a fused surrogate and
 * calls of a few rows, this costs less than the per-operator JNI calls of the native engine (measured crossover in
 * benchmarks/results/surrogate.md). Each layer is
 * {@code y = W·x + b} accumulated in float32 as the native engine does (summation order differs, so results agree
 * to float32 rounding, not bit for bit), the hidden ones followed by the activation. Immutable and thread-safe
 * (buffers are per call).
 */
final class JavaDenseInference {

    /** Fewest rows worth handing to another core: below this the hand-over costs more than the rows. */
    private static final int ROWS_PER_TASK = 4;

    /**
     * Per layer and input {@code i}: the weights from input {@code i} to every output. One array per input, not one
     * flat matrix, because the JIT vectorises {@code y[k] += w[k]·x} only when every array shares the index {@code k}
     * (an offset into a second float array might alias {@code y}, and HotSpot then falls back to scalar code).
     */
    private final float[][][] weightRows;
    private final float[][] bias;
    private final Architecture.ActivationKind activation;

    /**
     * @param weights per layer the weight matrix outputs × inputs, row-major (DJL {@code Linear} layout)
     * @param biases per layer the bias, one per output
     * @param inputCount inputs of the first layer
     * @param activation activation after every layer but the last
     */
    JavaDenseInference(float[][] weights, float[][] biases, int inputCount, Architecture.ActivationKind activation) {
        int layers = weights.length;
        weightRows = new float[layers][][];
        bias = new float[layers][];
        int in = inputCount;
        for (int l = 0; l < layers; l++) {
            int out = biases[l].length;
            if (weights[l].length != out * in) {
                throw new IllegalArgumentException("layer " + l + ": " + weights[l].length + " weights for " + out
                        + " × " + in);
            }
            float[][] rows = new float[in][out];
            for (int k = 0; k < out; k++) {
                for (int i = 0; i < in; i++) {
                    rows[i][k] = weights[l][k * in + i];
                }
            }
            weightRows[l] = rows;
            bias[l] = biases[l].clone();
            in = out;
        }
        this.activation = activation;
    }

    /** @return outputs of the last layer */
    int outputCount() {
        return bias[bias.length - 1].length;
    }

    /**
     * Rows are independent, so a call of at least {@code 2 × ROWS_PER_TASK} rows is split into contiguous blocks on
     * the common fork-join pool (as the RT model spreads its spectra); each row's arithmetic is the same whatever the
     * split, so results do not depend on the core count.
     *
     * @param x n × inputs, row-major (normalised inputs)
     * @param n rows
     * @return n × outputs, row-major
     */
    float[] forward(float[] x, int n) {
        float[] result = new float[n * outputCount()];
        int tasks = Math.min(Runtime.getRuntime().availableProcessors(), n / ROWS_PER_TASK);
        if (tasks <= 1) {
            forwardRows(x, 0, n, result);
        } else {
            IntStream.range(0, tasks).parallel().forEach(t ->
                    forwardRows(x, (int) ((long) n * t / tasks), (int) ((long) n * (t + 1) / tasks), result));
        }
        return result;
    }

    /** Rows {@code from} (inclusive) to {@code to} through every layer, into {@code result}. */
    private void forwardRows(float[] x, int from, int to, float[] result) {
        int rows = to - from;
        float[] a = x;
        int first = from;
        for (int l = 0; l < weightRows.length; l++) {
            float[][] w = weightRows[l];
            int in = w.length;
            int out = bias[l].length;
            float[] b = new float[rows * out];
            float[] y = new float[out];
            int[] active = new int[in];
            for (int r = 0; r < rows; r++) {
                int ar = (first + r) * in;
                // inputs a ReLU has zeroed (about half) contribute nothing: list the others once per row (for smooth
                // activations the list is every input, for the cost of one comparison per input)
                int m = 0;
                for (int i = 0; i < in; i++) {
                    if (a[ar + i] != 0f) {
                        active[m++] = i;
                    }
                }
                System.arraycopy(bias[l], 0, y, 0, out);
                int j = 0;
                // four inputs per pass: one load and store of the output row per four products, and the loop still
                // vectorises; with eight, HotSpot's C2 (Java 17) emits scalar code and the path is 2.5 times slower
                for (; j + 4 <= m; j += 4) {
                    accumulateFour(y, w, a, ar, active, j);
                }
                for (; j < m; j++) {
                    float[] w0 = w[active[j]];
                    float x0 = a[ar + active[j]];
                    for (int k = 0; k < out; k++) {
                        y[k] += w0[k] * x0;
                    }
                }
                System.arraycopy(y, 0, b, r * out, out);
            }
            if (l < weightRows.length - 1) {
                activate(b, rows * out);
            }
            a = b;
            first = 0;
        }
        System.arraycopy(a, 0, result, from * outputCount(), a.length);
    }

    /** {@code y += Σ w[i]·a[i]} over the four inputs {@code active[j..j+3]} of the row starting at {@code ar}. */
    private static void accumulateFour(float[] y, float[][] w, float[] a, int ar, int[] active, int j) {
        float[] w0 = w[active[j]];
        float[] w1 = w[active[j + 1]];
        float[] w2 = w[active[j + 2]];
        float[] w3 = w[active[j + 3]];
        float x0 = a[ar + active[j]];
        float x1 = a[ar + active[j + 1]];
        float x2 = a[ar + active[j + 2]];
        float x3 = a[ar + active[j + 3]];
        for (int k = 0; k < y.length; k++) {
            y[k] += (w0[k] * x0 + w1[k] * x1) + (w2[k] * x2 + w3[k] * x3);
        }
    }

    private void activate(float[] v, int n) {
        switch (activation) {
            case RELU -> {
                for (int k = 0; k < n; k++) {
                    v[k] = Math.max(v[k], 0f);
                }
            }
            case LEAKY_RELU -> {
                for (int k = 0; k < n; k++) {
                    v[k] = v[k] > 0f ? v[k] : 0.01f * v[k];
                }
            }
            case TANH -> {
                for (int k = 0; k < n; k++) {
                    v[k] = (float) Math.tanh(v[k]);
                }
            }
            case GELU -> {
                for (int k = 0; k < n; k++) {
                    v[k] = GeluTable.apply(v[k]);
                }
            }
        }
    }
}
