package org.exoret.mcmc;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.exoret.ExoretException;

/**
 * The ordered parameters of a model, free and fixed. The sampler works on the free ones only (in their
 * order here); {@link #expand(double[], double[])} inserts the fixed values to give a full model vector.
 * Immutable and thread-safe.
 */
public final class ParameterSpace {

    private final List<Parameter> all;
    private final List<Parameter> free;
    private final int[] freeIndex;
    private final Prior[] freePrior;
    private final double[] fixedTemplate;
    /** Joint constraint on the full vector, or null; with its description for checkpoints and messages. */
    private final Support support;
    private final String supportDescription;

    /**
     * @param parameters all parameters in model order; names unique, at least one free; either every free
     *     parameter has an initial value or none has
     */
    public ParameterSpace(List<Parameter> parameters) {
        if (parameters.isEmpty()) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "a parameter space needs at least one parameter");
        }
        this.all = List.copyOf(parameters);
        Set<String> seen = new HashSet<>();
        List<Parameter> f = new ArrayList<>();
        List<Integer> idx = new ArrayList<>();
        fixedTemplate = new double[all.size()];
        for (int i = 0; i < all.size(); i++) {
            Parameter p = all.get(i);
            if (!seen.add(p.name())) {
                throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "parameter name '" + p.name() + "' appears twice");
            }
            if (p.prior() instanceof Prior.Fixed fx) {
                fixedTemplate[i] = fx.value();
            } else {
                f.add(p);
                idx.add(i);
            }
        }
        if (f.isEmpty()) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "all " + all.size() + " parameters are fixed; nothing to sample");
        }
        long withInitial = f.stream().filter(p -> p.initial().isPresent()).count();
        if (withInitial != 0 && withInitial != f.size()) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "initial values are given for " + withInitial + " of "
                    + f.size() + " free parameters; give one for every free parameter or for none");
        }
        this.free = List.copyOf(f);
        this.freeIndex = idx.stream().mapToInt(Integer::intValue).toArray();
        this.freePrior = free.stream().map(Parameter::prior).toArray(Prior[]::new);
        this.support = null;
        this.supportDescription = null;
    }

    private ParameterSpace(ParameterSpace base, Support support, String description) {
        this.all = base.all;
        this.free = base.free;
        this.freeIndex = base.freeIndex;
        this.freePrior = base.freePrior;
        this.fixedTemplate = base.fixedTemplate;
        this.support = support;
        this.supportDescription = description;
    }

    /**
     * @param constraint a joint constraint on the full model vector (replacing any this space has)
     * @param description what it requires, e.g. {@code "temperature profile inside [600, 3000] K"}; recorded in
     *     checkpoints, so that a run resumes only under the same constraint
     * @return this space with the constraint
     */
    public ParameterSpace withSupport(Support constraint, String description) {
        return new ParameterSpace(this, Objects.requireNonNull(constraint, "constraint"),
                Objects.requireNonNull(description, "description"));
    }

    /** @return the joint constraint's description, if the space has one */
    public Optional<String> supportDescription() {
        return Optional.ofNullable(supportDescription);
    }

    /**
     * @param freeValues free-parameter values
     * @return whether the joint constraint admits them (always, without one); allocates the full vector
     */
    public boolean admits(double[] freeValues) {
        if (support == null) {
            return true;
        }
        double[] full = new double[all.size()];
        expand(freeValues, full);
        return support.admits(full);
    }

    /**
     * @param parameters all parameters in model order
     * @return the space
     */
    public static ParameterSpace of(Parameter... parameters) {
        return new ParameterSpace(List.of(parameters));
    }

    /** @return all parameters, in model order */
    public List<Parameter> parameters() {
        return all;
    }

    /** @return the free parameters, in sampling order */
    public List<Parameter> freeParameters() {
        return free;
    }

    /** @return the number of free parameters (the sampling dimension d) */
    public int dimension() {
        return free.size();
    }

    /** @return names of all parameters, in model order */
    public List<String> names() {
        return all.stream().map(Parameter::name).toList();
    }

    /** @return names of the free parameters */
    public List<String> freeNames() {
        return free.stream().map(Parameter::name).toList();
    }

    /**
     * @param j free-parameter index
     * @return its prior
     */
    public Prior prior(int j) {
        return freePrior[j];
    }

    /**
     * Writes the full model vector for a free-parameter vector (no allocation).
     *
     * @param freeValues free-parameter values, length {@link #dimension()}
     * @param full destination, length {@code parameters().size()}
     */
    public void expand(double[] freeValues, double[] full) {
        System.arraycopy(fixedTemplate, 0, full, 0, full.length);
        for (int j = 0; j < freeIndex.length; j++) {
            full[freeIndex[j]] = freeValues[j];
        }
    }

    /**
     * @param freeValues free-parameter values
     * @return the sum of the free parameters' log prior densities (−∞ outside their support or where the joint
     *     constraint does not admit the vector)
     */
    public double logPrior(double[] freeValues) {
        if (!admits(freeValues)) {
            return Double.NEGATIVE_INFINITY;
        }
        double s = 0;
        for (int j = 0; j < freePrior.length; j++) {
            s += freePrior[j].logDensity(freeValues[j]);
        }
        return s;
    }

    /**
     * Draws a free-parameter vector from the prior.
     *
     * @param rng the generator
     * @param out destination, length {@link #dimension()}
     */
    public void sample(UniformRandomProvider rng, double[] out) {
        for (int j = 0; j < freePrior.length; j++) {
            out[j] = freePrior[j].sample(rng);
        }
    }

    /** @return the free parameters' initial values, when given */
    public Optional<double[]> initialPoint() {
        if (free.get(0).initial().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(free.stream().mapToDouble(p -> p.initial().getAsDouble()).toArray());
    }

    /** @return each free parameter's prior width ({@link Prior#scale()}) */
    public double[] scales() {
        return free.stream().mapToDouble(p -> p.prior().scale()).toArray();
    }

    @Override
    public String toString() {
        return "ParameterSpace" + names() + " (free " + freeNames() + ")";
    }
}
