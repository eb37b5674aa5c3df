package org.exoret.rt;

import java.util.Arrays;
import org.exoret.ExoretException;

/**
 * A star's surface flux on a wavenumber grid, erg s⁻¹ cm⁻² (cm⁻¹)⁻¹ (the flux leaving the stellar surface, so
 * ∫ F dν̃ = σ T_eff⁴). Immutable.
 *
 * @param description where the spectrum came from (model files or "blackbody T K")
 * @param wavenumberPerCm grid, cm⁻¹, strictly ascending (copied)
 * @param surfaceFlux surface flux, erg s⁻¹ cm⁻² (cm⁻¹)⁻¹, positive (copied)
 */
public record StellarSpectrum(String description, double[] wavenumberPerCm, double[] surfaceFlux) {

    /** Validates and copies. */
    public StellarSpectrum {
        if (wavenumberPerCm.length != surfaceFlux.length || wavenumberPerCm.length < 2) {
            throw new ExoretException(ExoretException.Kind.MISMATCH, "stellar spectrum " + description + " has "
                    + wavenumberPerCm.length + " wavenumbers and " + surfaceFlux.length + " fluxes (need >= 2, equal)");
        }
        wavenumberPerCm = wavenumberPerCm.clone();
        surfaceFlux = surfaceFlux.clone();
        for (int i = 0; i < surfaceFlux.length; i++) {
            if (i > 0 && !(wavenumberPerCm[i] > wavenumberPerCm[i - 1])) {
                throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT,
                        "stellar spectrum " + description + ": wavenumbers must ascend (index " + i + ")");
            }
            if (!(surfaceFlux[i] >= 0) || !Double.isFinite(surfaceFlux[i])) {
                throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT,
                        "stellar spectrum " + description + ": flux " + i + " is " + surfaceFlux[i]);
            }
        }
    }

    /**
     * A blackbody star, F = π B_ν̃(T*).
     *
     * @param wavenumberPerCm grid, cm⁻¹
     * @param temperatureK T*, K
     * @return the spectrum
     */
    public static StellarSpectrum blackbody(double[] wavenumberPerCm, double temperatureK) {
        ExoretException.requirePositive("tstar (K)", temperatureK);
        double[] f = new double[wavenumberPerCm.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = Planck.flux(wavenumberPerCm[i], temperatureK);
        }
        return new StellarSpectrum("blackbody " + temperatureK + " K", wavenumberPerCm, f);
    }

    /**
     * Linear interpolation in wavenumber onto a model grid.
     *
     * @param modelWavenumberPerCm model grid, cm⁻¹, inside this spectrum's range
     * @return surface flux on the model grid, erg s⁻¹ cm⁻² (cm⁻¹)⁻¹
     */
    public double[] onGrid(double[] modelWavenumberPerCm) {
        int n = wavenumberPerCm.length;
        double lo = wavenumberPerCm[0];
        double hi = wavenumberPerCm[n - 1];
        double[] out = new double[modelWavenumberPerCm.length];
        int k = 1;
        for (int i = 0; i < out.length; i++) {
            double nu = modelWavenumberPerCm[i];
            if (nu < lo || nu > hi) {
                throw new ExoretException(ExoretException.Kind.MISMATCH, "the stellar spectrum " + description
                        + " covers " + lo + " .. " + hi + " cm-1 but the model grid needs " + nu + " cm-1");
            }
            while (k < n - 1 && wavenumberPerCm[k] < nu) {
                k++;
            }
            double f = (nu - wavenumberPerCm[k - 1]) / (wavenumberPerCm[k] - wavenumberPerCm[k - 1]);
            out[i] = surfaceFlux[k - 1] + f * (surfaceFlux[k] - surfaceFlux[k - 1]);
        }
        return out;
    }

    @Override
    public double[] wavenumberPerCm() {
        return wavenumberPerCm.clone();
    }

    @Override
    public double[] surfaceFlux() {
        return surfaceFlux.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StellarSpectrum s && description.equals(s.description)
                && Arrays.equals(wavenumberPerCm, s.wavenumberPerCm) && Arrays.equals(surfaceFlux, s.surfaceFlux);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(surfaceFlux);
    }

    @Override
    public String toString() {
        return "StellarSpectrum[" + description + ", " + wavenumberPerCm.length + " points]";
    }
}
