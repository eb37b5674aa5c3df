package org.exoret.dataset;

import java.util.Locale;
import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.exoret.ExoretException;

/**
 * How training parameter vectors are spread over a {@link ParameterSpace}. In both designs sample {@code i} is a
 * pure function of (seed, i), which is what lets an interrupted generation resume without duplicating or losing a
 * sample.
 */
public enum Design {

    /**
     * Independent uniform draws, as MARGE/HOMER training sets were made (Himes et al. 2022, PSJ 3, 91). Sample i
     * comes from its own L64X128 LXM generator whose LCG additive constant is {@code 2i+1}: distinct additive
     * constants give statistically independent streams (Steele &amp; Vigna 2021, Proc. ACM Program. Lang. 5, OOPSLA,
     * article 148). The generator's first output does not yet depend on the additive constant, so it is skipped.
     */
    UNIFORM,

    /**
     * A Sobol low-discrepancy sequence (Joe &amp; Kuo 2008 direction numbers, Commons Math
     * {@link SobolSequenceGenerator}) with a seeded random shift modulo 1 (Cranley &amp; Patterson 1976, SIAM J.
     * Numer. Anal. 13, 904), which keeps the low discrepancy and makes different seeds give different designs.
     */
    SOBOL,

    /**
     * Draws from a Gaussian kernel density estimate of given sample vectors, typically a tempered retrieval's
     * posterior ({@link KernelDensityDesign}): a training set dense where the data leave appreciable likelihood.
     * Needs the samples, so {@link #points} refuses it; the generator takes a {@link KernelDensityDesign}.
     */
    KERNEL_DENSITY;

    /** Fixed non-zero state words of the per-sample LXM generators (the binary expansion of π). */
    private static final long XBG_STATE_0 = 0x243F6A8885A308D3L;
    private static final long XBG_STATE_1 = 0x13198A2E03707344L;

    /**
     * Parses a design name, case-insensitively.
     *
     * @param name {@code uniform}, {@code sobol} or {@code kernel_density}
     * @return the design
     */
    public static Design parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT,
                    "unknown sampling design '" + name + "'; use uniform, sobol or kernel_density", e);
        }
    }

    /**
     * The random stream of design sample {@code index}: its own L64X128 LXM generator with additive constant
     * {@code 2·index+1}, first output skipped (see {@link #UNIFORM}).
     *
     * @param seed the design seed
     * @param index the sample's index
     * @return a generator that depends on (seed, index) only
     */
    static UniformRandomProvider sampleStream(long seed, long index) {
        UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(
                new long[] {(index << 1) | 1L, seed, XBG_STATE_0, XBG_STATE_1});
        rng.nextLong();
        return rng;
    }

    /**
     * The design's points {@code first … first+count−1}, each a pure function of (seed, index).
     *
     * @param space the parameter box
     * @param seed the design seed
     * @param first index of the first point, ≥ 0
     * @param count number of points
     * @return {@code count} parameter vectors inside the box
     */
    public double[][] points(ParameterSpace space, long seed, long first, int count) {
        if (first < 0 || count < 0) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT,
                    "design indices must be non-negative, got first " + first + ", count " + count);
        }
        if (this == KERNEL_DENSITY) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT,
                    "the kernel-density design draws from sample vectors; use a KernelDensityDesign");
        }
        int d = space.dimension();
        double[][] x = new double[count][];
        if (this == UNIFORM) {
            for (int i = 0; i < count; i++) {
                UniformRandomProvider rng = sampleStream(seed, first + i);
                double[] u = new double[d];
                for (int k = 0; k < d; k++) {
                    u[k] = rng.nextDouble();
                }
                x[i] = space.fromUnitCube(u);
            }
            return x;
        }
        double[] shift = new double[d];
        UniformRandomProvider shiftRng = RandomSource.L64_X128_MIX.create(
                new long[] {0x9E3779B97F4A7C15L, seed, XBG_STATE_0, XBG_STATE_1});
        for (int k = 0; k < d; k++) {
            shift[k] = shiftRng.nextDouble();
        }
        SobolSequenceGenerator sobol = new SobolSequenceGenerator(d);
        sobol.skipTo(Math.toIntExact(first));
        for (int i = 0; i < count; i++) {
            double[] u = sobol.nextVector();
            for (int k = 0; k < d; k++) {
                double v = u[k] + shift[k];
                u[k] = v >= 1 ? v - 1 : v;
            }
            x[i] = space.fromUnitCube(u);
        }
        return x;
    }
}
