/**
 * Training sets for the surrogate: parameter boxes ({@link org.exoret.dataset.ParameterSpace}), sampling designs
 * ({@link org.exoret.dataset.Design}: uniform as in MARGE, or a shifted Sobol sequence), resumable chunked
 * generation ({@link org.exoret.dataset.TrainingSetGenerator}) and memory-mapped reading
 * ({@link org.exoret.dataset.TrainingSet}). The on-disk format is described in docs/surrogate.md.
 */
package org.exoret.dataset;
