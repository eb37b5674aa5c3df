package org.exoret.atmosphere;

/**
 * Physical constants and unit conversions used by the atmosphere and radiative-transfer code, all in CGS.
 * Constants are the exact SI-2019 / CODATA 2018 values (Tiesinga et al. 2021, Rev. Mod. Phys. 93, 025010).
 * Conversions happen only at input/output; inside the model everything is CGS (cm, g, s, erg, barye),
 * temperatures in K and wavenumbers in cm⁻¹.
 */
public final class Units {

    /** Speed of light, cm s⁻¹ (exact). */
    public static final double SPEED_OF_LIGHT_CM_PER_S = 2.99792458e10;
    /** Planck constant, erg s (exact). */
    public static final double PLANCK_ERG_S = 6.62607015e-27;
    /** Boltzmann constant, erg K⁻¹ (exact). */
    public static final double BOLTZMANN_ERG_PER_K = 1.380649e-16;
    /** Atomic mass constant (1 u = 1 g mol⁻¹ / N_A), g (CODATA 2018). */
    public static final double ATOMIC_MASS_G = 1.66053906660e-24;
    /** Stefan–Boltzmann constant, erg s⁻¹ cm⁻² K⁻⁴ (CODATA 2018, derived from exact constants). */
    public static final double STEFAN_BOLTZMANN_CGS = 5.670374419e-5;
    /** Second radiation constant h c / k, cm K. */
    public static final double SECOND_RADIATION_CM_K = PLANCK_ERG_S * SPEED_OF_LIGHT_CM_PER_S / BOLTZMANN_ERG_PER_K;
    /** 2 h c², the Planck-function prefactor per wavenumber, erg s⁻¹ cm² sr⁻¹. */
    public static final double PLANCK_PREFACTOR_CGS = 2.0 * PLANCK_ERG_S * SPEED_OF_LIGHT_CM_PER_S * SPEED_OF_LIGHT_CM_PER_S;

    /** Barye (dyn cm⁻²) per bar. */
    public static final double BARYE_PER_BAR = 1.0e6;
    /** Centimetres per kilometre. */
    public static final double CM_PER_KM = 1.0e5;
    /** Centimetres per micrometre. */
    public static final double CM_PER_UM = 1.0e-4;
    /** Centimetres per ångström. */
    public static final double CM_PER_ANGSTROM = 1.0e-8;
    /** Astronomical unit, cm (IAU 2012 Resolution B2, exact). */
    public static final double CM_PER_AU = 1.495978707e13;
    /**
     * Solar radius, cm. Deliberately BART's rounding 6.96 × 10¹⁰ cm (HOMER's PTargs give R* = 0.756 R☉ =
     * 5.26176 × 10⁸ m), not the IAU 2015 nominal 6.957 × 10¹⁰ cm, so that BART configurations carry over.
     */
    public static final double CM_PER_SOLAR_RADIUS_BART = 6.96e10;

    /** Jupiter's equatorial radius, km: the R_J of BART's TEP conversions (IAU 2015 Resolution B3 nominal 71 492 km). */
    public static final double KM_PER_JUPITER_RADIUS = 71_492;
    /** G·M_J, cm³ s⁻² (IAU 2015 Resolution B3 nominal 1.2668653 × 10¹⁷ m³ s⁻²). */
    public static final double GM_JUPITER_CM3_PER_S2 = 1.2668653e23;

    private Units() {
    }

    /**
     * @param wavenumberPerCm wavenumber, cm⁻¹
     * @return wavelength, µm
     */
    public static double wavelengthUm(double wavenumberPerCm) {
        return 1.0e4 / wavenumberPerCm;
    }

    /**
     * @param wavelengthUm wavelength, µm
     * @return wavenumber, cm⁻¹
     */
    public static double wavenumberPerCm(double wavelengthUm) {
        return 1.0e4 / wavelengthUm;
    }
}
