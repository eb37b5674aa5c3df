package org.exoret.dataset;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.codec.digest.DigestUtils;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.exoret.ExoretException;

/**
 * Training points drawn from a Gaussian kernel density estimate of sample vectors, typically the posterior of a
 * tempered surrogate retrieval: a set made this way is dense where the data leave appreciable likelihood, which is
 * where a surrogate's errors move a posterior, while a box design spreads the same number of spectra over a volume
 * thousands of times larger. Point i picks a sample and adds Gaussian noise with a diagonal bandwidth by Silverman's
 * rule, h_k = σ_k · (4 / ((d + 2) n))^(1/(d+4)) (Silverman 1986, eq. 4.14), n the number of distinct samples; a
 * coordinate that leaves the box is drawn again (at most {@value #MAX_REDRAWS} times, then clipped). Like the box
 * designs, point i is a pure function of (seed, i), so a generation resumes exactly. Immutable.
 */
public final class KernelDensityDesign {

    /** Redraws of a coordinate that falls outside the box before it is clipped to the bound. */
    static final int MAX_REDRAWS = 64;

    private final double[][] samples;
    private final double[] bandwidth;
    private final String samplesHash;

    private KernelDensityDesign(double[][] samples, double[] bandwidth, String samplesHash) {
        this.samples = samples;
        this.bandwidth = bandwidth;
        this.samplesHash = samplesHash;
    }

    /**
     * @param samples sample vectors (rows) in the column order of the box; repeated rows (an MCMC chain's rejected
     *        steps) are counted once
     * @param space the box the points must lie in; every sample must lie inside it
     * @return the design
     * @throws ExoretException when a row has the wrong length, a non-finite value or lies outside the box, or when
     *         fewer than two distinct rows remain
     */
    public static KernelDensityDesign of(double[][] samples, ParameterSpace space) {
        int d = space.dimension();
        double[] lower = space.lower();
        double[] upper = space.upper();
        Set<List<Double>> seen = new LinkedHashSet<>();
        for (int i = 0; i < samples.length; i++) {
            double[] row = samples[i];
            if (row.length != d) {
                throw new ExoretException(ExoretException.Kind.MISMATCH, "design sample " + i + " has " + row.length
                        + " values; the box has " + d + " parameters " + space.names());
            }
            for (int k = 0; k < d; k++) {
                if (!(row[k] >= lower[k] && row[k] <= upper[k])) {
                    throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "design sample " + i + " has "
                            + space.names().get(k) + " = " + row[k] + ", outside the box [" + lower[k] + ", "
                            + upper[k] + "]; widen the ranges or use samples drawn inside them");
                }
            }
            seen.add(Arrays.stream(row).boxed().toList());
        }
        if (seen.size() < 2) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "a kernel-density design needs at least "
                    + "two distinct sample vectors, got " + seen.size());
        }
        double[][] distinct = seen.stream().map(r -> r.stream().mapToDouble(Double::doubleValue).toArray())
                .toArray(double[][]::new);
        int n = distinct.length;
        double factor = Math.pow(4.0 / ((d + 2.0) * n), 1.0 / (d + 4));
        double[] h = new double[d];
        for (int k = 0; k < d; k++) {
            int column = k;
            double sigma = new StandardDeviation().evaluate(Arrays.stream(distinct).mapToDouble(r -> r[column]).toArray());
            h[k] = factor * sigma;
        }
        return new KernelDensityDesign(distinct, h, hash(distinct));
    }

    /** @return the number of distinct sample vectors */
    public int sampleCount() {
        return samples.length;
    }

    /** @return the kernel bandwidth per parameter, in the parameters' units */
    public double[] bandwidth() {
        return bandwidth.clone();
    }

    /** @return SHA-256 (hex) of the distinct samples in order: a set's header records it, so a resume checks it */
    public String samplesHash() {
        return samplesHash;
    }

    /**
     * Points {@code first … first+count−1}, each a pure function of (seed, index).
     *
     * @param space the box, of the samples' dimension
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
        int d = bandwidth.length;
        if (space.dimension() != d) {
            throw new ExoretException(ExoretException.Kind.MISMATCH, "the box has " + space.dimension()
                    + " parameters, the design samples " + d);
        }
        double[] lower = space.lower();
        double[] upper = space.upper();
        double[][] x = new double[count][d];
        for (int i = 0; i < count; i++) {
            UniformRandomProvider rng = Design.sampleStream(seed, first + i);
            ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
            double[] centre = samples[rng.nextInt(samples.length)];
            for (int k = 0; k < d; k++) {
                double v = centre[k] + bandwidth[k] * normal.sample();
                for (int redraw = 0; redraw < MAX_REDRAWS && !(v >= lower[k] && v <= upper[k]); redraw++) {
                    v = centre[k] + bandwidth[k] * normal.sample();
                }
                x[i][k] = Math.min(upper[k], Math.max(lower[k], v));
            }
        }
        return x;
    }

    private static String hash(double[][] rows) {
        MessageDigest md = DigestUtils.getSha256Digest();
        ByteBuffer buffer = ByteBuffer.allocate(Double.BYTES * rows[0].length);
        for (double[] row : rows) {
            buffer.clear();
            for (double v : row) {
                buffer.putDouble(v);
            }
            md.update(buffer.array());
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
