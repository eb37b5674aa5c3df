package org.exoret.dataset;

import java.util.List;
import org.exoret.ExoretException;

/**
 * The box of parameter vectors a training set covers: one name, unit and closed interval per free parameter,
 * in the column order of the forward model. Immutable; arrays are copied in and out.
 *
 * @param names parameter names, unique, in forward-model column order
 * @param units unit of each parameter as text (e.g. {@code "dex"}, {@code "K"}, {@code ""} for dimensionless)
 * @param lower lower bound of each parameter, in its unit
 * @param upper upper bound of each parameter, in its unit, strictly above {@code lower}
 */
public record ParameterSpace(List<String> names, List<String> units, double[] lower, double[] upper) {

    /** Validates and copies. */
    public ParameterSpace {
        names = List.copyOf(names);
        units = List.copyOf(units);
        lower = lower.clone();
        upper = upper.clone();
        int d = names.size();
        if (d == 0) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "a parameter space needs at least one parameter");
        }
        if (units.size() != d || lower.length != d || upper.length != d) {
            throw new ExoretException(ExoretException.Kind.MISMATCH, "parameter space has " + d + " names but "
                    + units.size() + " units, " + lower.length + " lower and " + upper.length + " upper bounds");
        }
        if (names.stream().distinct().count() != d) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "parameter names repeat: " + names);
        }
        for (int k = 0; k < d; k++) {
            if (!(Double.isFinite(lower[k]) && Double.isFinite(upper[k]) && lower[k] < upper[k])) {
                throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "parameter " + names.get(k)
                        + " needs finite bounds with lower < upper, got [" + lower[k] + ", " + upper[k] + "]");
            }
        }
    }

    /** @return the number of parameters */
    public int dimension() {
        return names.size();
    }

    @Override
    public double[] lower() {
        return lower.clone();
    }

    @Override
    public double[] upper() {
        return upper.clone();
    }

    /**
     * Maps a point of the unit cube into the box.
     *
     * @param unit coordinates in [0, 1)
     * @return {@code lower + unit·(upper − lower)} per coordinate
     */
    double[] fromUnitCube(double[] unit) {
        double[] x = new double[unit.length];
        for (int k = 0; k < unit.length; k++) {
            x[k] = lower[k] + unit[k] * (upper[k] - lower[k]);
        }
        return x;
    }
}
