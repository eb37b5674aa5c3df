package org.exoret.surrogate;

import java.util.stream.IntStream;
import org.apache.commons.math3.special.Erf;

/**
 * A dense network evaluated with plain float loops on the Java side: for the few small layers of a fused surrogate and
 * the few tens of rows of a sampler's call, this costs less than the per-operator JNI calls of the native engine
 * (measured crossover in benchmarks/results/surrogate.md). Each layer is
 * {@code y = W·x + b} accumulated in float32 as the native engine does (summation order differs, so results agree
 * to float32 rounding, not bit for bit), the hidden ones followed by the activation. Immutable and thread-safe
 * (buffers are per call).
 */
final class JavaDenseInference {

    /** Inputs folded into one pass over an output row; eight independent products keep the vector units busy. */
    private static final int UNROLL = 8;

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
        int layers = weightRows.length;
        float[][] activations = new float[layers][];
        int widest = weightRows[0].length;
        for (int l = 0; l < layers; l++) {
            activations[l] = new float[bias[l].length];
            widest = Math.max(widest, bias[l].length);
        }
        int[] active = new int[widest];
        for (int row = from; row < to; row++) {
            float[] a = x;
            int ar = row * weightRows[0].length;
            for (int l = 0; l < layers; l++) {
                float[] y = activations[l];
                layer(weightRows[l], bias[l], a, ar, active, y);
                if (l < layers - 1) {
                    activate(y, y.length);
                }
                a = y;
                ar = 0;
            }
            System.arraycopy(a, 0, result, row * a.length, a.length);
        }
    }

    /** {@code y = W·a + b} for the inputs {@code a[ar..]}; inputs a ReLU has zeroed (about half) are skipped. */
    private static void layer(float[][] w, float[] b, float[] a, int ar, int[] active, float[] y) {
        int in = w.length;
        int m = 0;
        for (int i = 0; i < in; i++) {
            if (a[ar + i] != 0f) {
                active[m++] = i;
            }
        }
        System.arraycopy(b, 0, y, 0, y.length);
        int j = 0;
        for (; j + UNROLL <= m; j += UNROLL) {
            accumulateEight(y, w, a, ar, active, j);
        }
        for (; j < m; j++) {
            float[] w0 = w[active[j]];
            float x0 = a[ar + active[j]];
            for (int k = 0; k < y.length; k++) {
                y[k] += w0[k] * x0;
            }
        }
    }

    /** {@code y += Σ w[i]·a[i]} over the eight inputs {@code active[j..j+7]} of the row starting at {@code ar}. */
    private static void accumulateEight(float[] y, float[][] w, float[] a, int ar, int[] active, int j) {
        float[] w0 = w[active[j]];
        float[] w1 = w[active[j + 1]];
        float[] w2 = w[active[j + 2]];
        float[] w3 = w[active[j + 3]];
        float[] w4 = w[active[j + 4]];
        float[] w5 = w[active[j + 5]];
        float[] w6 = w[active[j + 6]];
        float[] w7 = w[active[j + 7]];
        float x0 = a[ar + active[j]];
        float x1 = a[ar + active[j + 1]];
        float x2 = a[ar + active[j + 2]];
        float x3 = a[ar + active[j + 3]];
        float x4 = a[ar + active[j + 4]];
        float x5 = a[ar + active[j + 5]];
        float x6 = a[ar + active[j + 6]];
        float x7 = a[ar + active[j + 7]];
        for (int k = 0; k < y.length; k++) {
            y[k] += (w0[k] * x0 + w1[k] * x1 + w2[k] * x2 + w3[k] * x3)
                    + (w4[k] * x4 + w5[k] * x5 + w6[k] * x6 + w7[k] * x7);
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
            // exact GELU, x·Φ(x), as PyTorch's default (approximate = "none")
            case GELU -> {
                for (int k = 0; k < n; k++) {
                    v[k] = (float) (0.5 * v[k] * (1 + Erf.erf(v[k] / Math.sqrt(2))));
                }
            }
        }
    }
}
