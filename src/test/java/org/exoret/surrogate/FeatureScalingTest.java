package org.exoret.surrogate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.exoret.ExoretException;
import org.junit.jupiter.api.Test;

class FeatureScalingTest {

    /** Relative agreement of one-pass Welford and two-pass statistics in double precision. */
    private static final double STAT_TOLERANCE = 1e-12;
    /** Round-trip tolerance, relative, in double precision. */
    private static final double ROUND_TRIP = 1e-12;

    private static float[][] data(int n) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(17L);
        float[][] x = new float[n][3];
        for (int i = 0; i < n; i++) {
            x[i][0] = (float) (1e4 + rng.nextDouble());                 // large offset: naive sums lose digits
            x[i][1] = (float) Math.pow(10, -8 + 6 * rng.nextDouble());   // spans six decades, log-scaled
            x[i][2] = 3.5f;                                               // constant feature
        }
        return x;
    }

    @Test
    void streamingEqualsTwoPass() {
        float[][] x = data(5000);
        FeatureStatistics stats = new FeatureStatistics(new boolean[] {false, true, false}, k -> "f" + k);
        for (float[] row : x) {
            stats.accept(row);
        }
        FeatureScaling s = stats.toScaling();
        for (int k = 0; k < 3; k++) {
            final int col = k;
            double[] t = java.util.Arrays.stream(x).mapToDouble(r -> col == 1 ? Math.log10(r[col]) : r[col]).toArray();
            double mean = StatUtils.mean(t);
            double sd = Math.sqrt(StatUtils.populationVariance(t, mean));
            assertEquals(mean, s.mean()[k], STAT_TOLERANCE * Math.abs(mean));
            if (k < 2) {
                assertEquals(sd, s.std()[k], STAT_TOLERANCE * 1e3 * sd, "σ of feature " + k);
            } else {
                assertEquals(1.0, s.std()[k], 0.0, "a constant feature gets σ = 1");
            }
            assertEquals(StatUtils.min(t), s.min()[k], 0.0);
            assertEquals(StatUtils.max(t), s.max()[k], 0.0);
        }
    }

    @Test
    void normaliseMapsTrainingRangeOntoUnitIntervalAndRoundTrips() {
        float[][] x = data(1000);
        FeatureStatistics stats = new FeatureStatistics(new boolean[] {false, true, false}, k -> "f" + k);
        for (float[] row : x) {
            stats.accept(row);
        }
        FeatureScaling s = stats.toScaling();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (float[] row : x) {
            double[] phys = {row[0], row[1], row[2]};
            double[] n = s.normalise(phys);
            lo = Math.min(lo, Math.min(n[0], n[1]));
            hi = Math.max(hi, Math.max(n[0], n[1]));
            assertEquals(0.0, n[2], 0.0, "a constant feature normalises to 0");
            double[] back = s.denormalise(n);
            for (int k = 0; k < 3; k++) {
                assertEquals(phys[k], back[k], ROUND_TRIP * Math.abs(phys[k]));
            }
            // the affine form used by band fusion agrees with the step-by-step map
            assertEquals(phys[0], s.slope(0) * n[0] + s.intercept(0), ROUND_TRIP * phys[0]);
        }
        assertEquals(-1.0, lo, 1e-12);
        assertEquals(1.0, hi, 1e-12);
    }

    @Test
    void refusesLogOfNonPositive() {
        FeatureStatistics stats = new FeatureStatistics(new boolean[] {true}, k -> "flux channel " + k);
        ExoretException e = assertThrows(ExoretException.class, () -> stats.accept(new float[] {0f}));
        assertEquals(ExoretException.Kind.INVALID_ARGUMENT, e.kind());
        assertTrue(e.getMessage().contains("flux channel 0"), e.getMessage());
    }
}
