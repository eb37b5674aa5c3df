package org.exoret.opacity.lines;

import org.exoret.ExoretException;

/**
 * Molecular parameters of one isotopologue as HITRAN publishes them (molparam).
 *
 * @param localId HITRAN local isotopologue id (1 = most abundant)
 * @param hitranCode HITRAN AFGL code, e.g. 26 for ¹²C¹⁶O
 * @param name isotopologue, e.g. {@code 12C-16O}
 * @param abundance terrestrial abundance (fraction)
 * @param massAmu molar mass in g mol⁻¹ (= amu per molecule)
 * @param q296 partition sum at 296 K with which HITRAN computed the intensities
 * @param gj state-independent degeneracy
 */
public record Isotopologue(int localId, int hitranCode, String name, double abundance, double massAmu, double q296,
        int gj) {

    /** Validates the parameters. */
    public Isotopologue {
        if (localId < 1 || !(abundance > 0 && abundance <= 1) || !(massAmu > 0 && Double.isFinite(massAmu))
                || !(q296 > 0 && Double.isFinite(q296)) || gj < 1) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "invalid isotopologue " + name
                    + ": id " + localId + ", abundance " + abundance + ", mass " + massAmu + " amu, Q(296) " + q296
                    + ", g_j " + gj);
        }
    }
}
