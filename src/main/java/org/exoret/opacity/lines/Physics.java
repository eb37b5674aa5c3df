package org.exoret.opacity.lines;

/**
 * Physical constants (CGS; CODATA 2018 exact or recommended values) and the line-strength and Doppler-width
 * formulas of HITRAN line-by-line calculations. Stateless.
 */
final class Physics {

    /** Speed of light in cm s⁻¹ (exact). */
    static final double SPEED_OF_LIGHT_CM_S = 2.99792458e10;
    /** Boltzmann constant in erg K⁻¹ (exact). */
    static final double BOLTZMANN_ERG_K = 1.380649e-16;
    /** Atomic mass constant in g (CODATA 2018). */
    static final double AMU_G = 1.66053906660e-24;
    /** Second radiation constant hc/k in cm K, as HITRAN uses it. */
    static final double C2_CM_K = 1.4387769;
    /** HITRAN reference temperature in K. */
    static final double REFERENCE_TEMPERATURE_K = 296.0;
    /** One standard atmosphere in bar. */
    static final double ATM_BAR = 1.01325;
    /** One bar in barye (dyn cm⁻²). */
    static final double BAR_BARYE = 1e6;

    private Physics() {
    }

    /**
     * Line intensity at temperature T from its 296 K value (e.g. Šimečková et al. 2006, JQSRT 98, 130, eq. 11):
     * S(T) = S₂₉₆ · Q(296)/Q(T) · exp(−c₂E″/T)/exp(−c₂E″/296) · (1 − exp(−c₂ν̃/T))/(1 − exp(−c₂ν̃/296)).
     *
     * @param intensity296 S at 296 K in cm molecule⁻¹
     * @param lowerEnergyPerCm E″ in cm⁻¹
     * @param wavenumberPerCm ν̃ in cm⁻¹
     * @param q296 Q(296 K)
     * @param qT Q(T)
     * @param temperatureK T in K
     * @return S(T) in cm molecule⁻¹
     */
    static double lineStrength(double intensity296, double lowerEnergyPerCm, double wavenumberPerCm, double q296,
            double qT, double temperatureK) {
        double boltzmann = Math.exp(-C2_CM_K * lowerEnergyPerCm * (1 / temperatureK - 1 / REFERENCE_TEMPERATURE_K));
        double stimulated = -Math.expm1(-C2_CM_K * wavenumberPerCm / temperatureK)
                / -Math.expm1(-C2_CM_K * wavenumberPerCm / REFERENCE_TEMPERATURE_K);
        return intensity296 * q296 / qT * boltzmann * stimulated;
    }

    /**
     * Doppler half width at half maximum α_D = (ν̃/c)·√(2kT ln2 / m).
     *
     * @param wavenumberPerCm ν̃ in cm⁻¹
     * @param temperatureK T in K
     * @param massAmu molecular mass in amu
     * @return α_D in cm⁻¹
     */
    static double dopplerHwhm(double wavenumberPerCm, double temperatureK, double massAmu) {
        return wavenumberPerCm / SPEED_OF_LIGHT_CM_S
                * Math.sqrt(2 * BOLTZMANN_ERG_K * temperatureK * Math.log(2) / (massAmu * AMU_G));
    }
}
