package org.exoret.posterior;

/**
 * The comparison of one parameter's marginals.
 *
 * @param name parameter name
 * @param unit unit ({@code ""} when dimensionless)
 * @param bc Bhattacharyya coefficient of the two marginals (HOMER estimator)
 * @param noiseFloor BC expected between two independent runs of one model with these effective sample sizes
 * @param noiseFloorSpread standard deviation of the noise-floor estimate over random chain partitions
 *        (0 when each posterior has fewer than 3 chains, so only one partition exists)
 * @param bcStandardError bootstrap standard error of BC (resampling chains, or blocks of a chain)
 * @param a summary of the first marginal
 * @param b summary of the second marginal
 */
public record ParameterComparison(String name, String unit, double bc, double noiseFloor, double noiseFloorSpread,
        double bcStandardError, MarginalSummary a, MarginalSummary b) {

    /** @return whether BC is within two combined standard errors of the noise floor or above it */
    public boolean consistentWithNoiseFloor() {
        double sigma = Math.hypot(noiseFloorSpread, bcStandardError);
        return bc >= noiseFloor - 2 * sigma;
    }
}
