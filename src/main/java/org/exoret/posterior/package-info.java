/**
 * Posterior samples and what is done with them: the {@link org.exoret.posterior.Posterior} value type,
 * its CSV and MC3-compatible {@code .npz} files, credible regions, summaries, and the Bhattacharyya
 * comparison of two posteriors with its finite-sample noise floor.
 */
package org.exoret.posterior;
