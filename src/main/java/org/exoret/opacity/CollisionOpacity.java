package org.exoret.opacity;

/**
 * Collision-induced absorption of a species pair resampled onto a model wavenumber grid. The extinction
 * coefficient of a layer is {@code k(ν̃, T) · n_a · n_b} (cm⁻¹) with number densities in cm⁻³.
 * Immutable, thread-safe, allocation-free in {@link #crossSection}.
 */
public interface CollisionOpacity {

    /** @return the first species of the pair, e.g. {@code "H2"} */
    String speciesA();

    /** @return the second species of the pair, e.g. {@code "He"} */
    String speciesB();

    /** @return the model wavenumber grid in cm⁻¹ (a copy) */
    double[] wavenumberPerCm();

    /**
     * Fills the binary cross section on the model grid.
     *
     * @param temperatureK temperature in K
     * @param kCm5 output, cm⁵ molecule⁻², length of the model grid
     */
    void crossSection(double temperatureK, double[] kCm5);
}
