package org.exoret.surrogate;

import org.apache.commons.math3.special.Erf;

/**
 * A dense network evaluated with plain float loops on the Java side: for the few small layers of a fused surrogate,
 * a single row costs less this way than the per-operator JNI calls of the native engine (measured crossover in
 * benchmarks/results/surrogate.md). Each layer is
 * {@code y = W·x + b} accumulated in float32 as the native engine does (summation order differs, so results agree
 * to float32 rounding, not bit for bit), the hidden ones followed by the activation. Immutable and thread-safe
 * (buffers are per call).
 */
final class JavaDenseInference {

    /** Per layer: weights transposed to inputs × outputs, row-major, so the inner loop is a vectorisable axpy. */
    private final float[][] weightT;
    private final float[][] bias;
    private final int[] inputs;
    private final Architecture.ActivationKind activation;

    /**
     * @param weights per layer the weight matrix outputs × inputs, row-major (DJL {@code Linear} layout)
     * @param biases per layer the bias, one per output
     * @param inputCount inputs of the first layer
     * @param activation activation after every layer but the last
     */
    JavaDenseInference(float[][] weights, float[][] biases, int inputCount, Architecture.ActivationKind activation) {
        int layers = weights.length;
        weightT = new float[layers][];
        bias = new float[layers][];
        inputs = new int[layers];
        int in = inputCount;
        for (int l = 0; l < layers; l++) {
            int out = biases[l].length;
            if (weights[l].length != out * in) {
                throw new IllegalArgumentException("layer " + l + ": " + weights[l].length + " weights for " + out
                        + " × " + in);
            }
            float[] t = new float[in * out];
            for (int k = 0; k < out; k++) {
                for (int i = 0; i < in; i++) {
                    t[i * out + k] = weights[l][k * in + i];
                }
            }
            weightT[l] = t;
            bias[l] = biases[l].clone();
            inputs[l] = in;
            in = out;
        }
        this.activation = activation;
    }

    /** @return outputs of the last layer */
    int outputCount() {
        return bias[bias.length - 1].length;
    }

    /**
     * @param x n × inputs, row-major (normalised inputs)
     * @param n rows
     * @return n × outputs, row-major
     */
    float[] forward(float[] x, int n) {
        float[] a = x;
        for (int l = 0; l < weightT.length; l++) {
            int in = inputs[l];
            int out = bias[l].length;
            float[] w = weightT[l];
            float[] b = new float[n * out];
            for (int r = 0; r < n; r++) {
                System.arraycopy(bias[l], 0, b, r * out, out);
            }
            // weight row i is reused for every row of the batch while it sits in L1
            for (int i = 0; i < in; i++) {
                int wi = i * out;
                for (int r = 0; r < n; r++) {
                    float xi = a[r * in + i];
                    if (xi != 0f) {
                        int br = r * out;
                        for (int k = 0; k < out; k++) {
                            b[br + k] += w[wi + k] * xi;
                        }
                    }
                }
            }
            if (l < weightT.length - 1) {
                activate(b, n * out);
            }
            a = b;
        }
        return a;
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
