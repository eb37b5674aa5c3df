/**
 * NumPy array files: {@code .npy} (one array) and {@code .npz} (a zip of {@code .npy} entries), so that
 * posteriors and other results travel between exoret and Python (MC3, BART, HOMER) unchanged.
 * Format: NumPy Enhancement Proposal 1, "A simple file format for NumPy arrays" (versions 1.0, 2.0, 3.0). Also
 * the reading of small text inputs with errors that name them ({@link org.exoret.io.TextFiles}).
 */
package org.exoret.io;
