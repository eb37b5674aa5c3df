package org.exoret.rt;

import java.util.Arrays;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.exoret.ExoretException;

/**
 * Directions and weights that turn emergent intensities into a hemispheric flux,
 * F = 2π ∫₀¹ I(μ) μ dμ ≈ π Σ_a w_a I(μ_a), with Σ w_a = 1 so that an isotropic intensity B gives exactly πB.
 * Immutable.
 *
 * @param mu direction cosines μ_a in (0, 1] (copied)
 * @param weight flux weights w_a, summing to 1 (copied)
 */
public record AngularQuadrature(double[] mu, double[] weight) {

    /** Validates and copies. */
    public AngularQuadrature {
        if (mu.length == 0 || mu.length != weight.length) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT,
                    "an angular quadrature needs as many weights as directions (at least one); got "
                            + mu.length + " and " + weight.length);
        }
        mu = mu.clone();
        weight = weight.clone();
        double sum = 0;
        for (int a = 0; a < mu.length; a++) {
            if (!(mu[a] > 0 && mu[a] <= 1) || !(weight[a] >= 0)) {
                throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT,
                        "direction " + a + " has mu = " + mu[a] + ", weight = " + weight[a] + "; need 0 < mu <= 1, weight >= 0");
            }
            sum += weight[a];
        }
        if (Math.abs(sum - 1.0) > 1e-12) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "flux weights must sum to 1, got " + sum);
        }
    }

    /**
     * BART's scheme (transit's eclipse module; also pyratbay's emission): rays at the given zenith angles; ray a
     * represents the annulus of the projected disc between the mid-angles to its neighbours (0° and 90° at the
     * ends), whose area fraction is w_a = sin²θ_(a+½) − sin²θ_(a−½), because 2μ dμ = d(sin²θ).
     *
     * @param anglesDeg zenith angles in degrees, increasing, in [0, 90)
     * @return the quadrature
     */
    public static AngularQuadrature fromZenithAngles(double... anglesDeg) {
        int n = anglesDeg.length;
        double[] mu = new double[n];
        double[] w = new double[n];
        for (int a = 0; a < n; a++) {
            if (!(anglesDeg[a] >= 0 && anglesDeg[a] < 90) || (a > 0 && anglesDeg[a] <= anglesDeg[a - 1])) {
                throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT,
                        "zenith angles must increase within [0, 90) degrees: " + Arrays.toString(anglesDeg));
            }
            double lo = a == 0 ? 0.0 : 0.5 * (anglesDeg[a - 1] + anglesDeg[a]);
            double hi = a == n - 1 ? 90.0 : 0.5 * (anglesDeg[a] + anglesDeg[a + 1]);
            double sLo = Math.sin(Math.toRadians(lo));
            double sHi = Math.sin(Math.toRadians(hi));
            w[a] = sHi * sHi - sLo * sLo;
            mu[a] = Math.cos(Math.toRadians(anglesDeg[a]));
        }
        w[n - 1] += 1.0 - Arrays.stream(w).sum(); // sin²(90°) is 1 up to rounding
        return new AngularQuadrature(mu, w);
    }

    /** @return BART's five rays at 0, 20, 40, 60 and 80 degrees */
    public static AngularQuadrature bartFiveAngles() {
        return fromZenithAngles(0, 20, 40, 60, 80);
    }

    /**
     * Gauss–Legendre quadrature of order n in μ on [0, 1]: w_a = 2 μ_a g_a with g_a the Gauss weights on [0, 1].
     * Exact for intensities polynomial in μ of degree up to 2n − 2.
     *
     * @param order number of directions, 1 to 64
     * @return the quadrature
     */
    public static AngularQuadrature gaussLegendre(int order) {
        if (order < 1 || order > 64) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "Gauss-Legendre order must be 1..64, got " + order);
        }
        GaussIntegrator g = new GaussIntegratorFactory().legendreHighPrecision(order, 0.0, 1.0);
        double[] mu = new double[order];
        double[] w = new double[order];
        double sum = 0;
        for (int a = 0; a < order; a++) {
            mu[a] = g.getPoint(a);
            w[a] = 2.0 * mu[a] * g.getWeight(a);
            sum += w[a];
        }
        for (int a = 0; a < order; a++) {
            w[a] /= sum; // removes the last ulps so that Σw = 1 exactly enough for an isotropic field
        }
        return new AngularQuadrature(mu, w);
    }

    /** @return the number of directions */
    public int size() {
        return mu.length;
    }

    @Override
    public double[] mu() {
        return mu.clone();
    }

    @Override
    public double[] weight() {
        return weight.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AngularQuadrature q && Arrays.equals(mu, q.mu) && Arrays.equals(weight, q.weight);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mu) + Arrays.hashCode(weight);
    }

    @Override
    public String toString() {
        return "AngularQuadrature[mu=" + Arrays.toString(mu) + ", weight=" + Arrays.toString(weight) + "]";
    }
}
