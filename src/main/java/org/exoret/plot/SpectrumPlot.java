package org.exoret.plot;

import java.awt.Color;
import org.exoret.ExoretException;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Spectrum: the best-fit model with the 68.27 % and 95.45 % central bands of the posterior-predictive
 * spectra, and the observations with 1σ error bars (e.g. eclipse depths F_p/F_* per band).
 */
public final class SpectrumPlot {

    static final int WIDTH = 900;
    static final int HEIGHT = 500;

    private SpectrumPlot() {
    }

    /**
     * @param wavelengthUm model wavelength grid in µm
     * @param modelSamples m × (grid size) model spectra, one per posterior draw
     * @param bestFit best-fit model on the grid, or {@code null} to show the median
     * @param dataWavelengthUm observation wavelengths in µm
     * @param data observed values, same unit as the model
     * @param uncertainty 1σ uncertainties of the observations
     * @param yTitle y-axis title, e.g. {@code "Fp/Fs"}
     * @return a {@value #WIDTH} × {@value #HEIGHT} figure
     */
    public static Figure of(double[] wavelengthUm, double[][] modelSamples, double[] bestFit,
            double[] dataWavelengthUm, double[] data, double[] uncertainty, String yTitle) {
        int n = wavelengthUm.length;
        if (data.length != dataWavelengthUm.length || uncertainty.length != data.length) {
            throw new ExoretException(ExoretException.Kind.MISMATCH, dataWavelengthUm.length + " data wavelengths, "
                    + data.length + " values and " + uncertainty.length + " uncertainties");
        }
        Bands bands = Bands.of(modelSamples, n, "spectrum");
        XYChart c = Charts.chart(WIDTH, HEIGHT, "Spectrum", "Wavelength (µm)", yTitle);
        add(c, "95.45 %", Bands.polygon(wavelengthUm, bands.lower95(), bands.upper95(), false),
                new Color(120, 180, 230, 110), XYSeries.XYSeriesRenderStyle.PolygonArea);
        add(c, "68.27 %", Bands.polygon(wavelengthUm, bands.lower68(), bands.upper68(), false),
                new Color(40, 120, 200, 140), XYSeries.XYSeriesRenderStyle.PolygonArea);
        double[] model = bestFit == null ? bands.median() : bestFit;
        if (model.length != n) {
            throw new ExoretException(ExoretException.Kind.MISMATCH,
                    "best-fit spectrum has " + model.length + " points, the grid has " + n);
        }
        XYSeries best = add(c, bestFit == null ? "median" : "best fit", new double[][] {wavelengthUm, model},
                new Color(10, 40, 110), XYSeries.XYSeriesRenderStyle.Line);
        best.setLineWidth(1.8f);
        XYSeries obs = c.addSeries("data", dataWavelengthUm, data, uncertainty);
        obs.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        obs.setMarker(SeriesMarkers.CIRCLE);
        obs.setMarkerColor(Color.BLACK);
        c.getStyler().setErrorBarsColor(Color.BLACK);
        c.getStyler().setMarkerSize(7);
        return Charts.grid(java.util.List.of(c), 1, WIDTH, HEIGHT);
    }

    private static XYSeries add(XYChart c, String name, double[][] xy, Color color,
            XYSeries.XYSeriesRenderStyle style) {
        XYSeries s = c.addSeries(name, xy[0], xy[1]);
        s.setXYSeriesRenderStyle(style);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setFillColor(color);
        return s;
    }
}
