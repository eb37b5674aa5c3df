package org.exoret.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.exoret.posterior.Posterior;
import org.junit.jupiter.api.Test;

class TrainingBoxEdgesTest {

    private static final List<String> BUNDLE = List.of("log10_kappa", "alpha", "beta");
    private static final double[] LOWER = {-5, 0, 0.5};
    private static final double[] UPPER = {1, 1, 1.3};

    /** Uniform draws over the box put 2 × MARGIN of their mass in the edge zones (binomial tolerance, 5σ). */
    @Test
    void uniformDrawsHaveTwiceTheMarginNearTheEdges() {
        int n = 200_000;
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(5L);
        double[][] draws = new double[n][3];
        for (double[] d : draws) {
            for (int k = 0; k < 3; k++) {
                d[k] = LOWER[k] + (UPPER[k] - LOWER[k]) * rng.nextDouble();
            }
        }
        Map<String, Double> f = TrainingBoxEdges.fractionNearEdges(Posterior.of(BUNDLE, draws), BUNDLE, LOWER, UPPER);
        double p = 2 * TrainingBoxEdges.MARGIN;
        double tolerance = 5 * Math.sqrt(p * (1 - p) / n);
        for (String name : BUNDLE) {
            assertEquals(p, f.get(name), tolerance, name);
        }
    }

    /** A posterior piled against one bound is all edge; one in the middle has none; unknown parameters are skipped. */
    @Test
    void piledUpAndCentredPosteriors() {
        double[][] draws = new double[1000][];
        for (int i = 0; i < draws.length; i++) {
            draws[i] = new double[] {0.99 - 1e-4 * i, 0.5 + 1e-5 * i, 42};
        }
        Posterior p = Posterior.of(List.of("log10_kappa", "alpha", "not_in_bundle"), draws);
        Map<String, Double> f = TrainingBoxEdges.fractionNearEdges(p, BUNDLE, LOWER, UPPER);
        assertEquals(List.of("log10_kappa", "alpha"), List.copyOf(f.keySet()));
        assertEquals(1.0, f.get("log10_kappa"), 0.0);
        assertEquals(0.0, f.get("alpha"), 0.0);
        assertFalse(f.containsKey("not_in_bundle"));
    }
}
