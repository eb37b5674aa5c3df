package org.exoret.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.exoret.ExoretException;
import org.junit.jupiter.api.Test;

/** Figures are written under target/test-plots so that they can be looked at after a test run. */
class PlotsTest {

    static final Path OUT = Path.of("target", "test-plots");

    /** n draws of 3 correlated Gaussian parameters in chains of equal length. */
    static PlotSeries gaussian(String name, long seed, int n, double shift) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
        double[][] s = new double[n][];
        for (int i = 0; i < n; i++) {
            double a = z.sample();
            double b = 0.7 * a + Math.sqrt(1 - 0.49) * z.sample();
            s[i] = new double[] {1500 + 100 * a + shift * 100, -3 + 0.5 * b, 0.2 * z.sample()};
        }
        return new PlotSeries(name, s, List.of("T0 (K)", "log10 X(H2O)", "alpha"));
    }

    private static Figure saved(Figure f, String file) throws IOException {
        Path png = f.save(OUT.resolve(file));
        BufferedImage back = ImageIO.read(png.toFile());
        assertEquals(f.width(), back.getWidth());
        assertEquals(f.height(), back.getHeight());
        assertTrue(Files.size(png) > 5_000, "PNG too small: " + Files.size(png));
        return f;
    }

    private static int nonWhite(Figure f) {
        int count = 0;
        for (int x = 0; x < f.width(); x += 2) {
            for (int y = 0; y < f.height(); y += 2) {
                if (f.rgb(x, y) != 0xffffff) {
                    count++;
                }
            }
        }
        return count;
    }

    @Test
    void cornerPlotDrawsTheDensityWhereTheDrawsAre() throws IOException {
        PlotSeries s = gaussian("RT", 11, 20_000, 0);
        Figure f = saved(CornerPlot.of(s), "corner.png");
        CornerPlot.Layout lay = CornerPlot.Layout.of(3);
        assertEquals(lay.width(), f.width());
        assertEquals(lay.height(), f.height());
        double[][] r = CornerPlot.ranges(List.of(s), 3);
        // Panel (row 1, column 0): log10 X(H2O) against T0. At the mean (1500 K, -3) the shading is strong
        // blue; at the panel's corner (T0 far below, X far above: 5σ out, no draws) it is white.
        int cx = (int) Math.round(lay.px(0, r[0], 1500));
        int cy = (int) Math.round(lay.py(1, r[1], -3));
        int center = f.rgb(cx, cy);
        int red = center >> 16 & 0xff;
        int blue = center & 0xff;
        assertTrue(blue > red + 60, String.format("pixel at the mode should be blue, got %06x", center));
        int corner = f.rgb((int) lay.px(0, r[0], r[0][0]) + 8, (int) lay.py(1, r[1], r[1][1]) + 8);
        assertEquals(0xffffff, corner, String.format("empty corner should be white, got %06x", corner));
    }

    @Test
    void overlaysTraceMarginalsAreDrawn() throws IOException {
        PlotSeries a = gaussian("surrogate", 1, 5000, 0);
        PlotSeries b = gaussian("RT", 2, 5000, 0.5);
        double[] bc = {0.97, 0.99, 0.995};
        Figure corner = saved(CornerPlot.overlay(a, b, bc), "corner_overlay.png");
        assertTrue(nonWhite(corner) > 10_000);
        Figure marg = saved(MarginalsPlot.overlay(a, b, bc, 60), "marginals_overlay.png");
        assertEquals(3 * MarginalsPlot.CELL_WIDTH, marg.width());
        assertEquals(MarginalsPlot.CELL_HEIGHT, marg.height());
        saved(MarginalsPlot.of(a, 40), "marginals.png");
        int[] chain = new int[5000];
        for (int i = 0; i < chain.length; i++) {
            chain[i] = i % 4;
        }
        Figure trace = saved(TracePlot.of(a, chain), "trace.png");
        assertEquals(TracePlot.WIDTH, trace.width());
        assertEquals(3 * TracePlot.PANEL_HEIGHT, trace.height());
        assertThrows(ExoretException.class, () -> MarginalsPlot.overlay(a, b, new double[2], 60));
    }

    @Test
    void temperatureProfileAndSpectrumWithBands() throws IOException {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(5);
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
        int layers = 60;
        double[] p = new double[layers];
        for (int k = 0; k < layers; k++) {
            p[k] = Math.pow(10, -8 + 10.0 * k / (layers - 1));
        }
        double[][] t = new double[500][layers];
        for (int i = 0; i < t.length; i++) {
            double t0 = 1200 + 80 * z.sample();
            double slope = 60 + 15 * z.sample();
            for (int k = 0; k < layers; k++) {
                t[i][k] = t0 + slope * (Math.log10(p[k]) + 8);
            }
        }
        Figure tp = saved(TemperatureProfilePlot.of(p, t, null), "tp.png");
        assertEquals(TemperatureProfilePlot.WIDTH, tp.width());
        assertEquals(TemperatureProfilePlot.HEIGHT, tp.height());
        int n = 200;
        double[] wl = new double[n];
        double[][] model = new double[300][n];
        for (int k = 0; k < n; k++) {
            wl[k] = 1 + 9.0 * k / (n - 1);
        }
        for (int i = 0; i < model.length; i++) {
            double amp = 1 + 0.1 * z.sample();
            for (int k = 0; k < n; k++) {
                model[i][k] = 1e-3 * amp * (1 + 0.3 * Math.sin(wl[k]));
            }
        }
        double[] dx = {1.5, 3.6, 4.5, 8.0};
        double[] dy = new double[4];
        double[] de = {5e-5, 8e-5, 8e-5, 1e-4};
        for (int k = 0; k < 4; k++) {
            dy[k] = 1e-3 * (1 + 0.3 * Math.sin(dx[k])) + de[k] * z.sample();
        }
        Figure spec = saved(SpectrumPlot.of(wl, model, null, dx, dy, de, "Fp/Fs"), "spectrum.png");
        assertEquals(SpectrumPlot.WIDTH, spec.width());
        assertThrows(ExoretException.class, () -> SpectrumPlot.of(wl, model, null, dx, dy, new double[3], "y"));
    }
}
