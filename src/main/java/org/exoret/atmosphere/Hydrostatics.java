package org.exoret.atmosphere;

import org.exoret.ExoretException;

/**
 * Hydrostatic equilibrium of an ideal-gas atmosphere with gravity falling as 1/r²: dp/dr = −ρ g₀ (r₀/r)²,
 * ρ = p μ m_u /(k T). Written in the variable 1/r this is d(1/r)/d(ln p) = k T /(μ m_u g₀ r₀²), which is
 * integrated with the trapezoidal rule in ln p from the reference level (r₀ at p₀) — exact for an isothermal
 * layer of uniform mean molecular mass. BART anchors the radius the same way (keys {@code refpress},
 * {@code refradius}, {@code gsurf}). Stateless.
 */
public final class Hydrostatics {

    private Hydrostatics() {
    }

    /**
     * Radii of the pressure levels.
     *
     * @param pressureBar level pressures, bar, increasing
     * @param temperatureK level temperatures, K
     * @param meanMolecularMassAmu mean molecular mass, u (uniform)
     * @param referencePressureBar p₀, bar, within the grid's range
     * @param referenceRadiusCm r₀, cm
     * @param referenceGravityCmPerS2 g₀ = g(r₀), cm s⁻²
     * @param radiusCm output, cm, same length as {@code pressureBar}
     * @return {@code null} on success, or a rejection reason when the atmosphere is so extended that the
     *         radius diverges (1/r ≤ 0 at the top)
     */
    public static String radii(double[] pressureBar, double[] temperatureK, double meanMolecularMassAmu,
            double referencePressureBar, double referenceRadiusCm, double referenceGravityCmPerS2, double[] radiusCm) {
        int n = pressureBar.length;
        if (referencePressureBar < pressureBar[0] || referencePressureBar > pressureBar[n - 1]) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "refpress " + referencePressureBar
                    + " bar lies outside the atmosphere " + pressureBar[0] + " .. " + pressureBar[n - 1] + " bar");
        }
        double scale = Units.BOLTZMANN_ERG_PER_K
                / (meanMolecularMassAmu * Units.ATOMIC_MASS_G * referenceGravityCmPerS2 * referenceRadiusCm * referenceRadiusCm);
        // level k is the first at or below the reference pressure
        int k = 1;
        while (k < n - 1 && pressureBar[k] < referencePressureBar) {
            k++;
        }
        double lnP0 = Math.log(referencePressureBar);
        double lnA = Math.log(pressureBar[k - 1]);
        double lnB = Math.log(pressureBar[k]);
        double f = (lnP0 - lnA) / (lnB - lnA);
        double t0 = temperatureK[k - 1] + f * (temperatureK[k] - temperatureK[k - 1]);
        double inv0 = 1.0 / referenceRadiusCm;
        // d(1/r) = scale · T · d ln p
        double invAbove = inv0 + scale * 0.5 * (t0 + temperatureK[k - 1]) * (lnA - lnP0);
        double invBelow = inv0 + scale * 0.5 * (t0 + temperatureK[k]) * (lnB - lnP0);
        double[] inv = radiusCm; // holds 1/r until the final inversion
        inv[k - 1] = invAbove;
        inv[k] = invBelow;
        for (int i = k - 2; i >= 0; i--) {
            inv[i] = inv[i + 1] + scale * 0.5 * (temperatureK[i] + temperatureK[i + 1])
                    * Math.log(pressureBar[i] / pressureBar[i + 1]);
        }
        for (int i = k + 1; i < n; i++) {
            inv[i] = inv[i - 1] + scale * 0.5 * (temperatureK[i] + temperatureK[i - 1])
                    * Math.log(pressureBar[i] / pressureBar[i - 1]);
        }
        if (!(inv[0] > 0)) {
            java.util.Arrays.fill(radiusCm, Double.NaN);
            return "atmosphere unbound: the hydrostatic radius diverges below the top level (scale height too large)";
        }
        for (int i = 0; i < n; i++) {
            inv[i] = 1.0 / inv[i];
        }
        return null;
    }

    /**
     * @param pressureBar pressure, bar
     * @param temperatureK temperature, K
     * @return total number density of an ideal gas, cm⁻³
     */
    public static double numberDensityPerCm3(double pressureBar, double temperatureK) {
        return pressureBar * Units.BARYE_PER_BAR / (Units.BOLTZMANN_ERG_PER_K * temperatureK);
    }
}
