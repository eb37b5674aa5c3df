package org.exoret.atmosphere;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.exoret.ExoretException;
import org.junit.jupiter.api.Test;

class ExponentialIntegralTest {

    /** Relative tolerance: the tables give 10 significant digits. */
    private static final double TABLE_TOLERANCE = 1e-9;

    @Test
    void matchesAbramowitzStegunTable51() {
        // Abramowitz & Stegun (1964), Table 5.1, p. 238-239: E2(x) for x = 0.01 .. 1.0 (10 digits)
        double[][] table = {
            {0.01, 0.9496705380}, {0.10, 0.7225450222}, {0.50, 0.3266438624}, {1.00, 0.1484955068},
        };
        for (double[] row : table) {
            double e2 = ExponentialIntegral.e2(row[0]);
            assertEquals(row[1], e2, row[1] * TABLE_TOLERANCE, "E2(" + row[0] + ")");
        }
    }

    @Test
    void matchesRecurrenceFromTabulatedE1() {
        // Recurrence A&S 5.1.14, E2(x) = e^-x - x E1(x), with E1 from A&S Table 5.1 (tabulated there as
        // x e^x E1(x) for x >= 2): E1(2) = 0.04890051071, E1(5) = 0.001148295591, E1(10) = 4.156968929e-6.
        double[][] e1 = {{2, 0.04890051071}, {5, 0.001148295591}, {10, 4.156968929e-6}};
        for (double[] row : e1) {
            double x = row[0];
            double expected = Math.exp(-x) - x * row[1];
            assertEquals(expected, ExponentialIntegral.e2(x), Math.abs(expected) * 1e-8, "E2(" + x + ")");
        }
    }

    @Test
    void limits() {
        assertEquals(1.0, ExponentialIntegral.e2(0.0));
        // E2 is continuous across the switch between series and continued fraction at x = 1
        double below = ExponentialIntegral.e2(Math.nextDown(1.0));
        double above = ExponentialIntegral.e2(Math.nextUp(1.0));
        assertEquals(below, above, 1e-14);
        // asymptotic form A&S 5.1.51: E_n(x) ~ e^-x / x (1 - n/x + n(n+1)/x^2 - ...)
        double x = 200;
        double asymptotic = Math.exp(-x) / x * (1 - 2 / x + 6 / (x * x) - 24 / (x * x * x) + 120 / (x * x * x * x));
        assertEquals(asymptotic, ExponentialIntegral.e2(x), asymptotic * 1e-8);
        assertEquals(0.0, ExponentialIntegral.e2(1000));
        assertThrows(ExoretException.class, () -> ExponentialIntegral.e2(-1));
        assertThrows(ExoretException.class, () -> ExponentialIntegral.e2(Double.NaN));
    }
}
