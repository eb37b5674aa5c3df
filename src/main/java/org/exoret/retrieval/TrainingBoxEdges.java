package org.exoret.retrieval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exoret.posterior.Posterior;

/**
 * How much of a surrogate posterior lies against the edges of the box the bundle was trained on. A network is least
 * accurate at the edges of its training data, and a prior that reaches those edges lets the sampler find likelihood
 * peaks that belong to the network, not to the atmosphere (an HD 189733 b case is in docs/reproduce-himes2022.md).
 * The report lists the fraction per parameter, so such a posterior is noticed without an RT run.
 */
final class TrainingBoxEdges {

    /** Width of the edge zone on each side, as a fraction of the training range. */
    static final double MARGIN = 0.02;

    /**
     * Above this fraction in an edge zone the report warns; a posterior spread evenly over the box has
     * {@code 2 × MARGIN} there.
     */
    static final double WARN_FRACTION = 0.1;

    private TrainingBoxEdges() {
    }

    /**
     * @param fraction a fraction from {@link #fractionNearEdges}
     * @return whether it exceeds {@link #WARN_FRACTION}
     */
    static boolean isHigh(double fraction) {
        return fraction > WARN_FRACTION;
    }

    /**
     * @param posterior the draws
     * @param names the bundle's parameter names, in the order of {@code lower} and {@code upper}
     * @param lower the bundle's training lower bounds
     * @param upper the bundle's training upper bounds
     * @return per posterior parameter the bundle knows: the fraction of draws within {@link #MARGIN} of the training
     *     range from either bound, in the posterior's parameter order
     */
    static Map<String, Double> fractionNearEdges(Posterior posterior, List<String> names, double[] lower,
                                                 double[] upper) {
        Map<String, Double> fractions = new LinkedHashMap<>();
        for (int j = 0; j < posterior.parameterCount(); j++) {
            int k = names.indexOf(posterior.names().get(j));
            if (k < 0) {
                continue;
            }
            double zone = MARGIN * (upper[k] - lower[k]);
            int near = 0;
            double[] column = posterior.column(j);
            for (double v : column) {
                if (v - lower[k] < zone || upper[k] - v < zone) {
                    near++;
                }
            }
            fractions.put(posterior.names().get(j), near / (double) column.length);
        }
        return fractions;
    }
}
