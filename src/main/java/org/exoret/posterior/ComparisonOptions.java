package org.exoret.posterior;

import org.exoret.ExoretException;

/**
 * Settings of {@link PosteriorComparison#compare}.
 *
 * @param bins histogram bins for the Bhattacharyya coefficient (HOMER: 60)
 * @param nameA display name of the first posterior
 * @param nameB display name of the second posterior
 * @param seed seed of the random chain partitions and bootstrap resamples
 * @param splitRepeats random half-partitions of the chains averaged in the noise floor (≥ 1)
 * @param bootstrapReplicates bootstrap replicates for the standard error of BC (≥ 2)
 */
public record ComparisonOptions(int bins, String nameA, String nameB, long seed, int splitRepeats,
        int bootstrapReplicates) {

    /** Validates. */
    public ComparisonOptions {
        if (bins < 2) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "bins must be ≥ 2, got " + bins);
        }
        if (splitRepeats < 1 || bootstrapReplicates < 2) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT,
                    "splitRepeats must be ≥ 1 and bootstrapReplicates ≥ 2, got " + splitRepeats + " and "
                            + bootstrapReplicates);
        }
        if (nameA == null || nameB == null || nameA.isBlank() || nameB.isBlank()) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "posterior names must be non-blank");
        }
    }

    /** @return 60 bins, names "A" and "B", seed 1, 20 split repeats, 200 bootstrap replicates */
    public static ComparisonOptions defaults() {
        return new ComparisonOptions(Bhattacharyya.HOMER_BINS, "A", "B", 1L, 20, 200);
    }

    /**
     * @param count histogram bins
     * @return a copy with another bin count
     */
    public ComparisonOptions withBins(int count) {
        return new ComparisonOptions(count, nameA, nameB, seed, splitRepeats, bootstrapReplicates);
    }

    /**
     * @param a display name of the first posterior
     * @param b display name of the second posterior
     * @return a copy with other names
     */
    public ComparisonOptions withNames(String a, String b) {
        return new ComparisonOptions(bins, a, b, seed, splitRepeats, bootstrapReplicates);
    }

    /**
     * @param value seed
     * @return a copy with another seed
     */
    public ComparisonOptions withSeed(long value) {
        return new ComparisonOptions(bins, nameA, nameB, value, splitRepeats, bootstrapReplicates);
    }
}
