package org.exoret.surrogate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.training.tracker.Tracker;
import org.junit.jupiter.api.Test;

/** Values of Smith (2017, IEEE WACV, 464) cyclical policies at known points of the cycle. */
class LearningRateScheduleTest {

    private static final double TOL = 1e-9;

    private static Tracker tracker(LearningRateSchedule.Policy policy, double gamma) {
        // half-cycle of 2 epochs × 5 updates = 10 updates
        return new LearningRateSchedule(policy, 1e-4, 1e-3, 2, gamma).tracker(5, 100);
    }

    @Test
    void triangularRisesToMaxAtHalfCycleAndReturns() {
        Tracker t = tracker(LearningRateSchedule.Policy.TRIANGULAR, 1);
        assertEquals(1e-4, t.getNewValue(0), TOL);
        assertEquals(5.5e-4, t.getNewValue(5), TOL);
        assertEquals(1e-3, t.getNewValue(10), TOL);
        assertEquals(1e-4, t.getNewValue(20), TOL);
        assertEquals(1e-3, t.getNewValue(30), TOL);
    }

    @Test
    void triangular2HalvesTheAmplitudeEachCycle() {
        Tracker t = tracker(LearningRateSchedule.Policy.TRIANGULAR2, 1);
        assertEquals(1e-3, t.getNewValue(10), TOL);
        assertEquals(1e-4 + 0.5 * 9e-4, t.getNewValue(30), TOL);
        assertEquals(1e-4 + 0.25 * 9e-4, t.getNewValue(50), TOL);
    }

    @Test
    void expRangeDecaysAsGammaToTheUpdate() {
        Tracker t = tracker(LearningRateSchedule.Policy.EXP_RANGE, 0.99);
        assertEquals(1e-4 + 9e-4 * Math.pow(0.99, 10), t.getNewValue(10), TOL);
        assertEquals(1e-4 + 9e-4 * Math.pow(0.99, 30), t.getNewValue(30), TOL);
    }

    @Test
    void constantAndCosine() {
        assertEquals(1e-3, tracker(LearningRateSchedule.Policy.CONSTANT, 1).getNewValue(77), TOL);
        Tracker cos = tracker(LearningRateSchedule.Policy.COSINE, 1);
        assertEquals(1e-3, cos.getNewValue(0), 1e-9);
        assertEquals(1e-4, cos.getNewValue(500), 1e-9);
    }

    @Test
    void descriptionsNameThePolicyAndItsRates() {
        assertEquals("cosine 0.002 → 1.0E-5", LearningRateSchedule.cosine(2e-3, 1e-5).describe());
        assertEquals("triangular2 1.0E-4–0.003, half-cycle 4.0 epochs",
                new LearningRateSchedule(LearningRateSchedule.Policy.TRIANGULAR2, 1e-4, 3e-3, 4, 1).describe());
        assertEquals("exp_range 1.0E-4–0.001, half-cycle 2.0 epochs, gamma 0.99",
                new LearningRateSchedule(LearningRateSchedule.Policy.EXP_RANGE, 1e-4, 1e-3, 2, 0.99).describe());
    }
}
