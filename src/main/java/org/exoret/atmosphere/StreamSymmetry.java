package org.exoret.atmosphere;

import java.util.List;
import java.util.Optional;

/**
 * The exchange symmetry of the two visible streams of {@link LineTemperatureProfile}: the profile, hence every
 * spectrum computed from it, is unchanged by (log10 γ1, log10 γ2, α) → (log10 γ2, log10 γ1, 1 − α), because
 * T⁴ = … + (1 − α) ξ(γ1) + α ξ(γ2). Under uniform priors a posterior therefore holds two mirror-image copies of each
 * mode wherever both images lie inside the priors, and their weights are equal.
 *
 * <p>The map is an involution (applied twice it is the identity) and preserves volume (a coordinate exchange and a
 * reflection), so a sampler may propose it as a deterministic move with no Hastings factor, and a surrogate may
 * evaluate either image of a point. Immutable; positions refer to a parameter vector whose names were given to
 * {@link #in(List)}.
 *
 * @param gamma1Index position of {@code log10_gamma1}
 * @param gamma2Index position of {@code log10_gamma2}
 * @param alphaIndex position of {@code alpha}
 */
public record StreamSymmetry(int gamma1Index, int gamma2Index, int alphaIndex) {

    /**
     * @param names parameter names, in order
     * @return the symmetry on vectors with these names, or empty when one of {@code log10_gamma1},
     *     {@code log10_gamma2} and {@code alpha} is not among them
     */
    public static Optional<StreamSymmetry> in(List<String> names) {
        int g1 = names.indexOf(LineTemperatureProfile.PARAMETERS.get(1));
        int g2 = names.indexOf(LineTemperatureProfile.PARAMETERS.get(2));
        int a = names.indexOf(LineTemperatureProfile.PARAMETERS.get(3));
        return g1 < 0 || g2 < 0 || a < 0 ? Optional.empty() : Optional.of(new StreamSymmetry(g1, g2, a));
    }

    /**
     * Writes the mirror image of a point; every other coordinate is copied.
     *
     * @param point the point (not modified)
     * @param image destination, the same length; may not be {@code point}
     */
    public void mirror(double[] point, double[] image) {
        System.arraycopy(point, 0, image, 0, point.length);
        image[gamma1Index] = point[gamma2Index];
        image[gamma2Index] = point[gamma1Index];
        image[alphaIndex] = 1.0 - point[alphaIndex];
    }

    /**
     * The image a surrogate evaluates: the one with log10 γ1 ≤ log10 γ2 when it lies inside the box, otherwise the
     * point itself. Both images have the same spectrum, so a surrogate that evaluates only this one is symmetric
     * (to the rounding of 1 − (1 − α)), and a network trained on these images sees the mirrored half of the box folded
     * onto the other.
     *
     * @param point the point
     * @param lower the box's lower bounds, per coordinate
     * @param upper the box's upper bounds, per coordinate
     * @return {@code point} itself, or a new array holding its mirror image
     */
    public double[] canonical(double[] point, double[] lower, double[] upper) {
        if (point[gamma1Index] <= point[gamma2Index]) {
            return point;
        }
        double[] image = new double[point.length];
        mirror(point, image);
        return inside(image, gamma1Index, lower, upper) && inside(image, gamma2Index, lower, upper)
                && inside(image, alphaIndex, lower, upper) ? image : point;
    }

    private static boolean inside(double[] x, int k, double[] lower, double[] upper) {
        return x[k] >= lower[k] && x[k] <= upper[k];
    }
}
