package org.exoret.mcmc;

import java.util.List;
import java.util.Objects;
import org.exoret.ExoretException;

/**
 * A weighted mixture of moves: each chain draws one move per iteration with probability proportional to its
 * weight, from its own stream. Immutable.
 */
public final class MoveMix {

    /**
     * One move and its weight.
     *
     * @param move the move
     * @param weight relative weight, positive
     */
    public record Weighted(Move move, double weight) {
        /** Validates the weight. */
        public Weighted {
            Objects.requireNonNull(move, "move");
            ExoretException.requirePositive("move weight", weight);
        }
    }

    private final List<Weighted> entries;
    private final Move[] moves;
    private final double[] cumulative;

    /**
     * @param entries moves and weights, at least one
     */
    public MoveMix(List<Weighted> entries) {
        if (entries.isEmpty()) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "a move mix needs at least one move");
        }
        this.entries = List.copyOf(entries);
        this.moves = this.entries.stream().map(Weighted::move).toArray(Move[]::new);
        this.cumulative = new double[moves.length];
        double total = this.entries.stream().mapToDouble(Weighted::weight).sum();
        double s = 0;
        for (int k = 0; k < moves.length; k++) {
            s += this.entries.get(k).weight();
            cumulative[k] = s / total;
        }
        cumulative[moves.length - 1] = 1.0;
    }

    /**
     * @param move the only move
     * @return a mix that always uses it
     */
    public static MoveMix of(Move move) {
        return new MoveMix(List.of(new Weighted(move, 1)));
    }

    /**
     * The default, MC3's "snooker" sampler: the archive differential move with weight 0.9 and the snooker
     * move with weight 0.1 (ter Braak &amp; Vrugt 2008).
     *
     * @return the default mix
     */
    public static MoveMix defaultMix() {
        return snooker(1.0, DifferentialMove.DEFAULT_JITTER);
    }

    /**
     * MC3's "snooker" sampler with its {@code fgamma} and {@code fepsilon}: the archive differential move with
     * weight 0.9, the snooker move with weight 0.1.
     *
     * @param gammaFactor f, scales γ = 2.38/√(2d) of the differential move
     * @param jitter ε, the differential move's jitter relative to the prior width
     * @return the mix
     */
    public static MoveMix snooker(double gammaFactor, double jitter) {
        return new MoveMix(List.of(new Weighted(new DifferentialMove(gammaFactor, jitter), 0.9),
                new Weighted(new SnookerMove(), 0.1)));
    }

    /**
     * This mix with one more move, drawn with probability {@code fraction}; the others keep their relative weights.
     * With a differential move of γ = 1 this is the mode jump of ter Braak (2006, Statistics and Computing 16,
     * 239–249, §2): a difference of two states in different modes carries a chain from one mode to the other, which
     * lets the chains of a multimodal posterior (such as the two interchangeable streams of a two-stream
     * temperature profile) move between its modes.
     *
     * @param move the move to add
     * @param fraction its probability, in (0, 1)
     * @return the new mix
     */
    public MoveMix with(Move move, double fraction) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT,
                    "a move's probability must lie in (0, 1), got " + fraction);
        }
        double total = entries.stream().mapToDouble(Weighted::weight).sum();
        List<Weighted> next = new java.util.ArrayList<>();
        for (Weighted w : entries) {
            next.add(new Weighted(w.move(), w.weight() / total * (1 - fraction)));
        }
        next.add(new Weighted(move, fraction));
        return new MoveMix(next);
    }

    /** @return the moves and weights */
    public List<Weighted> entries() {
        return entries;
    }

    /** @return the largest {@link Move#minimumChains()} of the mix */
    public int minimumChains() {
        int m = 1;
        for (Move mv : moves) {
            m = Math.max(m, mv.minimumChains());
        }
        return m;
    }

    /**
     * @param u a uniform deviate in [0, 1)
     * @return the move it selects
     */
    Move select(double u) {
        for (int k = 0; k < cumulative.length - 1; k++) {
            if (u < cumulative[k]) {
                return moves[k];
            }
        }
        return moves[moves.length - 1];
    }

    @Override
    public String toString() {
        return entries.toString();
    }
}
