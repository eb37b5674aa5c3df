package org.exoret.mcmc;

import java.util.Objects;
import org.exoret.ExoretException;

/**
 * A log density divided by a temperature T ≥ 1: sampling it draws from prior × L^(1/T), a posterior widened as if
 * every uncertainty were multiplied by √T (for a Gaussian likelihood exactly that). A tempered retrieval maps the
 * region where the data leave any appreciable likelihood, which is where a surrogate's training set should be dense;
 * it is not the posterior. −∞ (zero density) stays −∞. Immutable and thread-safe when the wrapped density is.
 */
public final class TemperedDensity implements LogDensity {

    private final LogDensity density;
    private final double inverseTemperature;

    /**
     * @param density the untempered log density
     * @param temperature T, finite and ≥ 1
     */
    public TemperedDensity(LogDensity density, double temperature) {
        this.density = Objects.requireNonNull(density, "density");
        if (!(temperature >= 1) || !Double.isFinite(temperature)) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT,
                    "the temperature must be a finite number ≥ 1 (1 samples the posterior), got " + temperature);
        }
        this.inverseTemperature = 1 / temperature;
    }

    @Override
    public double[] logDensity(double[][] x) {
        double[] v = density.logDensity(x);
        for (int i = 0; i < v.length; i++) {
            v[i] *= inverseTemperature;
        }
        return v;
    }

    @Override
    public int logDensity(double[][] x, double[] out) {
        int n = density.logDensity(x, out);
        for (int i = 0; i < n; i++) {
            out[i] *= inverseTemperature;
        }
        return n;
    }
}
