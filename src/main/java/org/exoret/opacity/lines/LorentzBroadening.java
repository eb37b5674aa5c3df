package org.exoret.opacity.lines;

/**
 * Lorentz (pressure) half width of a line at given temperature and pressure. Implementations are immutable and
 * thread-safe: {@link AirBroadening} (HITRAN's γ_air) and {@link HardSphereBroadening} (kinetic-theory collision
 * diameters, BART/transit's default).
 */
public interface LorentzBroadening {

    /**
     * @param lines the line list
     * @param line index of the line
     * @param massAmu mass of the absorbing isotopologue in amu
     * @param temperatureK temperature in K
     * @param pressureBar total pressure in bar
     * @return Lorentz HWHM in cm⁻¹
     */
    double hwhmPerCm(HitranLineList lines, int line, double massAmu, double temperatureK, double pressureBar);

    /** @return a complete description of the model and its parameters (part of the line-by-line cache key) */
    String description();
}
