package org.exoret.testmodel;

import java.util.List;
import org.exoret.ExoretException;
import org.exoret.dataset.ParameterSpace;
import org.exoret.forward.BandProjection;
import org.exoret.forward.ForwardModel;
import org.exoret.forward.ForwardResult;

/**
 * A cheap analytic forward model for tests: a blackbody planet πB_ν̃(T) with two Gaussian absorption features whose
 * depth, centre and width depend non-linearly on the parameters, on a 1000–4000 cm⁻¹ grid. Rejects hot, deep-lined
 * samples with a named reason, as the RT reference rejects unphysical ones. Band depths use top-hat bands divided
 * by a 5000 K blackbody star times (R_p/R_*)² = 0.0246. Immutable and thread-safe.
 */
public final class GaussianLineModel implements ForwardModel {

    /** Planck's constant, erg s (CODATA 2018, exact). */
    private static final double H = 6.62607015e-27;
    /** Speed of light, cm s⁻¹ (exact). */
    private static final double C = 2.99792458e10;
    /** Boltzmann's constant, erg K⁻¹ (CODATA 2018, exact). */
    private static final double K = 1.380649e-16;
    /** The rejection reason for hot, deep-lined samples. */
    public static final String TOO_DEEP = "line too deep for a hot atmosphere";

    private static final double STAR_K = 5000;
    private static final double AREA_RATIO = 0.0246;

    private final double[] grid;
    private final BandProjection projection;

    /** @param channels number of grid points on 1000–4000 cm⁻¹ */
    public GaussianLineModel(int channels) {
        grid = new double[channels];
        for (int j = 0; j < channels; j++) {
            grid[j] = 1000 + 3000.0 * j / (channels - 1);
        }
        double[][] bands = {{1200, 1500}, {1800, 2100}, {2100, 2400}, {2600, 3000}, {3200, 3900}};
        double[][] w = new double[bands.length][channels];
        for (int b = 0; b < bands.length; b++) {
            int n = 0;
            for (int j = 0; j < channels; j++) {
                if (grid[j] >= bands[b][0] && grid[j] < bands[b][1]) {
                    n++;
                }
            }
            for (int j = 0; j < channels; j++) {
                if (grid[j] >= bands[b][0] && grid[j] < bands[b][1]) {
                    w[b][j] = AREA_RATIO / (n * planck(grid[j], STAR_K));
                }
            }
        }
        projection = new BandProjection(w);
    }

    /** @return the box the tests sample */
    public static ParameterSpace space() {
        return new ParameterSpace(List.of("temperatureK", "lineDepth", "lineShiftPerCm", "log10LineWidthPerCm"),
                List.of("K", "", "cm-1", "dex"), new double[] {900, 0.05, -150, 1.3}, new double[] {1800, 0.9, 150, 2.3});
    }

    /** @return the band projection of this model's five top-hat bands */
    public BandProjection bandProjection() {
        return projection;
    }

    /** πB_ν̃(T), erg s⁻¹ cm⁻² (cm⁻¹)⁻¹. */
    static double planck(double wavenumberPerCm, double temperatureK) {
        double x = H * C * wavenumberPerCm / (K * temperatureK);
        return Math.PI * 2 * H * C * C * Math.pow(wavenumberPerCm, 3) / Math.expm1(x);
    }

    @Override
    public List<String> parameterNames() {
        return space().names();
    }

    @Override
    public int bandCount() {
        return projection.bandCount();
    }

    @Override
    public double[] wavenumberPerCm() {
        return grid.clone();
    }

    @Override
    public ForwardResult evaluate(double[][] theta) {
        ForwardResult full = evaluateWithSpectra(theta);
        double[][] depth = new double[theta.length][];
        String[] reason = new String[theta.length];
        for (int i = 0; i < theta.length; i++) {
            reason[i] = full.rejection(i);
            depth[i] = full.accepted(i) ? full.bandDepth(i) : null;
        }
        return ForwardResult.of(depth, null, reason);
    }

    @Override
    public ForwardResult evaluateWithSpectra(double[][] theta) {
        double[][] depth = new double[theta.length][];
        double[][] spectra = new double[theta.length][];
        String[] reason = new String[theta.length];
        for (int i = 0; i < theta.length; i++) {
            double[] t = theta[i];
            if (t.length != 4) {
                throw new ExoretException(ExoretException.Kind.MISMATCH, "row " + i + " has " + t.length + " values, expected 4");
            }
            for (double v : t) {
                ExoretException.requireFinite("theta[" + i + "]", v);
            }
            if (t[0] > 1650 && t[1] > 0.8) {
                reason[i] = TOO_DEEP;
                continue;
            }
            spectra[i] = spectrum(t);
            depth[i] = projection.apply(spectra[i]);
        }
        return ForwardResult.of(depth, spectra, reason);
    }

    private double[] spectrum(double[] t) {
        double temperature = t[0];
        double depth = t[1];
        double centre = 2200 + t[2];
        double width = Math.pow(10, t[3]);
        double[] f = new double[grid.length];
        for (int j = 0; j < grid.length; j++) {
            double g1 = Math.exp(-0.5 * Math.pow((grid[j] - centre) / width, 2));
            // second feature: depth grows with temperature, narrower
            double d2 = depth * depth * (temperature / 1800);
            double g2 = Math.exp(-0.5 * Math.pow((grid[j] - 1.5 * centre) / (0.5 * width), 2));
            f[j] = planck(grid[j], temperature) * (1 - depth * g1) * (1 - 0.7 * d2 * g2);
        }
        return f;
    }
}
