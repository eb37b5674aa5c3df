package org.exoret.atmosphere;

import java.util.List;
import org.exoret.ExoretException;

/**
 * The three-channel analytic temperature profile of Line et al. (2013, ApJ 775, 137, eqs. 13–14), an
 * extension of Guillot (2010, A&amp;A 520, A27) with two visible streams, in the parametrisation of BART
 * (Harrington et al. 2022, PSJ 3, 80; Blecic et al. 2022, PSJ 3, 82). Free parameters, in order:
 * log10 κ (κ the infrared opacity, cm² g⁻¹), log10 γ1, log10 γ2 (visible-to-infrared opacity ratios of the
 * two streams), α (partition between them, 0–1) and β (scales the irradiation temperature).
 *
 * <pre>
 *   τ      = κ · p / g                        (p in barye, g in cm s⁻²)
 *   T_irr  = β · (R* / (2a))^½ · T*
 *   T⁴     = ¾ T_int⁴ (⅔ + τ) + ¾ T_irr⁴ (1 − α) ξ(γ1) + ¾ T_irr⁴ α ξ(γ2)
 *   ξ(γ)   = ⅔ + 2/(3γ) [1 + (γτ/2 − 1) e^(−γτ)] + (2γ/3) (1 − τ²/2) E₂(γτ)
 * </pre>
 * Immutable and thread-safe; {@link #fill} allocates nothing.
 *
 * @param internalTemperatureK T_int, K (BART key {@code tint}; 100 K for HD 189733 b)
 * @param stellarRadiusCm R*, cm
 * @param stellarTemperatureK T*, K
 * @param semiMajorAxisCm a, cm
 * @param gravityCmPerS2 surface gravity g used in τ = κp/g, cm s⁻² (BART key {@code gsurf})
 */
public record LineTemperatureProfile(double internalTemperatureK, double stellarRadiusCm, double stellarTemperatureK,
        double semiMajorAxisCm, double gravityCmPerS2) implements TemperatureModel {

    /** Parameter names, in order. */
    public static final List<String> PARAMETERS = List.of("log10_kappa", "log10_gamma1", "log10_gamma2", "alpha", "beta");

    /** Validates. */
    public LineTemperatureProfile {
        ExoretException.requirePositive("tint (K)", internalTemperatureK);
        ExoretException.requirePositive("stellar radius (cm)", stellarRadiusCm);
        ExoretException.requirePositive("stellar temperature (K)", stellarTemperatureK);
        ExoretException.requirePositive("semi-major axis (cm)", semiMajorAxisCm);
        ExoretException.requirePositive("gsurf (cm s-2)", gravityCmPerS2);
    }

    @Override
    public List<String> parameterNames() {
        return PARAMETERS;
    }

    /**
     * @param beta the β parameter
     * @return T_irr = β (R* / (2a))^½ T*, K
     */
    public double irradiationTemperatureK(double beta) {
        return beta * Math.sqrt(stellarRadiusCm / (2.0 * semiMajorAxisCm)) * stellarTemperatureK;
    }

    @Override
    public void fill(double[] parameters, double[] pressureBar, double[] temperatureK) {
        double kappa = Math.pow(10.0, parameters[0]);
        double gamma1 = Math.pow(10.0, parameters[1]);
        double gamma2 = Math.pow(10.0, parameters[2]);
        double alpha = parameters[3];
        double tIrr4 = Math.pow(irradiationTemperatureK(parameters[4]), 4);
        double tInt4 = Math.pow(internalTemperatureK, 4);
        for (int i = 0; i < pressureBar.length; i++) {
            double tau = kappa * pressureBar[i] * Units.BARYE_PER_BAR / gravityCmPerS2;
            double t4 = 0.75 * tInt4 * (2.0 / 3.0 + tau)
                    + 0.75 * tIrr4 * (1.0 - alpha) * xi(gamma1, tau)
                    + 0.75 * tIrr4 * alpha * xi(gamma2, tau);
            temperatureK[i] = Math.sqrt(Math.sqrt(t4));
        }
    }

    /**
     * @param gamma visible-to-infrared opacity ratio γ
     * @param tau infrared optical depth τ
     * @return ξ(γ, τ) of Line et al. (2013) eq. 14
     */
    static double xi(double gamma, double tau) {
        double gt = gamma * tau;
        return 2.0 / 3.0
                + 2.0 / (3.0 * gamma) * (1.0 + (gt / 2.0 - 1.0) * Math.exp(-gt))
                + 2.0 * gamma / 3.0 * (1.0 - tau * tau / 2.0) * ExponentialIntegral.e2(gt);
    }
}
