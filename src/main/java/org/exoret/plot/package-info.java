/**
 * PNG figures of retrieval results: chain traces, 1-D marginals, corner (pairwise) plots with 2-D density
 * contours, overlays of two posteriors, temperature–pressure profiles and spectra with credible bands.
 * Line charts are drawn with XChart; the corner plot is drawn directly with Java2D (XChart has no contours).
 * Rendering is headless: nothing here opens a window. Inputs are plain arrays so that any package can plot.
 */
package org.exoret.plot;
