package org.exoret.forward;

import org.exoret.ExoretException;

/**
 * The linear map from a planet emission spectrum to band depths: {@code depth_b = Σ_j weight[b][j] · F_p(ν̃_j)}.
 * It folds division by the stellar flux, the (R_p/R_*)² factor and each passband's normalised response
 * (with the quadrature weight of the model grid) into one matrix, so a surrogate that predicts F_p linearly
 * can fold it into its last layer. Immutable.
 */
public final class BandProjection {

    private final double[][] weight;

    /**
     * @param weight bands × wavenumbers, in (erg s⁻¹ cm⁻² (cm⁻¹)⁻¹)⁻¹; copied
     */
    public BandProjection(double[][] weight) {
        if (weight.length == 0) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "a band projection needs at least one band");
        }
        int n = weight[0].length;
        this.weight = new double[weight.length][];
        for (int b = 0; b < weight.length; b++) {
            if (weight[b].length != n) {
                throw new ExoretException(ExoretException.Kind.MISMATCH,
                        "band " + b + " has " + weight[b].length + " weights, band 0 has " + n);
            }
            this.weight[b] = weight[b].clone();
        }
    }

    /** @return the number of bands */
    public int bandCount() {
        return weight.length;
    }

    /** @return the number of wavenumbers of the model grid */
    public int wavenumberCount() {
        return weight[0].length;
    }

    /**
     * @param band band index
     * @return that band's weights (a copy)
     */
    public double[] weights(int band) {
        return weight[band].clone();
    }

    /**
     * Projects a spectrum.
     *
     * @param planetFlux F_p on the model grid, erg s⁻¹ cm⁻² (cm⁻¹)⁻¹
     * @return band depths
     */
    public double[] apply(double[] planetFlux) {
        if (planetFlux.length != wavenumberCount()) {
            throw new ExoretException(ExoretException.Kind.MISMATCH,
                    "spectrum has " + planetFlux.length + " points, the band projection expects " + wavenumberCount());
        }
        double[] depth = new double[weight.length];
        for (int b = 0; b < weight.length; b++) {
            double s = 0;
            double[] w = weight[b];
            for (int j = 0; j < w.length; j++) {
                s += w[j] * planetFlux[j];
            }
            depth[b] = s;
        }
        return depth;
    }
}
