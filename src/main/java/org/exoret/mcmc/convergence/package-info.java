/**
 * Convergence diagnostics for multi-chain MCMC output: Gelman–Rubin R̂ as MC3 reports it, rank-normalised
 * split-R̂ and bulk/tail effective sample size (Vehtari et al. 2021), and the integrated autocorrelation time
 * (Sokal's automatic window, as emcee). Inputs are {@code chains[m][n]}: m chains of n draws of one scalar.
 * Every estimator refuses chains too short for it with an {@link org.exoret.ExoretException} that names the
 * length it needs.
 */
package org.exoret.mcmc.convergence;
