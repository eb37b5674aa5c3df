package org.exoret.surrogate;

import ai.djl.training.tracker.Tracker;
import java.util.Locale;
import org.exoret.ExoretException;

/**
 * The learning-rate schedule of training. Cyclical policies follow Smith (2017, IEEE WACV, 464–472, "Cyclical
 * Learning Rates for Training Neural Networks"); MARGE used triangular2. For a cyclical policy the rate moves between
 * {@code baseRate} and {@code maxRate} in half-cycles of {@code halfCycleEpochs} epochs; {@code constant} uses
 * {@code maxRate}; {@code cosine} decays from {@code maxRate} to {@code baseRate} over the epoch budget.
 *
 * @param policy the policy
 * @param baseRate lowest rate, &gt; 0
 * @param maxRate highest rate, ≥ baseRate
 * @param halfCycleEpochs epochs per half-cycle (cyclical policies), &gt; 0
 * @param gamma per-update decay factor of exp_range, in (0, 1]
 */
public record LearningRateSchedule(Policy policy, double baseRate, double maxRate, double halfCycleEpochs, double gamma) {

    /** Schedules offered. */
    public enum Policy {
        /** Fixed rate. */
        CONSTANT,
        /** Cosine decay over the run. */
        COSINE,
        /** Triangular cycles of constant amplitude. */
        TRIANGULAR,
        /** Triangular cycles whose amplitude halves every cycle. */
        TRIANGULAR2,
        /** Triangular cycles whose amplitude decays as gamma^update. */
        EXP_RANGE;

        /**
         * @param name e.g. {@code triangular2}, {@code exp_range}
         * @return the policy
         */
        public static Policy parse(String name) {
            try {
                return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "unknown learning-rate schedule '"
                        + name + "'; use constant, cosine, triangular, triangular2 or exp_range", e);
            }
        }
    }

    /** Validates. */
    public LearningRateSchedule {
        if (policy == null || !(baseRate > 0) || !(maxRate >= baseRate) || !(halfCycleEpochs > 0)
                || !(gamma > 0 && gamma <= 1)) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "bad learning-rate schedule: policy "
                    + policy + ", rates " + baseRate + "–" + maxRate + ", half-cycle " + halfCycleEpochs
                    + " epochs, gamma " + gamma + " (need 0 < base ≤ max, half-cycle > 0, 0 < gamma ≤ 1)");
        }
    }

    /**
     * A cosine decay over the epoch budget, from {@code maxRate} to {@code baseRate}.
     *
     * @param maxRate starting rate
     * @param baseRate final rate
     * @return the schedule
     */
    public static LearningRateSchedule cosine(double maxRate, double baseRate) {
        return new LearningRateSchedule(Policy.COSINE, baseRate, maxRate, 1, 1);
    }

    /** @return e.g. {@code cosine 0.002 → 1.0E-5} or {@code triangular2 1.0E-4–0.003, half-cycle 4.0 epochs} */
    public String describe() {
        String name = policy.name().toLowerCase(Locale.ROOT);
        return switch (policy) {
            case CONSTANT -> name + " " + maxRate;
            case COSINE -> name + " " + maxRate + " → " + baseRate;
            default -> String.format(Locale.ROOT, "%s %s–%s, half-cycle %s epochs%s", name, baseRate, maxRate,
                    halfCycleEpochs, policy == Policy.EXP_RANGE ? ", gamma " + gamma : "");
        };
    }

    /**
     * The DJL tracker for a run.
     *
     * @param updatesPerEpoch optimiser updates per epoch
     * @param maxEpochs the epoch budget
     * @return the tracker (stateless: the rate is a function of the update count)
     */
    public Tracker tracker(int updatesPerEpoch, int maxEpochs) {
        int halfCycle = Math.max(1, (int) Math.round(halfCycleEpochs * updatesPerEpoch));
        return switch (policy) {
            case CONSTANT -> Tracker.fixed((float) maxRate);
            case COSINE -> Tracker.cosine().setBaseValue((float) maxRate).optFinalValue((float) baseRate)
                    .setMaxUpdates(Math.max(1, updatesPerEpoch * maxEpochs)).build();
            default -> new CyclicalTracker(policy, baseRate, maxRate, halfCycle, gamma);
        };
    }
}
