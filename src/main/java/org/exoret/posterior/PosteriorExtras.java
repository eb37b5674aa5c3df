package org.exoret.posterior;

import org.exoret.ExoretException;

/**
 * Run information stored next to posterior samples in {@link PosteriorCsv} and {@link Mc3Npz} files.
 * Absent values are {@code null} (arrays) or NaN (numbers); {@link #none()} has nothing and no burn-in.
 * Immutable: arrays are copied in and out.
 *
 * @param bestFit best-fitting parameter vector (the maximum-posterior draw), or {@code null}
 * @param bestLogPosterior log-posterior at {@code bestFit}, or NaN
 * @param burnIn number of leading draws of each chain in the file that are burn-in (readers drop them), ≥ 0
 * @param acceptanceRate fraction of accepted proposals in [0, 1], or NaN (MC3 files store it in percent)
 * @param rHat Gelman–Rubin potential scale reduction per parameter, or {@code null}
 * @param effectiveSampleSize effective sample size per parameter, or {@code null}
 */
public record PosteriorExtras(double[] bestFit, double bestLogPosterior, int burnIn, double acceptanceRate,
        double[] rHat, double[] effectiveSampleSize) {

    /** Validates and copies. */
    public PosteriorExtras {
        if (burnIn < 0) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "burn-in must be ≥ 0, got " + burnIn);
        }
        if (!Double.isNaN(acceptanceRate) && !(acceptanceRate >= 0 && acceptanceRate <= 1)) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT,
                    "acceptance rate is a fraction in [0, 1], got " + acceptanceRate);
        }
        bestFit = bestFit == null ? null : bestFit.clone();
        rHat = rHat == null ? null : rHat.clone();
        effectiveSampleSize = effectiveSampleSize == null ? null : effectiveSampleSize.clone();
    }

    /** @return extras with nothing recorded and no burn-in */
    public static PosteriorExtras none() {
        return new PosteriorExtras(null, Double.NaN, 0, Double.NaN, null, null);
    }

    /**
     * @param parameters best-fitting parameters
     * @param logPosterior their log-posterior
     * @return a copy with the best fit set
     */
    public PosteriorExtras withBestFit(double[] parameters, double logPosterior) {
        return new PosteriorExtras(parameters, logPosterior, burnIn, acceptanceRate, rHat, effectiveSampleSize);
    }

    /**
     * @param draws leading draws per chain that are burn-in
     * @return a copy with the burn-in set
     */
    public PosteriorExtras withBurnIn(int draws) {
        return new PosteriorExtras(bestFit, bestLogPosterior, draws, acceptanceRate, rHat, effectiveSampleSize);
    }

    /**
     * @param fraction accepted fraction in [0, 1]
     * @return a copy with the acceptance rate set
     */
    public PosteriorExtras withAcceptanceRate(double fraction) {
        return new PosteriorExtras(bestFit, bestLogPosterior, burnIn, fraction, rHat, effectiveSampleSize);
    }

    /**
     * @param values R̂ per parameter
     * @return a copy with R̂ set
     */
    public PosteriorExtras withRHat(double[] values) {
        return new PosteriorExtras(bestFit, bestLogPosterior, burnIn, acceptanceRate, values, effectiveSampleSize);
    }

    /**
     * @param values effective sample size per parameter
     * @return a copy with the effective sample sizes set
     */
    public PosteriorExtras withEffectiveSampleSize(double[] values) {
        return new PosteriorExtras(bestFit, bestLogPosterior, burnIn, acceptanceRate, rHat, values);
    }

    @Override
    public double[] bestFit() {
        return bestFit == null ? null : bestFit.clone();
    }

    @Override
    public double[] rHat() {
        return rHat == null ? null : rHat.clone();
    }

    @Override
    public double[] effectiveSampleSize() {
        return effectiveSampleSize == null ? null : effectiveSampleSize.clone();
    }

    /** Checks the per-parameter arrays against a parameter count. */
    void requireParameterCount(int d) {
        check("best fit", bestFit, d);
        check("R-hat", rHat, d);
        check("effective sample size", effectiveSampleSize, d);
    }

    private static void check(String what, double[] values, int d) {
        if (values != null && values.length != d) {
            throw new ExoretException(ExoretException.Kind.MISMATCH,
                    what + " has " + values.length + " values for " + d + " parameters");
        }
    }
}
