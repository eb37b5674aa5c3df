package org.exoret.forward;

import java.util.List;

/**
 * Maps a batch of parameter vectors to a batch of band-integrated eclipse depths and, on request, the
 * planet's emergent spectrum on the model grid. The radiative-transfer reference and the neural surrogate
 * are the two implementations; the sampler does not know which it drives.
 *
 * <p>Batching is part of the contract: a sampler proposes for all chains at once and evaluates them in one
 * call. Implementations must be thread-safe and must not keep references to the caller's arrays.
 * A parameter vector the physics refuses (for instance a temperature outside the opacity grid, or metals
 * above unity) is not an error: its row is reported as rejected with a reason.
 */
public interface ForwardModel extends AutoCloseable {

    /** @return the free parameters' names, in the column order of {@code theta} */
    List<String> parameterNames();

    /** @return the number of band depths per parameter vector */
    int bandCount();

    /** @return the model wavenumber grid in cm⁻¹, ascending (a copy) */
    double[] wavenumberPerCm();

    /**
     * Band depths for a batch.
     *
     * @param theta parameter vectors, {@code theta[i].length == parameterNames().size()}
     * @return band depths (F_p/F_*)·(R_p/R_*)² per band, one row per vector, with rejections
     * @throws org.exoret.ExoretException of kind MISMATCH when a row has the wrong length, INVALID_ARGUMENT for NaN
     */
    ForwardResult evaluate(double[][] theta);

    /**
     * Band depths and the planet's emergent flux spectrum for a batch.
     *
     * @param theta parameter vectors
     * @return band depths and spectra (erg s⁻¹ cm⁻² (cm⁻¹)⁻¹ on {@link #wavenumberPerCm()})
     */
    ForwardResult evaluateWithSpectra(double[][] theta);

    /** Releases native or pooled resources; idempotent. The default holds none. */
    @Override
    default void close() {
    }
}
