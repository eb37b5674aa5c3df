package org.exoret.surrogate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.exoret.ExoretException;

/**
 * The leading principal components of the normalised training spectra, used as a reduced output basis while
 * training: the network learns K coefficients instead of all w channels, which removes most of the cost of its last
 * layer (w × hidden multiply–accumulates per sample and per update) and the channel-to-channel noise a full output
 * layer has to fit. After training, the coefficient layer and the basis are merged into one linear layer of w
 * outputs ({@link #merge}), so a bundle holds an ordinary network and band fusion applies unchanged.
 *
 * <p>Coefficients are {@code c = Uᵀ(y − μ)/s} with {@code s = √(w/K)}: then the mean squared coefficient error equals
 * the merged network's mean squared error per channel, in normalised units, less the truncation residual. The
 * components come from the training split's covariance by subspace iteration with a Rayleigh–Ritz step (Halko,
 * Martinsson &amp; Tropp 2011, SIAM Rev. 53, 217, Alg. 4.4), seeded. Immutable.
 */
final class OutputBasis {

    /** Power iterations of the subspace iteration: ample for the fast-decaying spectra of emission spectra. */
    private static final int ITERATIONS = 12;

    /** Spectra per block of the covariance accumulation (bounded at about 32 MB of doubles). */
    private static final int BLOCK_DOUBLES = 1 << 22;

    private final double[] mean;
    private final double[][] components;
    private final double[] eigenvalues;
    private final double scale;
    private final double truncationMse;
    /** Uᵀ/s as float32, w × K row-major: the projection onto coefficients. */
    private final float[] projection;
    /** Upper triangular T of the target metric, targets t = T·c; {@code null} for the identity. */
    private final RealMatrix metric;
    /** T⁻¹, or {@code null}. */
    private final RealMatrix metricInverse;

    private OutputBasis(double[] mean, double[][] components, double[] eigenvalues, double truncationMse,
                        RealMatrix metric) {
        this.mean = mean;
        this.components = components;
        this.eigenvalues = eigenvalues;
        this.scale = Math.sqrt((double) mean.length / components.length);
        this.truncationMse = truncationMse;
        this.metric = metric;
        this.metricInverse = metric == null ? null
                : new LUDecomposition(metric).getSolver().getInverse();
        int count = components.length;
        projection = new float[mean.length * count];
        for (int k = 0; k < count; k++) {
            for (int j = 0; j < mean.length; j++) {
                projection[j * count + k] = (float) (components[k][j] / scale);
            }
        }
    }

    /** Supplies normalised spectrum {@code i} of the fitting rows. */
    @FunctionalInterface
    interface Rows {
        /**
         * @param i row, 0 … count−1
         * @param normalised receives the w normalised channels
         */
        void read(int i, float[] normalised);
    }

    /**
     * Fits the basis.
     *
     * @param count components K, 1 ≤ K ≤ w (K = w: every direction, a rotation of the spectrum)
     * @param channels w
     * @param rows number of fitting rows (the training split)
     * @param source the normalised spectra
     * @param seed seed of the random start of the subspace iteration
     * @param manager CPU manager for the matrix products
     * @return the basis
     */
    static OutputBasis fit(int count, int channels, int rows, Rows source, long seed, NDManager manager) {
        if (count < 1 || count > channels) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "the output basis needs between 1 and "
                    + channels + " components (at most the " + channels + " channels), got " + count);
        }
        if (rows < 2) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT,
                    "an output basis needs at least 2 training spectra, got " + rows
                            + "; train on every channel instead (--output-basis 0)");
        }
        double[] mean = new double[channels];
        double[] meanSquare = new double[channels];
        try (NDManager m = manager.newSubManager()) {
            NDArray covariance = m.zeros(new Shape(channels, channels), DataType.FLOAT64);
            int block = Math.max(1, Math.min(rows, BLOCK_DOUBLES / channels));
            double[] buffer = new double[block * channels];
            float[] y = new float[channels];
            for (int from = 0; from < rows; from += block) {
                int n = Math.min(block, rows - from);
                for (int i = 0; i < n; i++) {
                    source.read(from + i, y);
                    for (int j = 0; j < channels; j++) {
                        buffer[i * channels + j] = y[j];
                        mean[j] += y[j];
                        meanSquare[j] += (double) y[j] * y[j];
                    }
                }
                try (NDArray x = m.create(n == block ? buffer : Arrays.copyOf(buffer, n * channels),
                        new Shape(n, channels)); NDArray gram = x.transpose().dot(x)) {
                    covariance.addi(gram);
                }
            }
            double totalVariance = 0;
            for (int j = 0; j < channels; j++) {
                mean[j] /= rows;
                totalVariance += meanSquare[j] / rows - mean[j] * mean[j];
            }
            NDArray mu = m.create(mean, new Shape(channels, 1));
            covariance.divi(rows).subi(mu.dot(mu.transpose()));

            int width = Math.min(channels, count + Math.max(10, count / 4));
            UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed ^ 0x9E3779B97F4A7C15L);
            ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
            double[][] q = new double[width][channels];
            for (double[] column : q) {
                Arrays.setAll(column, j -> gauss.sample());
            }
            orthonormalise(q, gauss);
            for (int it = 0; it < ITERATIONS; it++) {
                q = multiply(covariance, q, m);
                orthonormalise(q, gauss);
            }
            double[][] cq = multiply(covariance, q, m);
            double[][] small = new double[width][width];
            for (int a = 0; a < width; a++) {
                for (int b = 0; b <= a; b++) {
                    double dot = 0.5 * (dot(q[a], cq[b]) + dot(q[b], cq[a]));
                    small[a][b] = dot;
                    small[b][a] = dot;
                }
            }
            EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(small, false));
            double[] values = eigen.getRealEigenvalues();
            RealMatrix vectors = eigen.getV();
            Integer[] order = IntStream.range(0, width).boxed().toArray(Integer[]::new);
            Arrays.sort(order, Comparator.comparingDouble(k -> -values[k]));
            double[][] components = new double[count][channels];
            double[] kept = new double[count];
            double captured = 0;
            for (int k = 0; k < count; k++) {
                int e = order[k];
                kept[k] = Math.max(values[e], 0);
                captured += kept[k];
                for (int a = 0; a < width; a++) {
                    double v = vectors.getEntry(a, e);
                    for (int j = 0; j < channels; j++) {
                        components[k][j] += v * q[a][j];
                    }
                }
            }
            return new OutputBasis(mean, components, kept, Math.max(totalVariance - captured, 0) / channels, null);
        }
    }

    /**
     * The same basis with band-weighted targets: the training loss, a mean squared error over the K targets, becomes
     * the mean squared spectral error per channel plus {@code weight ×} the mean over bands of (band-depth error/σ)²,
     * the figure that decides whether a posterior moves. Both are quadratic in the coefficient error Δc, so targets
     * {@code t = T·c} with {@code TᵀT = I + (weight·K/B)·GᵀΣ⁻²G} (G: band depths per coefficient, Σ: band σ, B bands;
     * T from a Cholesky factorisation) turn the plain mean squared error into that loss, up to the band-depth share
     * of the truncation residual, which no coefficient can change. T is folded back by
     * {@link #merge}, so the network's form does not change.
     *
     * @param bands band projection of physical spectra (w channels)
     * @param sigma 1σ per band, in band-depth units
     * @param out the normalisation of the spectra (physical = slope·normalised + intercept)
     * @param weight weight of the band term, &gt; 0
     * @return the weighted basis
     */
    OutputBasis bandWeighted(org.exoret.forward.BandProjection bands, double[] sigma, AffineScaling out,
                             double weight) {
        int count = components.length;
        int channels = mean.length;
        int bandCount = bands.bandCount();
        if (bands.wavenumberCount() != channels || sigma.length != bandCount) {
            throw new ExoretException(ExoretException.Kind.MISMATCH, "band weighting needs a projection of " + channels
                    + " channels and one σ per band; got " + bands.wavenumberCount() + " channels, " + bandCount
                    + " bands and " + sigma.length + " σ");
        }
        if (!(weight > 0) || !Double.isFinite(weight)) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "band weight must be > 0, got " + weight);
        }
        double[][] m = new double[count][count];
        double[] g = new double[count];
        double factor = weight * count / bandCount;
        for (int b = 0; b < bandCount; b++) {
            double[] p = bands.weights(b);
            Arrays.fill(g, 0);
            for (int j = 0; j < channels; j++) {
                double pj = p[j] * out.slope(j) * scale / sigma[b];
                if (pj != 0) {
                    for (int k = 0; k < count; k++) {
                        g[k] += pj * components[k][j];
                    }
                }
            }
            for (int k = 0; k < count; k++) {
                for (int l = 0; l < count; l++) {
                    m[k][l] += factor * g[k] * g[l];
                }
            }
        }
        for (int k = 0; k < count; k++) {
            m[k][k] += 1;
        }
        RealMatrix upper = new CholeskyDecomposition(new Array2DRowRealMatrix(m, false), 1e-10, 1e-14).getLT();
        return new OutputBasis(mean, components, eigenvalues, truncationMse, upper);
    }

    /** {@code covariance · Q} with Q given as columns. */
    private static double[][] multiply(NDArray covariance, double[][] columns, NDManager m) {
        int width = columns.length;
        int channels = columns[0].length;
        double[] flat = new double[width * channels];
        for (int a = 0; a < width; a++) {
            System.arraycopy(columns[a], 0, flat, a * channels, channels);
        }
        try (NDArray qt = m.create(flat, new Shape(width, channels));
             NDArray product = qt.dot(covariance)) {
            double[] out = product.toDoubleArray();
            double[][] result = new double[width][];
            for (int a = 0; a < width; a++) {
                result[a] = Arrays.copyOfRange(out, a * channels, (a + 1) * channels);
            }
            return result;
        }
    }

    /**
     * Modified Gram–Schmidt, twice ("twice is enough", Giraud et al. 2005), in place; a column that vanishes (a
     * covariance of lower rank than the iteration width) is replaced by a fresh random direction.
     */
    private static void orthonormalise(double[][] q, ZigguratSampler.NormalizedGaussian gauss) {
        for (int a = 0; a < q.length; a++) {
            double before = Math.sqrt(dot(q[a], q[a]));
            for (int pass = 0; pass < 2; pass++) {
                for (int b = 0; b < a; b++) {
                    double r = dot(q[b], q[a]);
                    for (int j = 0; j < q[a].length; j++) {
                        q[a][j] -= r * q[b][j];
                    }
                }
            }
            double norm = Math.sqrt(dot(q[a], q[a]));
            if (!(norm > 1e-12 * before) || norm == 0) {
                Arrays.setAll(q[a], j -> gauss.sample());
                a--;
                continue;
            }
            for (int j = 0; j < q[a].length; j++) {
                q[a][j] /= norm;
            }
        }
    }

    private static double[] toDouble(float[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i];
        }
        return d;
    }

    private static double dot(double[] x, double[] y) {
        double s = 0;
        for (int j = 0; j < x.length; j++) {
            s += x[j] * y[j];
        }
        return s;
    }

    /** @return w, the channels of the spectra it represents */
    int outputCount() {
        return mean.length;
    }

    /** @return K, the number of components */
    int size() {
        return components.length;
    }

    /** @return the variance captured by each component, normalised units², largest first */
    double[] eigenvalues() {
        return eigenvalues.clone();
    }

    /** @return mean squared residual per channel of the truncation over the fitting rows, normalised units² */
    double truncationMse() {
        return truncationMse;
    }

    /**
     * Training targets of normalised spectra, and what the basis leaves out of each.
     *
     * @param targets n × K targets, row-major
     * @param residuals per spectrum, the mean squared truncation residual per channel, normalised units²
     */
    record Projection(float[] targets, double[] residuals) {
    }

    /**
     * Projects a block of normalised spectra.
     *
     * @param normalised n × w, row-major
     * @param n rows
     * @param m manager for the product
     * @return targets and truncation residuals
     */
    Projection project(float[] normalised, int n, NDManager m) {
        int channels = mean.length;
        int count = components.length;
        float[] centred = new float[n * channels];
        double[] residuals = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < channels; j++) {
                float d = (float) (normalised[i * channels + j] - mean[j]);
                centred[i * channels + j] = d;
                residuals[i] += (double) d * d;
            }
        }
        float[] c;
        try (NDArray y = m.create(centred, new Shape(n, channels));
             NDArray u = m.create(projection, new Shape(channels, count));
             NDArray product = y.dot(u)) {
            c = product.toFloatArray();
        }
        double[] plain = new double[count];
        for (int i = 0; i < n; i++) {
            double captured = 0;
            for (int k = 0; k < count; k++) {
                plain[k] = c[i * count + k];
                captured += plain[k] * plain[k];
            }
            residuals[i] = Math.max(residuals[i] - scale * scale * captured, 0) / channels;
            if (metric != null) {
                double[] t = metric.operate(plain);
                for (int k = 0; k < count; k++) {
                    c[i * count + k] = (float) t[k];
                }
            }
        }
        return new Projection(c, residuals);
    }

    /**
     * Merges a target layer {@code t = W·a + b} (DJL layout, K × h) with the basis into the equivalent layer of
     * w outputs: coefficients {@code c = T⁻¹t}, weight {@code s·U·T⁻¹·W}, bias {@code s·U·T⁻¹·b + μ}.
     *
     * @param weight K × h, row-major
     * @param bias K
     * @return {weight w × h row-major, bias w}
     */
    float[][] merge(float[] weight, float[] bias) {
        int count = components.length;
        int channels = mean.length;
        int hidden = weight.length / count;
        if (weight.length != count * hidden || bias.length != count) {
            throw new IllegalArgumentException("a coefficient layer of " + count + " outputs was expected");
        }
        if (metricInverse != null) {
            double[][] unmetric = new double[count][hidden];
            for (int k = 0; k < count; k++) {
                for (int h = 0; h < hidden; h++) {
                    unmetric[k][h] = weight[k * hidden + h];
                }
            }
            RealMatrix w = metricInverse.multiply(new Array2DRowRealMatrix(unmetric, false));
            double[] b = metricInverse.operate(toDouble(bias));
            weight = new float[count * hidden];
            bias = new float[count];
            for (int k = 0; k < count; k++) {
                for (int h = 0; h < hidden; h++) {
                    weight[k * hidden + h] = (float) w.getEntry(k, h);
                }
                bias[k] = (float) b[k];
            }
        }
        float[] mergedWeight = new float[channels * hidden];
        float[] mergedBias = new float[channels];
        double[] row = new double[hidden];
        for (int j = 0; j < channels; j++) {
            Arrays.fill(row, 0);
            double b = mean[j];
            for (int k = 0; k < count; k++) {
                double u = scale * components[k][j];
                b += u * bias[k];
                for (int h = 0; h < hidden; h++) {
                    row[h] += u * weight[k * hidden + h];
                }
            }
            for (int h = 0; h < hidden; h++) {
                mergedWeight[j * hidden + h] = (float) row[h];
            }
            mergedBias[j] = (float) b;
        }
        return new float[][] {mergedWeight, mergedBias};
    }
}
