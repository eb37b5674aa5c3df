package org.exoret.surrogate;

import org.apache.commons.math3.special.Erf;

/**
 * The exact GELU, x·Φ(x) (PyTorch's default, {@code approximate = "none"}), by cubic Hermite interpolation of a table
 * of its values and slopes: a few multiplications instead of an error function per hidden unit, which would cost more
 * than the unit's share of the matrix products. The absolute interpolation error is at most h⁴/384 · max|f⁗| =
 * 4 × 10⁻⁹ for the step h = 1/32 (f⁗ = (−x⁴ + 7x² − 4)φ(x), largest at x = 0): below float32 rounding wherever
 * |GELU(x)| exceeds about 0.1, and about one float32 ulp near 0. Beyond ±8 the function is x or 0 to float32
 * precision (Φ(−8) = 6 × 10⁻¹⁶), as PyTorch's float evaluation gives; like PyTorch, −∞ gives NaN (−∞ · 0).
 */
final class GeluTable {

    private static final double LIMIT = 8;
    private static final int STEPS_PER_UNIT = 32;
    private static final double STEP = 1.0 / STEPS_PER_UNIT;
    private static final int POINTS = (int) (2 * LIMIT * STEPS_PER_UNIT) + 1;
    private static final double[] VALUE = new double[POINTS];
    /** Slope times the step, as the Hermite form uses it. */
    private static final double[] SCALED_SLOPE = new double[POINTS];

    static {
        for (int i = 0; i < POINTS; i++) {
            double x = -LIMIT + i * STEP;
            double cdf = 0.5 * Erf.erfc(-x / Math.sqrt(2));
            double pdf = Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
            VALUE[i] = x * cdf;
            SCALED_SLOPE[i] = (cdf + x * pdf) * STEP;
        }
    }

    private GeluTable() {
    }

    /**
     * @param x pre-activation
     * @return GELU(x); NaN for NaN and −∞
     */
    static float apply(float x) {
        if (!(x > -LIMIT)) {
            return x <= -LIMIT && x != Float.NEGATIVE_INFINITY ? 0f : Float.NaN;
        }
        if (x >= LIMIT) {
            return x;
        }
        double u = (x + LIMIT) * STEPS_PER_UNIT;
        int i = (int) u;
        double t = u - i;
        double s = 1 - t;
        return (float) (s * s * ((1 + 2 * t) * VALUE[i] + t * SCALED_SLOPE[i])
                + t * t * ((3 - 2 * t) * VALUE[i + 1] - s * SCALED_SLOPE[i + 1]));
    }
}
