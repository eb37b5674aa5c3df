package org.exoret.surrogate;

import ai.djl.training.tracker.Tracker;

/**
 * Cyclical learning rate (Smith 2017, IEEE WACV, 464–472, Eq. in §3.1): with update count i and half-cycle
 * length s, {@code cycle = ⌊1 + i/(2s)⌋}, {@code x = |i/s − 2·cycle + 1|} and
 * {@code rate = base + (max − base)·max(0, 1 − x)·scale}, where scale is 1 (triangular), 2^(1−cycle) (triangular2)
 * or γ^i (exp_range). Immutable and thread-safe.
 */
final class CyclicalTracker implements Tracker {

    private final LearningRateSchedule.Policy policy;
    private final double base;
    private final double max;
    private final int halfCycle;
    private final double gamma;

    CyclicalTracker(LearningRateSchedule.Policy policy, double base, double max, int halfCycle, double gamma) {
        this.policy = policy;
        this.base = base;
        this.max = max;
        this.halfCycle = halfCycle;
        this.gamma = gamma;
    }

    @Override
    public float getNewValue(int numUpdate) {
        double cycle = Math.floor(1 + numUpdate / (2.0 * halfCycle));
        double x = Math.abs((double) numUpdate / halfCycle - 2 * cycle + 1);
        double scale = switch (policy) {
            case TRIANGULAR2 -> Math.pow(2, 1 - cycle);
            case EXP_RANGE -> Math.pow(gamma, numUpdate);
            default -> 1;
        };
        return (float) (base + (max - base) * Math.max(0, 1 - x) * scale);
    }
}
