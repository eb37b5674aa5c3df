/**
 * Opacity sources of the radiative-transfer reference: cross-section tables σ(p, T, ν̃) of absorbing molecules
 * ({@link org.exoret.opacity.CrossSectionTable}: ExoMolOP/TauREx HDF5 tables, exoret's own binary cache, and
 * line-by-line results from {@link org.exoret.opacity.lines}) and collision-induced absorption
 * ({@link org.exoret.opacity.CiaTable}, HITRAN CIA format). Both resample once onto a model wavenumber grid and
 * then serve the allocation-free {@link org.exoret.opacity.AbsorberOpacity} and
 * {@link org.exoret.opacity.CollisionOpacity} views that the radiative transfer evaluates per layer.
 */
package org.exoret.opacity;
