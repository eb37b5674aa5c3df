package org.exoret.atmosphere;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LineTemperatureProfileTest {

    private static final double RELATIVE = 1e-12;
    // HD 189733 b (data README §7): R* = 0.756 R_sun (BART rounding), T* = 5000 K, a = 0.031 AU, g = 2189.7, T_int = 100 K
    private static final LineTemperatureProfile HD189733B = new LineTemperatureProfile(100.0,
            0.756 * Units.CM_PER_SOLAR_RADIUS_BART, 5000.0, 0.031 * Units.CM_PER_AU, 2189.7);

    @Test
    void irradiationTemperatureFollowsDefinition() {
        // T_irr = beta (R*/(2a))^1/2 T*; R*/a = 5.26176e10 / 4.637534e12 (HOMER PTargs) -> 0.0753189.. -> 1190.3 K at beta = 1
        double expected = Math.sqrt(5.26176e10 / (2 * 0.031 * 1.495978707e13)) * 5000.0;
        assertEquals(expected, HD189733B.irradiationTemperatureK(1.0), expected * RELATIVE);
        assertEquals(0.5 * expected, HD189733B.irradiationTemperatureK(0.5), expected * RELATIVE);
    }

    @Test
    void topOfAtmosphereLimit() {
        // tau -> 0: xi(gamma, 0) = 2/3 + 2 gamma/3 (E2(0) = 1), so T^4 = 3/4 [T_int^4 2/3 + T_irr^4 ((1-a)xi1 + a xi2)]
        double[] theta = {-1.0, 0.3, -0.5, 0.3, 0.9};
        double g1 = Math.pow(10, 0.3);
        double g2 = Math.pow(10, -0.5);
        double tirr4 = Math.pow(HD189733B.irradiationTemperatureK(0.9), 4);
        double t4 = 0.75 * (Math.pow(100, 4) * 2 / 3 + tirr4 * (0.7 * (2.0 / 3 * (1 + g1)) + 0.3 * (2.0 / 3 * (1 + g2))));
        double[] t = new double[1];
        HD189733B.fill(theta, new double[] {1e-14}, t);
        assertEquals(Math.pow(t4, 0.25), t[0], Math.pow(t4, 0.25) * 1e-7);
    }

    @Test
    void deepLimit() {
        // tau >> 1/gamma: E2 and e^-gamma tau vanish, xi -> 2/3 + 2/(3 gamma); T^4 -> 3/4 T_int^4 (2/3 + tau) + 3/4 T_irr^4 (...)
        double[] theta = {0.0, -0.2, 0.7, 0.5, 1.0};
        double pressure = 100.0;
        double tau = 1.0 * pressure * 1e6 / 2189.7;
        double g1 = Math.pow(10, -0.2);
        double g2 = Math.pow(10, 0.7);
        double tirr4 = Math.pow(HD189733B.irradiationTemperatureK(1.0), 4);
        double t4 = 0.75 * Math.pow(100, 4) * (2.0 / 3 + tau)
                + 0.75 * tirr4 * (0.5 * (2.0 / 3 + 2 / (3 * g1)) + 0.5 * (2.0 / 3 + 2 / (3 * g2)));
        double[] t = new double[1];
        HD189733B.fill(theta, new double[] {pressure}, t);
        assertEquals(Math.pow(t4, 0.25), t[0], Math.pow(t4, 0.25) * RELATIVE);
        // internal heat dominates very deep down: T -> (3/4 T_int^4 tau)^1/4
        HD189733B.fill(new double[] {6.0, -0.2, 0.7, 0.5, 0.01}, new double[] {100.0}, t);
        double internal = Math.pow(0.75 * Math.pow(100, 4) * (2.0 / 3 + 1e6 * 1e8 / 2189.7), 0.25);
        assertEquals(internal, t[0], internal * 1e-3);
    }

    @Test
    void independentRecomputationAtBartStartValues() {
        // Recompute Line et al. (2013) eq. 13-14 at BART's start values with E2 from its integral definition
        // E2(x) = int_1^inf e^{-xt} t^-2 dt, by quadrature (not the series/continued fraction of the code)
        double[] theta = {-0.5, -0.2, 0.7, 0.5, 1.0};
        PressureGrid grid = PressureGrid.logSpaced(100, 1e-8, 100);
        double[] t = HD189733B.temperatures(theta, grid);
        double kappa = Math.pow(10, -0.5);
        double g1 = Math.pow(10, -0.2);
        double g2 = Math.pow(10, 0.7);
        double tirr = Math.sqrt(0.756 * 6.96e10 / (2 * 0.031 * 1.495978707e13)) * 5000;
        for (int i = 0; i < grid.size(); i += 9) {
            double tau = kappa * grid.pressureBar(i) * 1e6 / 2189.7;
            double xi1 = xiByQuadrature(g1, tau);
            double xi2 = xiByQuadrature(g2, tau);
            double t4 = 0.75 * Math.pow(100, 4) * (2.0 / 3 + tau) + 0.75 * Math.pow(tirr, 4) * (0.5 * xi1 + 0.5 * xi2);
            assertEquals(Math.pow(t4, 0.25), t[i], Math.pow(t4, 0.25) * 1e-8, "level " + i);
            assertTrue(t[i] > 600 && t[i] < 3000, "BART's start profile lies inside its opacity grid");
        }
    }

    /** xi with E2(x) = int_0^inf exp(-x e^v - v) dv (substitution t = e^v), composite Simpson on [0, 60]. */
    private static double xiByQuadrature(double gamma, double tau) {
        double x = gamma * tau;
        int n = 40000;
        double h = 60.0 / n;
        double sum = 0;
        for (int k = 0; k <= n; k++) {
            double v = k * h;
            double f = Math.exp(-x * Math.exp(v) - v);
            sum += f * (k == 0 || k == n ? 1 : (k % 2 == 1 ? 4 : 2));
        }
        double e2 = sum * h / 3;
        return 2.0 / 3 + 2 / (3 * gamma) * (1 + (x / 2 - 1) * Math.exp(-x)) + 2 * gamma / 3 * (1 - tau * tau / 2) * e2;
    }
}
