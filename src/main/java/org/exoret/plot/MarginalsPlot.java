package org.exoret.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.exoret.ExoretException;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One-dimensional marginal posteriors as normalised histograms (probability density), one panel per
 * parameter in a grid of {@value #COLUMNS} columns; the overlay form draws two posteriors on common bins
 * (the union of their ranges, as the Bhattacharyya coefficient uses) and prints their BC in each panel title.
 */
public final class MarginalsPlot {

    static final int COLUMNS = 3;
    static final int CELL_WIDTH = 360;
    static final int CELL_HEIGHT = 260;

    private MarginalsPlot() {
    }

    /**
     * @param series the draws
     * @param bins histogram bins
     * @return the figure: {@value #CELL_WIDTH} × {@value #CELL_HEIGHT} pixels per panel
     */
    public static Figure of(PlotSeries series, int bins) {
        List<XYChart> charts = new ArrayList<>();
        for (int j = 0; j < series.dimension(); j++) {
            double[] r = series.range(j);
            XYChart c = Charts.chart(CELL_WIDTH, CELL_HEIGHT, "", series.titles().get(j), "density");
            c.getStyler().setLegendVisible(false);
            addHistogram(c, series.name(), series.column(j), r, bins, Figure.COLOR_A);
            Charts.niceXAxis(c, r);
            charts.add(c);
        }
        return Charts.grid(charts, Math.min(COLUMNS, charts.size()), CELL_WIDTH, CELL_HEIGHT);
    }

    /**
     * @param a first posterior (blue)
     * @param b second posterior (red), same columns
     * @param bc Bhattacharyya coefficient per column, shown in the panel titles
     * @param bins histogram bins on the union of both ranges
     * @return the figure: {@value #CELL_WIDTH} × {@value #CELL_HEIGHT} pixels per panel
     */
    public static Figure overlay(PlotSeries a, PlotSeries b, double[] bc, int bins) {
        if (a.dimension() != b.dimension() || bc.length != a.dimension()) {
            throw new ExoretException(ExoretException.Kind.MISMATCH, "overlay needs equal dimensions, got "
                    + a.dimension() + ", " + b.dimension() + " and " + bc.length + " coefficients");
        }
        List<XYChart> charts = new ArrayList<>();
        for (int j = 0; j < a.dimension(); j++) {
            double[] ra = a.range(j);
            double[] rb = b.range(j);
            double[] r = {Math.min(ra[0], rb[0]), Math.max(ra[1], rb[1])};
            XYChart c = Charts.chart(CELL_WIDTH, CELL_HEIGHT, String.format(Locale.ROOT, "BC = %.4f", bc[j]),
                    a.titles().get(j), "density");
            c.getStyler().setLegendVisible(j == 0);
            addHistogram(c, a.name(), a.column(j), r, bins, Figure.COLOR_A);
            // XChart needs distinct series names.
            addHistogram(c, b.name().equals(a.name()) ? b.name() + " (2)" : b.name(), b.column(j), r, bins,
                    Figure.COLOR_B);
            Charts.niceXAxis(c, r);
            charts.add(c);
        }
        return Charts.grid(charts, Math.min(COLUMNS, charts.size()), CELL_WIDTH, CELL_HEIGHT);
    }

    /** A histogram drawn as a filled step outline: two points per bin. */
    private static void addHistogram(XYChart chart, String name, double[] values, double[] range, int bins,
            Color color) {
        double width = (range[1] - range[0]) / bins;
        double[] counts = new double[bins];
        for (double v : values) {
            int k = (int) Math.floor((v - range[0]) / width);
            counts[Math.max(0, Math.min(bins - 1, k))]++;
        }
        double[] x = new double[2 * bins];
        double[] y = new double[2 * bins];
        for (int k = 0; k < bins; k++) {
            double density = counts[k] / (values.length * width);
            x[2 * k] = range[0] + k * width;
            x[2 * k + 1] = range[0] + (k + 1) * width;
            y[2 * k] = density;
            y[2 * k + 1] = density;
        }
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setFillColor(Charts.alpha(color, 70));
        s.setLineWidth(1.2f);
    }
}
