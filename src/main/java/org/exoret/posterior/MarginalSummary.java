package org.exoret.posterior;

import java.util.List;

/**
 * Summary of one parameter's marginal posterior.
 *
 * @param name parameter name
 * @param unit unit ({@code ""} when dimensionless)
 * @param median median
 * @param mean mean
 * @param standardDeviation standard deviation
 * @param central68 central interval holding 68.27 % (16th–84th percentile)
 * @param hpd HPD regions at 68.27, 95.45 and 99.73 %
 */
public record MarginalSummary(String name, String unit, double median, double mean, double standardDeviation,
        Interval central68, List<CredibleRegion> hpd) {

    /** Copies. */
    public MarginalSummary {
        hpd = List.copyOf(hpd);
    }

    /**
     * @param name parameter name
     * @param unit unit
     * @param samples the parameter's draws
     * @return its summary
     */
    public static MarginalSummary of(String name, String unit, double[] samples) {
        double mean = java.util.Arrays.stream(samples).average().orElseThrow();
        double var = java.util.Arrays.stream(samples).map(v -> (v - mean) * (v - mean)).sum()
                / Math.max(1, samples.length - 1);
        return new MarginalSummary(name, unit, CredibleRegions.median(samples), mean, Math.sqrt(var),
                CredibleRegions.central(samples, CredibleRegions.SIGMA_LEVELS[0]),
                CredibleRegions.hpd(samples, CredibleRegions.SIGMA_LEVELS));
    }
}
