package org.exoret.opacity.lines;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

class VoigtTest {

    /** Humlíček (1982) W4: relative error of Re w below 1e-4. */
    private static final double W4_RELATIVE = 1e-4;

    @Test
    void matchesPublishedFaddeevaValues() {
        // Abramowitz & Stegun 1964, Table 7.9 (p. 325): w(1 + i) = 0.304744 + 0.208219 i
        assertEquals(0.304744, Voigt.faddeevaReal(1, 1), 0.304744 * W4_RELATIVE);
        assertEquals(0.208219, Voigt.faddeevaImaginary(1, 1), 0.208219 * W4_RELATIVE);
        // On the real axis w(x) = exp(−x²) + (2i/√π) F(x), with Dawson's F(1) = 0.5380795069
        // (A&S Table 7.5, p. 319): w(1) = 0.3678794412 + 0.6071577058 i
        assertEquals(Math.exp(-1), Voigt.faddeevaReal(1, 0), Math.exp(-1) * W4_RELATIVE);
        assertEquals(0.6071577058, Voigt.faddeevaImaginary(1, 0), 0.6071577058 * W4_RELATIVE);
        // On the imaginary axis w(iy) = exp(y²) erfc(y): A&S Table 7.9 gives w(i) = 0.427584
        for (double y : new double[] {0.1, 1, 3, 10}) {
            double erfcx = Math.exp(y * y) * Erf.erfc(y);
            assertEquals(erfcx, Voigt.faddeevaReal(0, y), erfcx * W4_RELATIVE, "y = " + y);
        }
    }

    @Test
    void realPartMatchesQuadratureOfTheDefiningIntegral() {
        // K(x, y) = (y/π) ∫ exp(−t²)/((x − t)² + y²) dt; with t = x + y·tan θ this is
        // (1/π) ∫_{−π/2}^{π/2} exp(−(x + y tan θ)²) dθ, a smooth integrand (Simpson's rule); far from the
        // Gaussian core (|x| ≥ 5) the t-form over |t| ≤ 9 is smooth instead (the pole's share is < exp(−25)).
        for (double x : new double[] {0, 0.3, 1, 2.5, 4, 6, 10, 16, 30}) {
            for (double y : new double[] {1e-3, 0.05, 0.3, 1, 3, 8, 20}) {
                double reference = quadrature(x, y);
                assertEquals(reference, Voigt.faddeevaReal(x, y), reference * W4_RELATIVE, "x = " + x + ", y = " + y);
                assertEquals(reference, Voigt.faddeevaReal(-x, y), reference * W4_RELATIVE, "symmetric in x");
            }
        }
    }

    private static double quadrature(double x, double y) {
        int n = 400_000;
        if (Math.abs(x) >= 5) {
            double h = 18.0 / n;
            double sum = 0;
            for (int k = 0; k <= n; k++) {
                double t = -9 + k * h;
                double f = Math.exp(-t * t) / ((x - t) * (x - t) + y * y);
                sum += (k == 0 || k == n ? 1 : (k % 2 == 1 ? 4 : 2)) * f;
            }
            return y / Math.PI * sum * h / 3;
        }
        double a = -Math.PI / 2;
        double h = Math.PI / n;
        double sum = 0;
        for (int k = 1; k < n; k++) {
            double theta = a + k * h;
            double t = x + y * Math.tan(theta);
            sum += (k % 2 == 1 ? 4 : 2) * Math.exp(-t * t);
        }
        return sum * h / 3 / Math.PI;
    }

    @Test
    void profileHasUnitArea() {
        double[][] widths = {{0.003, 1e-6}, {0.003, 0.003}, {0.01, 0.3}, {1e-3, 2.0}};
        for (double[] w : widths) {
            double alphaD = w[0];
            double gammaL = w[1];
            double half = 2000 * Voigt.hwhm(alphaD, gammaL);
            int n = 2_000_000;
            double h = 2 * half / n;
            double sum = 0;
            for (int k = 0; k < n; k++) {
                sum += Voigt.profile(-half + (k + 0.5) * h, alphaD, gammaL);
            }
            // analytic Lorentz tails beyond ±half
            double tails = 1 - 2 / Math.PI * Math.atan(half / gammaL);
            assertEquals(1.0, sum * h + tails, 2e-4, "α_D = " + alphaD + ", γ_L = " + gammaL);
        }
    }

    @Test
    void dopplerLimitIsTheGaussian() {
        double alphaD = 0.004;
        double peak = Math.sqrt(Math.log(2) / Math.PI) / alphaD;
        assertEquals(peak, Voigt.profile(0, alphaD, 0), peak * W4_RELATIVE);
        assertEquals(peak / 2, Voigt.profile(alphaD, alphaD, 0), peak * W4_RELATIVE, "half maximum at α_D");
        assertEquals(peak / 16, Voigt.profile(2 * alphaD, alphaD, 0), peak * W4_RELATIVE, "2^(−4) at 2 α_D");
    }

    @Test
    void lorentzLimitIsTheLorentzian() {
        double gammaL = 0.5;
        double alphaD = 1e-4 * gammaL;
        for (double dx : new double[] {0, 0.5, 5, 20}) {
            double lorentz = gammaL / Math.PI / (dx * dx + gammaL * gammaL);
            assertEquals(lorentz, Voigt.profile(dx, alphaD, gammaL), lorentz * W4_RELATIVE, "Δν̃ = " + dx);
        }
    }
}
