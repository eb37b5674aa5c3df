package org.exoret.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;

/** XChart helpers shared by the line-chart figures: a common style and grids of charts on one image. */
final class Charts {

    private Charts() {
    }

    static XYChart chart(int width, int height, String title, String xTitle, String yTitle) {
        XYChart c = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        XYStyler st = c.getStyler();
        st.setPlotGridLinesColor(new Color(225, 225, 225));
        st.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        st.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setChartTitleBoxVisible(false);
        st.setLegendBorderColor(Color.WHITE);
        st.setMarkerSize(4);
        st.setAntiAlias(true);
        st.setChartTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        return c;
    }

    /** Paints charts row by row into a grid of equal cells. */
    static Figure grid(List<XYChart> charts, int columns, int cellWidth, int cellHeight) {
        int rows = (charts.size() + columns - 1) / columns;
        BufferedImage img = Figure.canvas(columns * cellWidth, rows * cellHeight);
        Graphics2D g = Figure.graphics(img);
        for (int k = 0; k < charts.size(); k++) {
            Graphics2D cell = (Graphics2D) g.create((k % columns) * cellWidth, (k / columns) * cellHeight,
                    cellWidth, cellHeight);
            charts.get(k).paint(cell, cellWidth, cellHeight);
            cell.dispose();
        }
        g.dispose();
        return new Figure(img);
    }

    /** Round axis limits and compact tick labels; XChart otherwise ticks at the raw data limits. */
    static void niceXAxis(XYChart c, double[] range) {
        double[] ticks = CornerPlot.ticks(range);
        double step = ticks.length > 1 ? ticks[1] - ticks[0] : range[1] - range[0];
        c.getStyler().setXAxisMin(Math.floor(range[0] / step) * step);
        c.getStyler().setXAxisMax(Math.ceil(range[1] / step) * step);
        c.getStyler().setxAxisTickLabelsFormattingFunction(CornerPlot::label);
    }

    static Color alpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }
}
