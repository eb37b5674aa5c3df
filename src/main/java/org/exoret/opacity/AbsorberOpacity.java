package org.exoret.opacity;

/**
 * Cross section of one absorbing species already resampled onto a model wavenumber grid, evaluable at
 * any (temperature, pressure). Implementations hold their tables in memory, are immutable and thread-safe,
 * and do no allocation in {@link #crossSection}: it is called once per layer per spectrum.
 */
public interface AbsorberOpacity {

    /** @return the species name as used in configurations, e.g. {@code "H2O"} */
    String species();

    /** @return the model wavenumber grid in cm⁻¹ this opacity was resampled to (a copy) */
    double[] wavenumberPerCm();

    /**
     * Fills the cross section on the model grid.
     *
     * @param temperatureK temperature in K
     * @param pressureBar pressure in bar
     * @param sigmaCm2 output, cm² molecule⁻¹, length of the model grid
     */
    void crossSection(double temperatureK, double pressureBar, double[] sigmaCm2);
}
