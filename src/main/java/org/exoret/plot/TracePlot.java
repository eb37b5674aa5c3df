package org.exoret.plot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.exoret.ExoretException;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Trace plot: one panel per parameter, value against draw index within its chain, one line per chain
 * (at most {@value #MAX_CHAINS} chains and {@value #MAX_POINTS} points per chain are drawn, thinned evenly).
 */
public final class TracePlot {

    static final int MAX_CHAINS = 16;
    static final int MAX_POINTS = 2000;
    static final int WIDTH = 900;
    static final int PANEL_HEIGHT = 180;

    private TracePlot() {
    }

    /**
     * @param series the draws
     * @param chain chain id per draw
     * @return a figure {@value #WIDTH} pixels wide and {@value #PANEL_HEIGHT} pixels per parameter high
     */
    public static Figure of(PlotSeries series, int[] chain) {
        double[][] s = series.samples();
        if (chain.length != s.length) {
            throw new ExoretException(ExoretException.Kind.MISMATCH,
                    s.length + " draws but " + chain.length + " chain ids");
        }
        int[] ids = Arrays.stream(chain).distinct().sorted().limit(MAX_CHAINS).toArray();
        List<XYChart> charts = new ArrayList<>();
        for (int j = 0; j < series.dimension(); j++) {
            XYChart c = Charts.chart(WIDTH, PANEL_HEIGHT, j == 0 ? series.name() : "", "draw in chain",
                    series.titles().get(j));
            c.getStyler().setLegendVisible(false);
            double lastDraw = 1;
            for (int id : ids) {
                int col = j;
                double[] values = Arrays.stream(java.util.stream.IntStream.range(0, s.length)
                        .filter(i -> chain[i] == id).toArray()).mapToDouble(i -> s[i][col]).toArray();
                int stride = Math.max(1, (values.length + MAX_POINTS - 1) / MAX_POINTS);
                int m = (values.length + stride - 1) / stride;
                double[] x = new double[m];
                double[] y = new double[m];
                for (int k = 0; k < m; k++) {
                    x[k] = k * stride;
                    y[k] = values[k * stride];
                }
                lastDraw = Math.max(lastDraw, x[m - 1]);
                XYSeries line = c.addSeries("chain " + id, x, y);
                line.setMarker(SeriesMarkers.NONE);
                line.setLineWidth(0.8f);
                line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            }
            Charts.niceXAxis(c, new double[] {0, lastDraw});
            charts.add(c);
        }
        return Charts.grid(charts, 1, WIDTH, PANEL_HEIGHT);
    }
}
