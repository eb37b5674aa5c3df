package org.exoret.posterior;

import java.util.List;

/**
 * A highest-posterior-density credible region of one parameter: the smallest set holding the given
 * probability, possibly a union of disjoint intervals for a multimodal marginal.
 *
 * @param probability enclosed probability in (0, 1), e.g. 0.6827
 * @param intervals disjoint intervals in increasing order
 */
public record CredibleRegion(double probability, List<Interval> intervals) {

    /** Copies. */
    public CredibleRegion {
        intervals = List.copyOf(intervals);
    }

    /** @return {@code [lo, hi] ∪ [lo, hi]} with 4 significant digits */
    public String format() {
        StringBuilder s = new StringBuilder();
        for (Interval i : intervals) {
            s.append(s.length() == 0 ? "" : " ∪ ").append('[').append(Summaries.number(i.lower())).append(", ")
                    .append(Summaries.number(i.upper())).append(']');
        }
        return s.toString();
    }
}
