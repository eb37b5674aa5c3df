/**
 * Radiative transfer in emission (BART-compatible): emission solver, angular quadratures, stellar spectra,
 * passbands and band integration, observations, configuration and the RT {@code ForwardModel}.
 */
package org.exoret.rt;
