package org.exoret.surrogate;

import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Test-split accuracy of a surrogate, per spectral channel, and band-depth errors in units of the observational
 * uncertainty. Immutable; arrays are copied out.
 *
 * @param rmseNormalised RMSE per channel, normalised units
 * @param rmsePhysical RMSE per channel, erg s⁻¹ cm⁻² (cm⁻¹)⁻¹
 * @param r2Normalised coefficient of determination per channel, normalised units
 * @param r2Physical coefficient of determination per channel, physical units
 * @param meanRelativeError mean over test samples of |predicted − true|/|true| per channel
 * @param bandErrorOverSigma |predicted − true band depth|/σ_band for every test sample and band (empty without bands)
 */
public record SurrogateMetrics(double[] rmseNormalised, double[] rmsePhysical, double[] r2Normalised,
                               double[] r2Physical, double[] meanRelativeError, double[] bandErrorOverSigma) {

    /** Copies. */
    public SurrogateMetrics {
        rmseNormalised = rmseNormalised.clone();
        rmsePhysical = rmsePhysical.clone();
        r2Normalised = r2Normalised.clone();
        r2Physical = r2Physical.clone();
        meanRelativeError = meanRelativeError.clone();
        bandErrorOverSigma = bandErrorOverSigma.clone();
    }

    @Override
    public double[] rmseNormalised() {
        return rmseNormalised.clone();
    }

    @Override
    public double[] rmsePhysical() {
        return rmsePhysical.clone();
    }

    @Override
    public double[] r2Normalised() {
        return r2Normalised.clone();
    }

    @Override
    public double[] r2Physical() {
        return r2Physical.clone();
    }

    @Override
    public double[] meanRelativeError() {
        return meanRelativeError.clone();
    }

    @Override
    public double[] bandErrorOverSigma() {
        return bandErrorOverSigma.clone();
    }

    /** @return the summary stored in the bundle descriptor */
    public BundleDescriptor.MetricsSummary summary() {
        double bandMedian = Double.NaN;
        double band95 = Double.NaN;
        if (bandErrorOverSigma.length > 0) {
            Percentile p = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
            bandMedian = p.evaluate(bandErrorOverSigma, 50);
            band95 = p.evaluate(bandErrorOverSigma, 95);
        }
        return new BundleDescriptor.MetricsSummary(median(rmseNormalised), median(rmsePhysical), median(r2Physical),
                Arrays.stream(r2Physical).min().orElse(Double.NaN), median(meanRelativeError), bandMedian, band95);
    }

    private static double median(double[] x) {
        return new Percentile().withEstimationType(Percentile.EstimationType.R_7).evaluate(x, 50);
    }
}
