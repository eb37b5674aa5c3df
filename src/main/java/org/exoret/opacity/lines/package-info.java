/**
 * Line-by-line cross sections from HITRAN line lists: the {@code .par} reader ({@link
 * org.exoret.opacity.lines.HitranLineList}), TIPS partition sums ({@link org.exoret.opacity.lines.PartitionFunction}),
 * isotopologue parameters ({@link org.exoret.opacity.lines.Isotopologues}), the Voigt profile ({@link
 * org.exoret.opacity.lines.Voigt}), Lorentz widths ({@link org.exoret.opacity.lines.LorentzBroadening}), the
 * calculator that integrates every line over the model cells ({@link
 * org.exoret.opacity.lines.LineByLineCalculator}) and the build-once cache ({@link
 * org.exoret.opacity.lines.LineByLineTables}).
 */
package org.exoret.opacity.lines;
