package org.exoret.plot;

import java.awt.Color;
import java.util.Locale;
import org.exoret.ExoretException;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Temperature–pressure profile: median temperature and its 68.27 % and 95.45 % central bands against
 * pressure on a logarithmic axis, high pressure (deep atmosphere) at the bottom, as is conventional.
 */
public final class TemperatureProfilePlot {

    static final int WIDTH = 600;
    static final int HEIGHT = 700;

    private TemperatureProfilePlot() {
    }

    /**
     * @param pressureBar pressure grid in bar (positive, any order)
     * @param temperatureSamplesK m × (grid size) temperatures in K, one profile per posterior draw
     * @param bestFitK best-fit profile in K, or {@code null}
     * @return a {@value #WIDTH} × {@value #HEIGHT} figure
     */
    public static Figure of(double[] pressureBar, double[][] temperatureSamplesK, double[] bestFitK) {
        int n = pressureBar.length;
        double[] logP = new double[n];
        for (int k = 0; k < n; k++) {
            if (!(pressureBar[k] > 0) || !Double.isFinite(pressureBar[k])) {
                throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT,
                        "pressure must be positive and finite, got " + pressureBar[k] + " bar at layer " + k);
            }
            // Minus log10 p puts deep layers at the bottom of XChart's upward-increasing axis.
            logP[k] = -Math.log10(pressureBar[k]);
        }
        Bands bands = Bands.of(temperatureSamplesK, n, "temperature profile");
        XYChart c = Charts.chart(WIDTH, HEIGHT, "Temperature profile", "Temperature (K)", "Pressure (bar)");
        c.getStyler().setyAxisTickLabelsFormattingFunction(v -> String.format(Locale.ROOT, "1e%d",
                Math.round(-v)));
        band(c, "95.45 %", logP, bands.lower95(), bands.upper95(), new Color(255, 160, 90, 110));
        band(c, "68.27 %", logP, bands.lower68(), bands.upper68(), new Color(230, 90, 20, 140));
        line(c, "median", bands.median(), logP, Color.BLACK);
        if (bestFitK != null) {
            if (bestFitK.length != n) {
                throw new ExoretException(ExoretException.Kind.MISMATCH,
                        "best-fit profile has " + bestFitK.length + " layers, the grid has " + n);
            }
            line(c, "best fit", bestFitK, logP, Figure.COLOR_A);
        }
        return Charts.grid(java.util.List.of(c), 1, WIDTH, HEIGHT);
    }

    private static void band(XYChart c, String name, double[] logP, double[] lo, double[] hi, Color color) {
        double[][] poly = Bands.polygon(logP, lo, hi, true);
        XYSeries s = c.addSeries(name, poly[0], poly[1]);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        s.setMarker(SeriesMarkers.NONE);
        s.setFillColor(color);
        s.setLineColor(color);
    }

    private static void line(XYChart c, String name, double[] x, double[] y, Color color) {
        XYSeries s = c.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setLineWidth(2f);
    }
}
