package org.exoret.posterior;

import org.exoret.ExoretException;

/**
 * A closed interval [lower, upper] of a parameter, in the parameter's unit.
 *
 * @param lower lower bound
 * @param upper upper bound (≥ lower)
 */
public record Interval(double lower, double upper) {

    /** Validates. */
    public Interval {
        if (!(lower <= upper)) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT,
                    "interval bounds must satisfy lower ≤ upper, got [" + lower + ", " + upper + "]");
        }
    }

    /** @return upper − lower */
    public double width() {
        return upper - lower;
    }

    /**
     * @param x a value
     * @return whether lower ≤ x ≤ upper
     */
    public boolean contains(double x) {
        return x >= lower && x <= upper;
    }
}
