package org.exoret.mcmc;

/**
 * A joint prior constraint on the full model vector, beyond the parameters' own priors: the posterior is zero where
 * it does not admit a vector (BART rejects, for instance, temperature profiles that leave the allowed range). The
 * sampler evaluates it only for proposals that pass the Metropolis–Hastings test on everything else, which is exact
 * for an indicator prior (the current state is always admitted) and keeps a costly check off the rejected majority.
 * Implementations must be thread-safe.
 */
public interface Support {

    /**
     * @param parameters the full model vector, fixed parameters included, in model order
     * @return whether the prior is non-zero there
     */
    boolean admits(double[] parameters);
}
