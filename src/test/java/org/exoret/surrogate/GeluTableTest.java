package org.exoret.surrogate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

class GeluTableTest {

    /** x·Φ(x) in double precision. */
    private static double gelu(double x) {
        return 0.5 * x * Erf.erfc(-x / Math.sqrt(2));
    }

    @Test
    void interpolationIsExactToFloat32Rounding() {
        for (int k = -120_000; k <= 120_000; k++) {
            float x = k * 1e-4f;
            double exact = gelu(x);
            float interpolated = GeluTable.apply(x);
            // half an ulp of the float result, plus the interpolation bound of 4e-9
            double ulp = Math.max(Math.ulp((float) exact), Math.ulp(interpolated));
            assertTrue(Math.abs(interpolated - exact) <= 0.5 * ulp + 5e-9, "x = " + x + ": " + interpolated
                    + " against " + exact);
        }
    }

    @Test
    void knownValuesAndLimits() {
        // Φ(1) = 0.841344746..., Φ(−1) = 0.158655254...
        assertEquals(0.8413447460685429, GeluTable.apply(1f), 1e-7);
        assertEquals(-0.15865525393145707, GeluTable.apply(-1f), 1e-7);
        assertEquals(0f, GeluTable.apply(0f));
        assertEquals(8f, GeluTable.apply(8f));
        assertEquals(1e6f, GeluTable.apply(1e6f));
        assertEquals(0f, GeluTable.apply(-8f));
        assertEquals(0f, GeluTable.apply(-1e6f));
        assertTrue(Float.isNaN(GeluTable.apply(Float.NaN)));
        assertTrue(Float.isNaN(GeluTable.apply(Float.NEGATIVE_INFINITY)));
        assertEquals(Float.POSITIVE_INFINITY, GeluTable.apply(Float.POSITIVE_INFINITY));
        // the last float below 8 interpolates in the last table interval
        float below = Math.nextDown(8f);
        assertEquals(gelu(below), GeluTable.apply(below), Math.ulp(below));
    }
}
