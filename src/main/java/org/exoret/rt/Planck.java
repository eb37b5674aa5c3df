package org.exoret.rt;

import org.exoret.atmosphere.Units;

/**
 * The Planck function per unit wavenumber, B_ν̃(T) = 2 h c² ν̃³ / (e^(h c ν̃ / k T) − 1), in
 * erg s⁻¹ cm⁻² sr⁻¹ (cm⁻¹)⁻¹. A blackbody's surface flux is π B. Stateless.
 */
public final class Planck {

    private Planck() {
    }

    /**
     * @param wavenumberPerCm ν̃, cm⁻¹
     * @param temperatureK T, K
     * @return B_ν̃(T), erg s⁻¹ cm⁻² sr⁻¹ (cm⁻¹)⁻¹
     */
    public static double radiance(double wavenumberPerCm, double temperatureK) {
        double nu = wavenumberPerCm;
        return Units.PLANCK_PREFACTOR_CGS * nu * nu * nu
                / Math.expm1(Units.SECOND_RADIATION_CM_K * nu / temperatureK);
    }

    /**
     * @param wavenumberPerCm ν̃, cm⁻¹
     * @param temperatureK T, K
     * @return the surface flux of a blackbody, π B_ν̃(T), erg s⁻¹ cm⁻² (cm⁻¹)⁻¹
     */
    public static double flux(double wavenumberPerCm, double temperatureK) {
        return Math.PI * radiance(wavenumberPerCm, temperatureK);
    }
}
