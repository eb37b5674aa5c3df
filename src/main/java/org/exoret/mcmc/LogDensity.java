package org.exoret.mcmc;

/**
 * A batched log density on free-parameter vectors: the log-likelihood of a retrieval, or any target with a
 * known answer. Values are natural logarithms up to an additive constant; −∞ marks a vector of zero density
 * (for instance one the forward model rejects). NaN and +∞ are errors.
 *
 * <p>Implementations must be thread-safe and must not keep references to the caller's arrays.
 */
@FunctionalInterface
public interface LogDensity {

    /**
     * @param x a batch of vectors, each of the sampling dimension
     * @return the log density of each row, {@code x.length} values
     */
    double[] logDensity(double[][] x);

    /**
     * Writes the log densities into {@code out}; override to avoid the allocation of {@link #logDensity(double[][])}.
     *
     * @param x a batch of vectors
     * @param out destination, at least {@code x.length} long
     * @return the number of values the call produced (must equal {@code x.length})
     */
    default int logDensity(double[][] x, double[] out) {
        double[] v = logDensity(x);
        System.arraycopy(v, 0, out, 0, Math.min(v.length, out.length));
        return v.length;
    }
}
