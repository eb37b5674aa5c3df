package org.exoret.rt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.exoret.ExoretException;
import org.exoret.atmosphere.Units;
import org.exoret.config.IniFile;
import org.exoret.data.DataRoot;
import org.exoret.forward.BandProjection;
import org.exoret.forward.ForwardResult;
import org.exoret.opacity.AbsorberOpacity;
import org.exoret.opacity.CollisionOpacity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RtForwardModelTest {

    private static final double[] START = {-0.5, -0.2, 0.7, 0.5, 1.0, 0, 0, 0, 0};

    private static RtConfig.Builder hd189733bLike() {
        return new RtConfig.Builder()
                .setPressure(40, 1e-8, 100)
                .setWavenumbers(1000, 5000, 5)
                .setPlanet(0.1, 81357.896, 2189.7)
                .setStar(0.756, 5000, 4.56, 0.031)
                .setComposition(List.of("H2", "He", "H2O", "CO2", "CO", "CH4"),
                        new double[] {0.85, 0.149996, 1e-6, 1e-6, 1e-6, 1e-6}, List.of("H2O", "CO2", "CO", "CH4"));
    }

    /** A grey absorber: sigma independent of wavenumber, temperature and pressure. */
    private record Grey(String species, double[] wavenumberPerCm, double sigmaCm2) implements AbsorberOpacity {
        @Override
        public double[] wavenumberPerCm() {
            return wavenumberPerCm.clone();
        }

        @Override
        public void crossSection(double temperatureK, double pressureBar, double[] out) {
            java.util.Arrays.fill(out, sigmaCm2);
        }
    }

    /** Constant CIA. */
    private record ConstantCia(String speciesA, String speciesB, double[] wavenumberPerCm, double k) implements CollisionOpacity {
        @Override
        public double[] wavenumberPerCm() {
            return wavenumberPerCm.clone();
        }

        @Override
        public void crossSection(double temperatureK, double[] out) {
            java.util.Arrays.fill(out, k);
        }
    }

    private static List<Passband> bins(double[] edges) {
        return Passband.topHatBins("bin", edges);
    }

    @Test
    void transparentAtmosphereWithBlackbodyStarGivesThePlanckRatio() {
        RtConfig config = hd189733bLike().build();
        double[] g = config.wavenumberGrid();
        RtForwardModel model = RtForwardModel.of(config, List.of(), List.of(), StellarSpectrum.blackbody(g, 5000),
                bins(new double[] {2000, 2001}));
        ForwardResult r = model.evaluateWithSpectra(new double[][] {START});
        assertTrue(r.accepted(0), r.rejection(0));
        double[] t = model.temperatureK(START);
        double tBottom = t[t.length - 1];
        double[] f = r.spectrum(0);
        double rr = Math.pow(81357.896e5 / (0.756 * 6.96e10), 2);
        for (int j = 0; j < g.length; j++) {
            double depth = f[j] / Planck.flux(g[j], 5000) * rr;
            double expected = rr * Planck.radiance(g[j], tBottom) / Planck.radiance(g[j], 5000);
            assertEquals(expected, depth, expected * 1e-6);
        }
        assertEquals(rr, model.radiusRatioSquared(), rr * 1e-15);
    }

    @Test
    void bandProjectionReproducesEvaluate() {
        RtConfig config = hd189733bLike().build();
        double[] g = config.wavenumberGrid();
        RtForwardModel model = RtForwardModel.of(config,
                List.of(new Grey("H2O", g, 1e-21), new Grey("CO", g, 3e-22)),
                List.of(new ConstantCia("H2", "H2", g, 1e-46)),
                CastelliKurucz.read(DataRoot.fromEnvironment().resolve("stars/ckp00_5000.fits"), 4.56).spectrum(),
                bins(new double[] {1200, 1500, 2200.5, 3300, 4800}));
        double[][] theta = {START, {-1, 0.1, 0.3, 0.2, 0.9, 1, -1, 2, 0}, {0, -0.5, 0.5, 0.7, 1.1, -3, 0, 0, 1}};
        ForwardResult r = model.evaluateWithSpectra(theta);
        BandProjection projection = model.bandProjection();
        assertEquals(4, projection.bandCount());
        for (int i = 0; i < theta.length; i++) {
            assertTrue(r.accepted(i), r.rejection(i));
            assertArrayEquals(r.bandDepth(i), projection.apply(r.spectrum(i)), 1e-18);
            // the batch result equals the single-row result (threads do not interfere)
            assertArrayEquals(r.bandDepth(i), model.evaluate(new double[][] {theta[i]}).bandDepth(0), 0.0);
            // independent band integral: average of (F_p/F_*)(Rp/R*)^2 over the top-hat by the trapezoid rule
            // on the grid (bins edges at grid points except 2200.5)
        }
        double[] f = r.spectrum(0);
        double[] fs = model.stellarSurfaceFlux();
        double sum = 0;
        int count = 0;
        for (int j = 0; j < g.length; j++) {
            if (g[j] >= 1200 && g[j] <= 1500) {
                double weight = (g[j] == 1200 || g[j] == 1500) ? 0.5 : 1.0;
                sum += weight * f[j] / fs[j];
                count += weight == 1.0 ? 1 : 0;
            }
        }
        double expected = sum / (count + 1) * model.radiusRatioSquared();
        assertEquals(expected, r.bandDepth(0)[0], expected * 1e-12);
    }

    @Test
    void rejectionsAreNamedReasons() {
        RtConfig config = hd189733bLike().build();
        double[] g = config.wavenumberGrid();
        RtForwardModel model = RtForwardModel.of(config, List.of(), List.of(), StellarSpectrum.blackbody(g, 5000),
                bins(new double[] {2000, 2100}));
        ForwardResult r = model.evaluate(new double[][] {
            {-0.5, -0.2, 0.7, 0.5, 3.0, 0, 0, 0, 0},    // beta = 3: far too hot
            {-0.5, -0.2, 0.7, 0.5, 1.0, 6.5, 0, 0, 0},  // H2O at 10^0.5 > 1
            START});
        assertFalse(r.accepted(0));
        assertTrue(r.rejection(0).contains("outside [Tmin, Tmax]"), r.rejection(0));
        assertFalse(r.accepted(1));
        assertTrue(r.rejection(1).contains("metals above unity"), r.rejection(1));
        assertTrue(r.accepted(2));
    }

    @Test
    void badParametersAreClearErrors() {
        RtConfig config = hd189733bLike().build();
        double[] g = config.wavenumberGrid();
        RtForwardModel model = RtForwardModel.of(config, List.of(), List.of(), StellarSpectrum.blackbody(g, 5000),
                bins(new double[] {2000, 2100}));
        ExoretException nan = assertThrows(ExoretException.class,
                () -> model.evaluate(new double[][] {{-0.5, Double.NaN, 0.7, 0.5, 1.0, 0, 0, 0, 0}}));
        assertEquals(ExoretException.Kind.INVALID_ARGUMENT, nan.kind());
        assertTrue(nan.getMessage().contains("log10_gamma1"), nan.getMessage());
        ExoretException count = assertThrows(ExoretException.class, () -> model.evaluate(new double[][] {{1, 2, 3}}));
        assertEquals(ExoretException.Kind.MISMATCH, count.kind());
        assertTrue(count.getMessage().contains("expected 9"), count.getMessage());
        ExoretException outside = assertThrows(ExoretException.class, () -> RtForwardModel.of(config, List.of(), List.of(),
                StellarSpectrum.blackbody(g, 5000), bins(new double[] {900, 1100})));
        assertEquals(ExoretException.Kind.MISMATCH, outside.kind());
    }

    @Test
    void endToEndOnTheHd189733bConfiguration(@TempDir Path cache) {
        DataRoot root = DataRoot.fromEnvironment();
        RtConfig full = RtConfig.fromIni(IniFile.read(Path.of("data/hd189733b_rt.cfg")), "rt");
        assertEquals(100, full.layers());
        assertEquals(5 + 4, full.startParameters().length);
        assertEquals(List.of("CO"), full.lineLists().stream().map(RtConfig.LineList::species).toList());
        // coarse but complete: 30 levels, 2 cm-1; the CO opacity grid is cut to 1000-1500 K (the start profile
        // spans 1122-1399 K) so that its line-by-line table builds in seconds
        RtConfig coarse = full.toBuilder().setPressure(30, 1e-8, 100).setWavenumbers(280, 7100, 2)
                .optTemperatureRange(1000, 1500).optOpacityCache(cache).build();
        RtForwardModel model = RtForwardModel.fromConfig(coarse, root);
        assertEquals(79, model.bandCount());
        assertEquals(List.of("log10_kappa", "log10_gamma1", "log10_gamma2", "alpha", "beta",
                "log10_scale_H2O", "log10_scale_CO2", "log10_scale_CO", "log10_scale_CH4"), model.parameterNames());
        ForwardResult r = model.evaluateWithSpectra(new double[][] {full.startParameters()});
        assertTrue(r.accepted(0), r.rejection(0));
        double[] depth = r.bandDepth(0);
        Observations obs = Observations.read(full.observations());
        double chi2 = 0;
        for (int b = 0; b < depth.length; b++) {
            // a hot Jupiter's dayside: depths between 0 and 1 % in the infrared
            assertTrue(depth[b] > 0 && depth[b] < 0.01, "band " + b + " depth " + depth[b]);
            chi2 += Math.pow((depth[b] - obs.depth()[b]) / obs.uncertainty()[b], 2);
        }
        // planet emission rises towards long wavelengths relative to the star: MIPS 24 um deeper than NICMOS 1.5 um
        assertTrue(depth[78] > depth[0]);
        double[] f = r.spectrum(0);
        // brightness temperatures stay inside the profile's range
        double[] t = model.temperatureK(full.startParameters());
        double tMin = java.util.Arrays.stream(t).min().orElseThrow();
        double tMax = java.util.Arrays.stream(t).max().orElseThrow();
        double[] g = model.wavenumberPerCm();
        for (int j = 0; j < g.length; j += 50) {
            double tb = Units.SECOND_RADIATION_CM_K * g[j]
                    / Math.log1p(Units.PLANCK_PREFACTOR_CGS * Math.pow(g[j], 3) * Math.PI / f[j]);
            assertTrue(tb > tMin - 1 && tb < tMax + 1, "brightness temperature " + tb + " at " + g[j]);
        }
        assertNotNull(obs);
        assertTrue(Double.isFinite(chi2));
    }
}
