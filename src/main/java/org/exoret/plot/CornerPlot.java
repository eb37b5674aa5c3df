package org.exoret.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.exoret.ExoretException;

/**
 * Corner (pairwise) plot: 1-D marginal histograms on the diagonal and 2-D densities below it. A 2-D panel
 * shades a smoothed {@value #BINS_2D}×{@value #BINS_2D} histogram and draws the contours enclosing 68.27 %
 * and 95.45 % of the draws (highest-density levels, contours by marching squares on the bin centres).
 * The overlay form draws both posteriors' contours in their colours and prints the Bhattacharyya
 * coefficient on each diagonal panel. Drawn with Java2D; at most {@value #MAX_PARAMETERS} parameters.
 */
public final class CornerPlot {

    /** Most parameters shown; more make unreadable panels. */
    public static final int MAX_PARAMETERS = 12;
    static final int BINS_1D = 30;
    static final int BINS_2D = 30;
    static final double[] LEVELS = {0.682689492137, 0.954499736104};

    private CornerPlot() {
    }

    /** Pixel geometry of a corner plot. */
    record Layout(int d, int cell, int left, int top) {
        static final int GAP = 6;

        static Layout of(int d) {
            int cell = d <= 3 ? 240 : d <= 6 ? 180 : 130;
            return new Layout(d, cell, 90, 50);
        }

        int width() {
            return left + d * cell + 30;
        }

        int height() {
            return top + d * cell + 80;
        }

        int x0(int col) {
            return left + col * cell + GAP / 2;
        }

        int y0(int row) {
            return top + row * cell + GAP / 2;
        }

        int inner() {
            return cell - GAP;
        }

        /** Pixel column of value x on the axis of panel column col with range r. */
        double px(int col, double[] r, double x) {
            return x0(col) + (x - r[0]) / (r[1] - r[0]) * inner();
        }

        /** Pixel row of value y on the axis of panel row row with range r. */
        double py(int row, double[] r, double y) {
            return y0(row) + inner() - (y - r[0]) / (r[1] - r[0]) * inner();
        }
    }

    /**
     * @param series the draws (at most {@value #MAX_PARAMETERS} columns are shown)
     * @return the figure
     */
    public static Figure of(PlotSeries series) {
        return draw(List.of(series), null);
    }

    /**
     * @param a first posterior (blue)
     * @param b second posterior (red), same columns
     * @param bc Bhattacharyya coefficient per column
     * @return the figure
     */
    public static Figure overlay(PlotSeries a, PlotSeries b, double[] bc) {
        if (a.dimension() != b.dimension() || bc.length != a.dimension()) {
            throw new ExoretException(ExoretException.Kind.MISMATCH, "overlay needs equal dimensions, got "
                    + a.dimension() + ", " + b.dimension() + " and " + bc.length + " coefficients");
        }
        return draw(List.of(a, b), bc);
    }

    /** Shared axis ranges: union over the series, padded by 3 %. */
    static double[][] ranges(List<PlotSeries> series, int d) {
        double[][] r = new double[d][];
        for (int j = 0; j < d; j++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (PlotSeries s : series) {
                double[] sr = s.range(j);
                lo = Math.min(lo, sr[0]);
                hi = Math.max(hi, sr[1]);
            }
            double pad = 0.03 * (hi - lo);
            r[j] = new double[] {lo - pad, hi + pad};
        }
        return r;
    }

    private static Figure draw(List<PlotSeries> series, double[] bc) {
        int d = Math.min(series.get(0).dimension(), MAX_PARAMETERS);
        Layout lay = Layout.of(d);
        double[][] ranges = ranges(series, d);
        BufferedImage img = Figure.canvas(lay.width(), lay.height());
        Graphics2D g = Figure.graphics(img);
        Font tick = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
        Font title = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        Color[] colors = {Figure.COLOR_A, Figure.COLOR_B};
        for (int row = 0; row < d; row++) {
            for (int col = 0; col <= row; col++) {
                for (int s = 0; s < series.size(); s++) {
                    if (row == col) {
                        diagonal(g, lay, row, ranges[row], series.get(s).column(row), colors[s]);
                    } else {
                        pair(g, lay, row, col, ranges[col], ranges[row], series.get(s).column(col),
                                series.get(s).column(row), colors[s], series.size() == 1);
                    }
                }
                g.setColor(Color.DARK_GRAY);
                g.setStroke(new BasicStroke(1f));
                g.drawRect(lay.x0(col), lay.y0(row), lay.inner(), lay.inner());
                if (row == col && bc != null) {
                    g.setFont(tick);
                    g.setColor(Color.BLACK);
                    g.drawString(String.format(Locale.ROOT, "BC %.4f", bc[row]), lay.x0(col) + 5, lay.y0(row) + 13);
                }
            }
        }
        g.setFont(tick);
        g.setColor(Color.BLACK);
        for (int j = 0; j < d; j++) {
            for (double t : ticks(ranges[j])) {
                int x = (int) Math.round(lay.px(j, ranges[j], t));
                int yBottom = lay.y0(d - 1) + lay.inner();
                g.drawLine(x, yBottom, x, yBottom + 4);
                drawRotated(g, label(t), x + 4, yBottom + 7, -Math.PI / 4, true);
                if (j > 0) {
                    int y = (int) Math.round(lay.py(j, ranges[j], t));
                    g.drawLine(lay.x0(0) - 4, y, lay.x0(0), y);
                    FontMetrics fm = g.getFontMetrics();
                    g.drawString(label(t), lay.x0(0) - 6 - fm.stringWidth(label(t)), y + 4);
                }
            }
        }
        g.setFont(title);
        FontMetrics fm = g.getFontMetrics();
        List<String> titles = series.get(0).titles();
        for (int j = 0; j < d; j++) {
            String t = titles.get(j);
            int cx = lay.x0(j) + lay.inner() / 2;
            g.drawString(t, cx - fm.stringWidth(t) / 2, lay.height() - 12);
            if (j > 0) {
                int cy = lay.y0(j) + lay.inner() / 2;
                drawRotated(g, t, 16, cy + fm.stringWidth(t) / 2, -Math.PI / 2, false);
            }
        }
        int lx = lay.left;
        for (int s = 0; s < series.size(); s++) {
            g.setColor(colors[s]);
            g.fillRect(lx, 18, 14, 14);
            g.setColor(Color.BLACK);
            g.drawString(series.get(s).name(), lx + 20, 30);
            lx += 40 + fm.stringWidth(series.get(s).name());
        }
        g.drawString("contours: 68.27 % and 95.45 % highest density", lx + 20, 30);
        g.dispose();
        return new Figure(img);
    }

    private static void diagonal(Graphics2D g, Layout lay, int k, double[] r, double[] values, Color color) {
        double[] h = new double[BINS_1D];
        double w = (r[1] - r[0]) / BINS_1D;
        for (double v : values) {
            h[Math.max(0, Math.min(BINS_1D - 1, (int) ((v - r[0]) / w)))]++;
        }
        double max = Arrays.stream(h).max().orElse(1);
        Path2D.Double path = new Path2D.Double();
        double base = lay.y0(k) + lay.inner();
        path.moveTo(lay.x0(k), base);
        for (int i = 0; i < BINS_1D; i++) {
            double top = base - 0.85 * lay.inner() * h[i] / max;
            path.lineTo(lay.px(k, r, r[0] + i * w), top);
            path.lineTo(lay.px(k, r, r[0] + (i + 1) * w), top);
        }
        path.lineTo(lay.x0(k) + lay.inner(), base);
        path.closePath();
        g.setColor(Charts.alpha(color, 70));
        g.fill(path);
        g.setColor(color);
        g.setStroke(new BasicStroke(1.3f));
        g.draw(path);
    }

    private static void pair(Graphics2D g, Layout lay, int row, int col, double[] rx, double[] ry, double[] x,
            double[] y, Color color, boolean shade) {
        int n = BINS_2D;
        // One empty bin of padding on every side closes the contours.
        double[][] h = new double[n + 2][n + 2];
        double wx = (rx[1] - rx[0]) / n;
        double wy = (ry[1] - ry[0]) / n;
        for (int i = 0; i < x.length; i++) {
            int a = Math.max(0, Math.min(n - 1, (int) ((x[i] - rx[0]) / wx)));
            int b = Math.max(0, Math.min(n - 1, (int) ((y[i] - ry[0]) / wy)));
            h[a + 1][b + 1]++;
        }
        double[][] smooth = smooth(h);
        double[] levels = levels(smooth, LEVELS);
        double max = Arrays.stream(smooth).flatMapToDouble(Arrays::stream).max().orElse(1);
        java.awt.Shape clip = g.getClip();
        g.setClip(lay.x0(col), lay.y0(row), lay.inner(), lay.inner());
        for (int a = 1; a <= n; a++) {
            for (int b = 1; b <= n; b++) {
                double v = smooth[a][b];
                if (v <= 0 || (!shade && v < levels[1])) {
                    continue;
                }
                double f = shade ? Math.pow(v / max, 0.6) : 0.25;
                g.setColor(shade ? blend(color, f) : Charts.alpha(color, 60));
                // Rounded shared edges: neighbouring cells neither overlap nor leave gaps.
                int x0 = (int) Math.round(lay.px(col, rx, rx[0] + (a - 1) * wx));
                int x1 = (int) Math.round(lay.px(col, rx, rx[0] + a * wx));
                int y1 = (int) Math.round(lay.py(row, ry, ry[0] + (b - 1) * wy));
                int y0 = (int) Math.round(lay.py(row, ry, ry[0] + b * wy));
                g.fillRect(x0, y0, x1 - x0, y1 - y0);
            }
        }
        g.setColor(shade ? color.darker().darker() : color.darker());
        float[] widths = {1.6f, 1.0f};
        for (int l = 0; l < levels.length; l++) {
            g.setStroke(new BasicStroke(widths[l]));
            for (double[] seg : contour(smooth, levels[l])) {
                // grid index i (padded) has its centre at rx[0] + (i - 0.5)·wx
                g.draw(new Line2D.Double(lay.px(col, rx, rx[0] + (seg[0] - 0.5) * wx),
                        lay.py(row, ry, ry[0] + (seg[1] - 0.5) * wy), lay.px(col, rx, rx[0] + (seg[2] - 0.5) * wx),
                        lay.py(row, ry, ry[0] + (seg[3] - 0.5) * wy)));
            }
        }
        g.setClip(clip);
    }

    private static Color blend(Color c, double f) {
        return new Color((int) Math.round(255 + f * (c.getRed() - 255)), (int) Math.round(255 + f * (c.getGreen() - 255)),
                (int) Math.round(255 + f * (c.getBlue() - 255)));
    }

    /** 3×3 binomial smoothing (weights 1-2-1 in each direction). */
    static double[][] smooth(double[][] h) {
        int nx = h.length;
        int ny = h[0].length;
        double[][] out = new double[nx][ny];
        double[] w = {1, 2, 1};
        for (int a = 0; a < nx; a++) {
            for (int b = 0; b < ny; b++) {
                double s = 0;
                for (int da = -1; da <= 1; da++) {
                    for (int db = -1; db <= 1; db++) {
                        int i = a + da;
                        int j = b + db;
                        if (i >= 0 && i < nx && j >= 0 && j < ny) {
                            s += w[da + 1] * w[db + 1] * h[i][j];
                        }
                    }
                }
                out[a][b] = s / 16;
            }
        }
        return out;
    }

    /** Density thresholds whose super-level sets hold the given fractions of the total. */
    static double[] levels(double[][] h, double[] fractions) {
        double[] v = Arrays.stream(h).flatMapToDouble(Arrays::stream).toArray();
        Arrays.sort(v);
        double total = Arrays.stream(v).sum();
        double[] out = new double[fractions.length];
        for (int l = 0; l < fractions.length; l++) {
            double cumulative = 0;
            out[l] = v[v.length - 1];
            for (int k = v.length - 1; k >= 0 && cumulative < fractions[l] * total; k--) {
                cumulative += v[k];
                out[l] = v[k];
            }
        }
        return out;
    }

    /**
     * Marching squares: segments {i0, j0, i1, j1} (fractional grid indices) of the level line.
     */
    static List<double[]> contour(double[][] f, double level) {
        List<double[]> segments = new java.util.ArrayList<>();
        for (int i = 0; i + 1 < f.length; i++) {
            for (int j = 0; j + 1 < f[0].length; j++) {
                double v00 = f[i][j];
                double v10 = f[i + 1][j];
                double v11 = f[i + 1][j + 1];
                double v01 = f[i][j + 1];
                double[] pts = new double[8];
                int k = 0;
                // Edges in order: bottom, right, top, left.
                double[][] edges = {{i, j, v00, i + 1, j, v10}, {i + 1, j, v10, i + 1, j + 1, v11},
                    {i + 1, j + 1, v11, i, j + 1, v01}, {i, j + 1, v01, i, j, v00}};
                for (double[] e : edges) {
                    if ((e[2] >= level) != (e[5] >= level)) {
                        double t = (level - e[2]) / (e[5] - e[2]);
                        pts[k++] = e[0] + t * (e[3] - e[0]);
                        pts[k++] = e[1] + t * (e[4] - e[1]);
                    }
                }
                for (int p = 0; p + 3 < k; p += 4) {
                    segments.add(new double[] {pts[p], pts[p + 1], pts[p + 2], pts[p + 3]});
                }
            }
        }
        return segments;
    }

    /** About five round tick values inside the range. */
    static double[] ticks(double[] r) {
        double span = r[1] - r[0];
        double raw = span / 4;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double norm = raw / mag;
        double step = (norm < 1.5 ? 1 : norm < 3.5 ? 2 : norm < 7.5 ? 5 : 10) * mag;
        double first = Math.ceil(r[0] / step) * step;
        return java.util.stream.DoubleStream.iterate(first, t -> t <= r[1] + 1e-9 * span, t -> t + step)
                .map(t -> Math.abs(t) < 1e-12 * span ? 0 : t).toArray();
    }

    static String label(double t) {
        String s = String.format(Locale.ROOT, "%.4g", t);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("\\.?0+$", "");
        }
        return e < 0 ? mantissa : mantissa + s.substring(e);
    }

    private static void drawRotated(Graphics2D g, String text, int x, int y, double angle, boolean anchorEnd) {
        AffineTransform saved = g.getTransform();
        g.translate(x, y);
        g.rotate(angle);
        FontMetrics fm = g.getFontMetrics();
        g.drawString(text, anchorEnd ? -fm.stringWidth(text) : 0, anchorEnd ? fm.getAscent() / 2 : 0);
        g.setTransform(saved);
    }
}
