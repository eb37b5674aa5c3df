package org.exoret.surrogate;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.core.Linear;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.exoret.ExoretException;

/**
 * The surrogate's network, as data: a dense multilayer perceptron, or a 1-D convolution over the (normalised)
 * parameter vector followed by dense layers, as in MARGE (Himes et al. 2022, PSJ 3, 91, §2.2: Conv1D(64) + 3×Dense
 * and 4×Dense). The last layer is always a linear map to the outputs, which is what makes band fusion possible.
 * Immutable; {@link #build(int)} gives a fresh, uninitialised DJL block each time, so a saved model reloads into
 * exactly the network it was trained as.
 *
 * @param kind dense or conv
 * @param hiddenWidths units of each hidden dense layer, at least one
 * @param activation activation after every hidden layer (and after the convolution)
 * @param convFilters output channels of the convolution (conv only; 0 for dense)
 * @param convKernel odd kernel width of the convolution, padded to keep the length (conv only; 0 for dense)
 */
public record Architecture(Kind kind, List<Integer> hiddenWidths, ActivationKind activation, int convFilters,
                           int convKernel) {

    /** What {@link #describe()} writes. */
    private static final Pattern DESCRIPTION =
            Pattern.compile("(?:conv(\\d{1,6})k(\\d{1,3})\\s*\\+\\s*)?dense\\s+(\\d{1,6}(?:x\\d{1,6})*)\\s+([\\w-]+)");

    /** Network families. */
    public enum Kind {
        /** Dense layers only. */
        DENSE,
        /** One 1-D convolution over the inputs, then dense layers. */
        CONV
    }

    /** Activation functions offered. */
    public enum ActivationKind {
        /** max(0, x). */
        RELU,
        /** max(0.01x, x). */
        LEAKY_RELU,
        /** tanh(x). */
        TANH,
        /** Gaussian error linear unit. */
        GELU;

        Block block() {
            return switch (this) {
                case RELU -> Activation.reluBlock();
                case LEAKY_RELU -> Activation.leakyReluBlock(0.01f);
                case TANH -> Activation.tanhBlock();
                case GELU -> Activation.geluBlock();
            };
        }

        /**
         * @param name e.g. {@code relu}, {@code leaky_relu}
         * @return the activation
         */
        public static ActivationKind parse(String name) {
            try {
                return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT,
                        "unknown activation '" + name + "'; use relu, leaky_relu, tanh or gelu", e);
            }
        }
    }

    /** Validates and copies. */
    public Architecture {
        hiddenWidths = List.copyOf(hiddenWidths);
        if (kind == null || activation == null) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "architecture kind and activation are required");
        }
        if (hiddenWidths.isEmpty() || hiddenWidths.stream().anyMatch(w -> w < 1)) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT,
                    "hidden layer widths must be one or more positive integers, got " + hiddenWidths);
        }
        if (kind == Kind.CONV && (convFilters < 1 || convKernel < 1 || convKernel % 2 == 0)) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "a conv architecture needs ≥ 1 filters and an"
                    + " odd kernel width, got " + convFilters + " filters, kernel " + convKernel);
        }
        if (kind == Kind.DENSE && (convFilters != 0 || convKernel != 0)) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "a dense architecture takes no convolution");
        }
    }

    /**
     * @param widths hidden widths
     * @param activation activation
     * @return a dense MLP
     */
    public static Architecture dense(List<Integer> widths, ActivationKind activation) {
        return new Architecture(Kind.DENSE, widths, activation, 0, 0);
    }

    /**
     * @param filters convolution channels
     * @param kernel odd kernel width
     * @param widths hidden dense widths after the convolution
     * @param activation activation
     * @return a conv-front network
     */
    public static Architecture conv(int filters, int kernel, List<Integer> widths, ActivationKind activation) {
        return new Architecture(Kind.CONV, widths, activation, filters, kernel);
    }

    /**
     * Builds a fresh block: hidden layers, then a last {@link Linear} with {@code outputs} units.
     *
     * @param outputs output units (spectral channels)
     * @return the uninitialised block
     */
    public SequentialBlock build(int outputs) {
        SequentialBlock net = new SequentialBlock();
        if (kind == Kind.CONV) {
            net.add((NDList x) -> new NDList(x.singletonOrThrow().expandDims(1)));
            net.add(Conv1d.builder().setFilters(convFilters).setKernelShape(new Shape(convKernel))
                    .optPadding(new Shape(convKernel / 2)).build());
            net.add(activation.block());
            net.add(Blocks.batchFlattenBlock());
        }
        for (int width : hiddenWidths) {
            net.add(Linear.builder().setUnits(width).build());
            net.add(activation.block());
        }
        net.add(Linear.builder().setUnits(outputs).build());
        return net;
    }

    /**
     * Multiply–accumulate operations of one forward pass per sample: the cost measure used to compare architectures.
     *
     * @param inputs parameter count
     * @param outputs output units
     * @return multiply–accumulates per sample
     */
    public long multiplyAccumulates(int inputs, int outputs) {
        long macs = 0;
        long width = inputs;
        if (kind == Kind.CONV) {
            macs += (long) inputs * convFilters * convKernel;
            width = (long) inputs * convFilters;
        }
        for (int w : hiddenWidths) {
            macs += width * w;
            width = w;
        }
        return macs + width * outputs;
    }

    /**
     * Reads a description written by {@link #describe()}.
     *
     * @param text e.g. {@code dense 256x256x256 gelu} or {@code conv16k3 + dense 256x256 relu}
     * @return the architecture
     */
    public static Architecture parse(String text) {
        Matcher m = DESCRIPTION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "cannot read the network '" + text
                    + "'; write it as 'dense 384x384x384 relu' or 'conv16k3 + dense 256x256 relu'");
        }
        List<Integer> widths = Arrays.stream(m.group(3).split("x")).map(Integer::valueOf).toList();
        ActivationKind activation = ActivationKind.parse(m.group(4));
        return m.group(1) == null ? dense(widths, activation)
                : conv(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), widths, activation);
    }

    /** @return a short description, e.g. {@code dense 256x256x256 relu} */
    public String describe() {
        String widths = String.join("x", hiddenWidths.stream().map(String::valueOf).toList());
        String lower = activation.name().toLowerCase(Locale.ROOT);
        return kind == Kind.DENSE ? "dense " + widths + " " + lower
                : "conv" + convFilters + "k" + convKernel + " + dense " + widths + " " + lower;
    }
}
