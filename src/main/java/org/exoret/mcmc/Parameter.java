package org.exoret.mcmc;

import java.util.Objects;
import java.util.OptionalDouble;
import org.exoret.ExoretException;

/**
 * One model parameter: its name, unit, plot label, prior and optional initial value.
 * A parameter with a {@link Prior.Fixed} prior is held at its value and not sampled.
 *
 * @param name identifier, non-blank, unique within a {@link ParameterSpace}
 * @param unit unit as text ("" for dimensionless, e.g. "dex" or "K")
 * @param label plain-text display label for plots and files, e.g. {@code log10 kappa}
 * @param prior the prior
 * @param initial initial value for chain 0 (empty for none); must lie inside the prior's support
 */
public record Parameter(String name, String unit, String label, Prior prior, OptionalDouble initial) {

    /** Validates name, prior and initial value. */
    public Parameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(prior, "prior");
        Objects.requireNonNull(initial, "initial");
        if (name.isBlank()) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "a parameter needs a non-blank name");
        }
        if (initial.isPresent()) {
            double x = initial.getAsDouble();
            if (!Double.isFinite(x)) {
                throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT,
                        "initial value of parameter '" + name + "' must be finite, got " + x);
            }
            if (!prior.contains(x)) {
                throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT,
                        "initial value " + x + " of parameter '" + name + "' lies outside its prior " + prior);
            }
        }
    }

    /**
     * A free parameter without initial value, unit or label.
     *
     * @param name identifier
     * @param prior its prior
     * @return the parameter
     */
    public static Parameter of(String name, Prior prior) {
        return new Parameter(name, "", name, prior, OptionalDouble.empty());
    }

    /**
     * @param value initial value, inside the prior's support
     * @return a copy with that initial value
     */
    public Parameter withInitial(double value) {
        return new Parameter(name, unit, label, prior, OptionalDouble.of(value));
    }

    /**
     * @param newUnit unit text
     * @param newLabel plain-text label
     * @return a copy with that unit and label
     */
    public Parameter withUnitAndLabel(String newUnit, String newLabel) {
        return new Parameter(name, newUnit, newLabel, prior, initial);
    }

    /** @return whether the parameter is held fixed */
    public boolean isFixed() {
        return prior instanceof Prior.Fixed;
    }
}
