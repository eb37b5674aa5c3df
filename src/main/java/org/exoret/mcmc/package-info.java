/**
 * Bayesian sampling: priors ({@link org.exoret.mcmc.Prior}, {@link org.exoret.mcmc.ParameterSpace}), the
 * Gaussian likelihood around any forward model ({@link org.exoret.mcmc.GaussianLikelihood}), pluggable
 * proposal moves ({@link org.exoret.mcmc.Move}: DE-MCz, snooker, DE-MC), and the population sampler
 * ({@link org.exoret.mcmc.Sampler}) with batched evaluation, checkpoints and convergence diagnostics
 * (subpackage {@code convergence}). See docs/sampler.md.
 */
package org.exoret.mcmc;
