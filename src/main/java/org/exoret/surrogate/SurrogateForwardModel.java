package org.exoret.surrogate;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.exoret.ExoretException;
import org.exoret.atmosphere.StreamSymmetry;
import org.exoret.forward.BandProjection;
import org.exoret.forward.ForwardModel;
import org.exoret.forward.ForwardResult;

/**
 * The neural surrogate as a {@link ForwardModel}: a trained bundle evaluated with DJL (PyTorch), one native forward
 * pass per batch, in a child {@link NDManager} closed at the end of each call, so native memory does not grow.
 *
 * <p><b>Band fusion.</b> When the outputs are not log-scaled, de-normalisation ({@code F_j = a_j·s_j + b_j}) and the
 * {@link BandProjection} ({@code d_b = Σ_j P_bj F_j}) are linear, so with the last layer {@code s = W·h + c} they fold
 * into one bands × hidden layer: {@code d = (P·diag(a)·W)·h + P·(a∘c + b)} (computed once, in double precision).
 * {@link #evaluate} then never forms the spectrum; {@link #evaluateWithSpectra} always uses the unfused path.
 *
 * <p><b>Inference path.</b> With {@link Inference#JAVA} the fused band depths of a dense network are computed by
 * plain float loops on the Java side, which at the batch sizes of a sampler (one row per chain, ~10) is cheaper than
 * the native engine's per-operator JNI calls (measured by {@code exoret bench surrogate}); the native path stays for
 * spectra, conv networks and GPUs. Both agree to float32 rounding.
 *
 * <p>Rows outside the training box are rejected (the network would extrapolate). Thread-safe; {@link #close()} is
 * idempotent and waits for running evaluations.
 */
public final class SurrogateForwardModel implements ForwardModel {

    /**
     * Below this many rows per call, {@link Inference#AUTO} computes fused band depths on the Java side: measured on
     * the 9-parameter, 79-band HD 189733 b bundle (dense 5×256 GELU), the Java path costs 31 µs per row at one row
     * against native PyTorch's 104 µs; at ten rows the two are level (18–20 µs), and from there the native cost per
     * row keeps falling (8 µs at 100 rows against Java's 13; benchmarks/results/surrogate.md).
     */
    public static final int JAVA_ROW_LIMIT = 10;

    /** Where fused band depths are computed. */
    public enum Inference {
        /**
         * {@link #JAVA} for calls of fewer than {@link #JAVA_ROW_LIMIT} rows where it applies (CPU, dense network,
         * band fusion), else {@link #NATIVE}.
         */
        AUTO,
        /** The DJL engine (PyTorch), on the model's device. */
        NATIVE,
        /** Float loops on the Java side; needs the CPU, a dense network and band fusion. */
        JAVA
    }

    private final BundleDescriptor descriptor;
    private final BandProjection projection;
    private final Model model;
    private final List<Block> hidden;
    private final Block last;
    private final NDArray fusedWeight;
    private final NDArray fusedBias;
    private final JavaDenseInference javaFused;
    private final int javaRowLimit;
    private final AffineScaling in;
    private final AffineScaling out;
    private final double[] lower;
    private final double[] upper;
    /** Mirror images share a spectrum: the network evaluates one of them ({@link StreamSymmetry#canonical}). */
    private final StreamSymmetry streams;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean closed;

    private SurrogateForwardModel(BundleDescriptor descriptor, BandProjection projection, Model model, boolean fuse,
                                  Inference inference) {
        this.descriptor = descriptor;
        this.projection = projection;
        this.model = model;
        this.in = new AffineScaling(descriptor.inputScaling());
        this.out = new AffineScaling(descriptor.outputScaling());
        this.lower = descriptor.trainingLower();
        this.upper = descriptor.trainingUpper();
        this.streams = StreamSymmetry.in(descriptor.parameterNames()).orElse(null);
        List<Block> blocks = new ArrayList<>();
        ((SequentialBlock) model.getBlock()).getChildren().values().forEach(blocks::add);
        this.last = blocks.remove(blocks.size() - 1);
        this.hidden = List.copyOf(blocks);
        this.javaRowLimit = inference == Inference.JAVA ? Integer.MAX_VALUE : JAVA_ROW_LIMIT;
        if (fuse) {
            float[][] fused = fuse();
            int bands = projection.bandCount();
            int h = fused[0].length / bands;
            NDManager m = model.getNDManager();
            fusedWeight = m.create(fused[0], new Shape(h, bands));
            fusedBias = m.create(fused[1], new Shape(bands));
            javaFused = inference == Inference.NATIVE ? null : javaInference(fused[0], fused[1], h);
        } else {
            fusedWeight = null;
            fusedBias = null;
            javaFused = null;
        }
    }

    /** The hidden Linear layers as read from the network, then the fused bands × hidden layer. */
    private JavaDenseInference javaInference(float[] fusedT, float[] fusedC, int h) {
        List<float[]> weights = new ArrayList<>();
        List<float[]> biases = new ArrayList<>();
        for (Block b : hidden) {
            if (b instanceof ai.djl.nn.core.Linear) {
                weights.add(b.getParameters().get("weight").getArray().toFloatArray());
                biases.add(b.getParameters().get("bias").getArray().toFloatArray());
            }
        }
        int bands = fusedC.length;
        float[] fused = new float[bands * h];
        for (int k = 0; k < h; k++) {
            for (int b = 0; b < bands; b++) {
                fused[b * h + k] = fusedT[k * bands + b];
            }
        }
        weights.add(fused);
        biases.add(fusedC);
        return new JavaDenseInference(weights.toArray(float[][]::new), biases.toArray(float[][]::new), in.size(),
                descriptor.architecture().activation());
    }

    /**
     * Opens a bundle with the band projection stored in it ({@code band_projection.npz}, written by
     * {@code exoret train --config}). Check the bands against the observations with
     * {@link BundleDescriptor#requireBands}.
     *
     * @param bundle the bundle folder
     * @param device where to run (CPU, or a CUDA GPU with the gpu build)
     * @param fuse fold de-normalisation and the projection into the last layer (needs linear outputs)
     * @return the forward model; close it to release native memory
     */
    public static SurrogateForwardModel open(Path bundle, Device device, boolean fuse) {
        return open(bundle, device, fuse, Inference.AUTO);
    }

    /**
     * As {@link #open(Path, Device, boolean)}, choosing the inference path.
     *
     * @param bundle the bundle folder
     * @param device where to run
     * @param fuse fold de-normalisation and the projection into the last layer
     * @param inference where fused band depths are computed
     * @return the forward model; close it to release native memory
     */
    public static SurrogateForwardModel open(Path bundle, Device device, boolean fuse, Inference inference) {
        return open(bundle, StoredBandProjection.read(bundle, BundleDescriptor.read(bundle)), device, fuse, inference);
    }

    /**
     * Opens a bundle with a band projection given by the caller.
     *
     * @param bundle the bundle folder
     * @param projection band projection on the bundle's wavenumber grid
     * @param device where to run (CPU, or a CUDA GPU with the gpu build)
     * @param fuse fold de-normalisation and the projection into the last layer (needs linear outputs)
     * @return the forward model; close it to release native memory
     */
    public static SurrogateForwardModel open(Path bundle, BandProjection projection, Device device, boolean fuse) {
        return open(bundle, projection, device, fuse, Inference.AUTO);
    }

    /**
     * As {@link #open(Path, BandProjection, Device, boolean)}, choosing the inference path.
     *
     * @param bundle the bundle folder
     * @param projection band projection on the bundle's wavenumber grid
     * @param device where to run
     * @param fuse fold de-normalisation and the projection into the last layer
     * @param inference where fused band depths are computed; {@link Inference#JAVA} needs the CPU, a dense network
     *     and {@code fuse}
     * @return the forward model; close it to release native memory
     */
    public static SurrogateForwardModel open(Path bundle, BandProjection projection, Device device, boolean fuse,
                                             Inference inference) {
        BundleDescriptor d = BundleDescriptor.read(bundle);
        int w = d.wavenumberPerCm().length;
        if (projection.wavenumberCount() != w) {
            throw new ExoretException(ExoretException.Kind.MISMATCH, "the band projection has "
                    + projection.wavenumberCount() + " wavenumbers; bundle " + bundle + " predicts " + w);
        }
        if (fuse && d.outputScaling().anyLog()) {
            throw new ExoretException(ExoretException.Kind.CONFIGURATION, "bundle " + bundle + " was trained with "
                    + "log10-scaled spectra, which are not linear in the network outputs; open it without band fusion");
        }
        boolean javaApplies = fuse && d.architecture().kind() == Architecture.Kind.DENSE && Device.Type.CPU.equals(device.getDeviceType());
        if (inference == Inference.JAVA && !javaApplies) {
            throw new ExoretException(ExoretException.Kind.CONFIGURATION, "Java-side inference of bundle " + bundle
                    + " needs the CPU, a dense network and band fusion (device " + device + ", "
                    + d.architecture().describe() + ", fuse " + fuse + "); use the native inference path");
        }
        Inference chosen = inference == Inference.AUTO && !javaApplies ? Inference.NATIVE : inference;
        Path params = bundle.resolve(d.modelName() + "-0000.params");
        if (!Files.isRegularFile(params)) {
            throw new ExoretException(ExoretException.Kind.MISSING_FILE, "bundle " + bundle + " lacks its network "
                    + "parameters " + params.getFileName());
        }
        Model model = Model.newInstance(d.modelName(), Devices.requireAvailable(device));
        try {
            model.setBlock(d.architecture().build(w));
            model.load(bundle, d.modelName());
            return new SurrogateForwardModel(d, projection, model, fuse, chosen);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            if (e instanceof ExoretException ee) {
                throw ee;
            }
            throw new ExoretException(ExoretException.Kind.MALFORMED_FILE, "cannot load the network of bundle " + bundle
                    + " as " + d.architecture().describe() + ": " + e.getMessage(), e);
        }
    }

    /** @return the fused weights hidden × bands (row-major) and bias per band, float32 */
    private float[][] fuse() {
        NDArray weight = last.getParameters().get("weight").getArray();
        NDArray bias = last.getParameters().get("bias").getArray();
        int w = (int) weight.getShape().get(0);
        int h = (int) weight.getShape().get(1);
        float[] wl = weight.toFloatArray();
        float[] bl = bias.toFloatArray();
        int bands = projection.bandCount();
        float[] fusedT = new float[h * bands];
        float[] fusedC = new float[bands];
        for (int b = 0; b < bands; b++) {
            double[] pb = projection.weights(b);
            double[] acc = new double[h];
            double c = 0;
            for (int j = 0; j < w; j++) {
                double pa = pb[j] * out.slope(j);
                if (pa != 0) {
                    for (int k = 0; k < h; k++) {
                        acc[k] += pa * wl[j * h + k];
                    }
                }
                c += pa * bl[j] + pb[j] * out.intercept(j);
            }
            for (int k = 0; k < h; k++) {
                fusedT[k * bands + b] = (float) acc[k];
            }
            fusedC[b] = (float) c;
        }
        return new float[][] {fusedT, fusedC};
    }

    /** @return the bundle's descriptor */
    public BundleDescriptor descriptor() {
        return descriptor;
    }

    /** @return whether fused band depths may be computed on the Java side (always with {@link Inference#JAVA},
     *     below {@link #JAVA_ROW_LIMIT} rows with {@link Inference#AUTO}) */
    public boolean javaInference() {
        return javaFused != null;
    }

    /** @return whether band depths come from the fused last layer */
    public boolean fused() {
        return fusedWeight != null;
    }

    /**
     * Refuses a retrieval whose parameters or grid differ from the bundle's, or whose prior reaches outside the
     * training box.
     *
     * @param names retrieval parameter names, in order
     * @param wavenumberPerCm retrieval wavenumber grid, cm⁻¹
     * @param priorLower prior lower bounds
     * @param priorUpper prior upper bounds
     */
    public void requireCompatible(List<String> names, double[] wavenumberPerCm, double[] priorLower, double[] priorUpper) {
        descriptor.requireCompatible(names, wavenumberPerCm);
        descriptor.requirePriorInside(priorLower, priorUpper);
    }

    @Override
    public List<String> parameterNames() {
        return descriptor.parameterNames();
    }

    @Override
    public int bandCount() {
        return projection.bandCount();
    }

    @Override
    public double[] wavenumberPerCm() {
        return descriptor.wavenumberPerCm();
    }

    @Override
    public ForwardResult evaluate(double[][] theta) {
        return run(theta, false);
    }

    @Override
    public ForwardResult evaluateWithSpectra(double[][] theta) {
        return run(theta, true);
    }

    private ForwardResult run(double[][] theta, boolean withSpectra) {
        int p = in.size();
        int w = out.size();
        String[] rejection = new String[theta.length];
        int[] rows = new int[theta.length];
        int n = 0;
        for (int i = 0; i < theta.length; i++) {
            if (theta[i].length != p) {
                throw new ExoretException(ExoretException.Kind.MISMATCH,
                        "row " + i + " has " + theta[i].length + " parameters, the surrogate takes " + p);
            }
            for (int k = 0; k < p; k++) {
                double v = theta[i][k];
                if (Double.isNaN(v)) {
                    throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT,
                            "row " + i + ": " + descriptor.parameterNames().get(k) + " is NaN");
                }
                if (rejection[i] == null && (v < lower[k] || v > upper[k])) {
                    rejection[i] = descriptor.parameterNames().get(k) + " = " + v + " is outside the training range ["
                            + lower[k] + ", " + upper[k] + "]";
                }
            }
            if (rejection[i] == null) {
                rows[n++] = i;
            }
        }
        double[][] depth = new double[theta.length][];
        double[][] spectra = withSpectra ? new double[theta.length][] : null;
        if (n == 0) {
            return ForwardResult.of(depth, spectra, rejection);
        }
        float[] x = new float[n * p];
        for (int r = 0; r < n; r++) {
            double[] point = theta[rows[r]];
            in.normaliseInto(streams == null ? point : streams.canonical(point, lower, upper), x, r * p);
        }
        lock.readLock().lock();
        try {
            if (closed) {
                throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "the surrogate forward model is closed");
            }
            if (!withSpectra && javaFused != null && n < javaRowLimit) {
                scatter(javaFused.forward(x, n), n, rows, depth);
                return ForwardResult.of(depth, spectra, rejection);
            }
            try (NDManager m = model.getNDManager().newSubManager()) {
                ParameterStore store = new ParameterStore(m, false);
                NDList h = new NDList(m.create(x, new Shape(n, p)));
                for (Block b : hidden) {
                    h = b.forward(store, h, false);
                }
                if (!withSpectra && fusedWeight != null) {
                    scatter(h.singletonOrThrow().matMul(fusedWeight).add(fusedBias).toFloatArray(), n, rows, depth);
                } else {
                    float[] s = last.forward(store, h, false).singletonOrThrow().toFloatArray();
                    for (int r = 0; r < n; r++) {
                        double[] f = new double[w];
                        out.denormaliseInto(s, r * w, f);
                        depth[rows[r]] = projection.apply(f);
                        if (withSpectra) {
                            spectra[rows[r]] = f;
                        }
                    }
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        return ForwardResult.of(depth, spectra, rejection);
    }

    /**
     * The manager that owns the network's native arrays; each call's arrays live in a child of it, closed before the
     * call returns. Tests count {@link NDManager#getManagedArrays()} on it to show that calls leave nothing behind.
     */
    NDManager nativeManager() {
        return model.getNDManager();
    }

    /** Copies n × bands fused depths into the rows they came from. */
    private void scatter(float[] d, int n, int[] rows, double[][] depth) {
        int bands = projection.bandCount();
        for (int r = 0; r < n; r++) {
            double[] row = new double[bands];
            for (int b = 0; b < bands; b++) {
                row[b] = d[r * bands + b];
            }
            depth[rows[r]] = row;
        }
    }

    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                model.close();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }
}
