package org.exoret.mcmc;

import java.util.Objects;

/**
 * A deterministic move x* = f(x) by a map f that is its own inverse (f(f(x)) = x) and preserves volume, such as an
 * exchange of parameters or a reflection. Proposing x* = f(x) from x and x = f(x*) from x* is then the same
 * event, so the Metropolis test needs no Hastings factor (Green 1995, Biometrika 82, 711–732, with a unit
 * Jacobian). Its use is an exact symmetry of the likelihood, such as the two interchangeable streams of a
 * two-stream temperature profile: the move carries a chain to the mirror image of its mode in one step and, where
 * the prior is symmetric too, is always accepted, so the chains share their time between the images as the
 * posterior does instead of staying in the one they started in.
 *
 * @param name what the map does; part of {@link #toString()}, which checkpoints compare
 * @param map the involution, on the free parameters
 */
public record InvolutionMove(String name, Involution map) implements Move {

    /** A volume-preserving map that is its own inverse. */
    @FunctionalInterface
    public interface Involution {
        /**
         * @param point the point (not modified)
         * @param image destination for f(point), the same length
         */
        void apply(double[] point, double[] image);
    }

    /** Validates. */
    public InvolutionMove {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(map, "map");
    }

    @Override
    public double propose(ProposalContext context, int chain, double[] current, double[] proposal, ChainRandom rng) {
        map.apply(current, proposal);
        return 0.0;
    }

    @Override
    public String toString() {
        return "InvolutionMove[" + name + "]";
    }
}
