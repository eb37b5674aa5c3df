package org.exoret.atmosphere;

import org.exoret.ExoretException;

/**
 * The exponential integral of order two, E₂(x) = ∫₁^∞ e^(−x t) t⁻² dt, for x ≥ 0 (Abramowitz &amp; Stegun 1964,
 * Handbook of Mathematical Functions, §5.1). Commons Math 3 has no E_n, so it is evaluated here from the
 * two classical expansions:
 * <ul>
 *   <li>x ≤ 1: the power series A&amp;S 5.1.12 for n = 2,
 *       E₂(x) = −x (−ln x + ψ(2)) + 1 − Σ_{k≥2} (−x)^k / ((k − 1) k!), with ψ(2) = 1 − γ;</li>
 *   <li>x &gt; 1: the continued fraction A&amp;S 5.1.22, E₂(x) = e^(−x) · 1/(x + 2/(1 + 1/(x + 3/(1 + 2/(x + …))))),
 *       written in its even form and evaluated with the modified Lentz algorithm
 *       (Lentz 1976, Applied Optics 15, 668; Thompson &amp; Barnett 1986, J. Comput. Phys. 64, 490).</li>
 * </ul>
 * Relative accuracy ≈ 1e-15 on [0, 700]; above, e^(−x) underflows and the result is 0. Stateless.
 */
public final class ExponentialIntegral {

    private static final double EULER_GAMMA = 0.5772156649015329;
    private static final double TINY = 1e-300;
    private static final double EPS = 1e-16;
    private static final int MAX_TERMS = 1000;

    private ExponentialIntegral() {
    }

    /**
     * @param x argument, ≥ 0
     * @return E₂(x); E₂(0) = 1
     */
    public static double e2(double x) {
        if (!(x >= 0)) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "E2(x) needs x >= 0, got " + x);
        }
        if (x == 0) {
            return 1.0;
        }
        if (x > 745) {
            return 0.0;
        }
        return x <= 1.0 ? series(x) : continuedFraction(x);
    }

    private static double series(double x) {
        double psi2 = 1.0 - EULER_GAMMA;
        double sum = 1.0 - x * (-Math.log(x) + psi2);
        double term = -x;             // (-x)^k / k! for k = 1
        for (int k = 2; k < MAX_TERMS; k++) {
            term *= -x / k;
            double delta = term / (k - 1);
            sum -= delta;
            if (Math.abs(delta) < Math.abs(sum) * EPS) {
                return sum;
            }
        }
        throw new ArithmeticException("E2 series did not converge for x = " + x);
    }

    /** Even form of A&S 5.1.22: E_n(x) = e^(−x)·1/(x+n− 1·n/(x+n+2− 2(n+1)/(x+n+4− …))), n = 2. */
    private static double continuedFraction(double x) {
        final int n = 2;
        double b = x + n;
        double c = 1.0 / TINY;
        double d = 1.0 / b;
        double h = d;
        for (int i = 1; i < MAX_TERMS; i++) {
            double a = -(double) i * (n - 1 + i);
            b += 2.0;
            d = 1.0 / (a * d + b);
            c = b + a / c;
            double del = c * d;
            h *= del;
            if (Math.abs(del - 1.0) < EPS) {
                return h * Math.exp(-x);
            }
        }
        throw new ArithmeticException("E2 continued fraction did not converge for x = " + x);
    }
}
