package org.exoret.rt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.exoret.ExoretException;
import org.exoret.config.IniFile;
import org.exoret.data.DataRoot;
import org.exoret.forward.ForwardResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CO line by line wired into the RT model: opacity grid, cache, and its imprint on the spectrum. */
class LineByLineRtTest {

    private static final RtConfig.LineList CO = new RtConfig.LineList("CO", "lines/CO_HITRAN2012.par",
            "partition/CO_TIPS2021.txt", "partition/CO_isotopologues.csv");

    /** Profile parameters without a thermal inversion: T rises monotonically from 1073 K (top) to 1459 K. */
    private static final double[] PROFILE = {-1, -0.5, -0.5, 0, 1};

    /** Coarse set-up around the CO fundamental (4.7 µm) wide enough for the IRAC 4.5 µm passband. */
    private static RtConfig coarse(Path cache) {
        return new RtConfig.Builder()
                .setPressure(30, 1e-6, 100)
                .setWavenumbers(1800, 2700, 2)
                .optTemperatureRange(1000, 1500)
                .setPlanet(0.1, 81357.896, 2189.7)
                .setStar(0.756, 5000, 4.56, 0.031)
                .setComposition(List.of("H2", "He", "H2O", "CO2", "CO", "CH4"),
                        new double[] {0.85, 0.149996, 1e-6, 1e-6, 1e-6, 1e-6}, List.of("H2O", "CO2", "CO", "CH4"))
                .addLineList(CO)
                .addCia("cia/H2-H2_Borysow.cia")
                .addCia("cia/H2-He_Borysow.cia")
                .optFilters(List.of("filters/spitzer_irac2.dat"))
                .optOpacityCache(cache)
                .build();
    }

    private static double[] theta(double log10ScaleCo) {
        return new double[] {PROFILE[0], PROFILE[1], PROFILE[2], PROFILE[3], PROFILE[4], 0, 0, log10ScaleCo, 0};
    }

    @Test
    void opacityGridFollowsBart() {
        RtConfig bart = RtConfig.fromIni(IniFile.read(Path.of("data/hd189733b_rt.cfg")), "rt");
        double[] t = LineByLineOpacities.temperatureGridK(bart);
        assertEquals(25, t.length, "600..3000 K every 100 K");
        assertEquals(600, t[0], 0.0);
        assertEquals(3000, t[24], 0.0);
        double[] p = LineByLineOpacities.pressureGridBar(bart);
        assertEquals(11, p.length, "1e-8..100 bar, one per decade");
        for (int i = 0; i < p.length; i++) {
            assertEquals(Math.pow(10, -8 + i), p[i], 1e-12 * p[i]);
        }
        assertEquals(List.of(CO), bart.lineLists());
        // a range that is not a whole number of steps ends exactly at Tmax and spans at least one node per decade
        RtConfig odd = bart.toBuilder().optTemperatureRange(650, 1020).setPressure(10, 3e-5, 2).build();
        assertArrayEquals(new double[] {650, 750, 850, 950, 1020}, LineByLineOpacities.temperatureGridK(odd), 1e-12);
        double[] q = LineByLineOpacities.pressureGridBar(odd);
        assertEquals(6, q.length);
        assertEquals(3e-5, q[0], 0.0);
        assertEquals(2, q[5], 0.0);
        for (int i = 1; i < q.length; i++) {
            assertTrue(Math.log10(q[i] / q[i - 1]) <= 1.0 + 1e-12);
        }
    }

    @Test
    void moreCarbonMonoxideDarkensTheBandWhereTemperatureFallsOutward(@TempDir Path cache) throws IOException {
        DataRoot root = DataRoot.fromEnvironment();
        RtForwardModel model = RtForwardModel.fromConfig(coarse(cache), root);
        double[] t = model.temperatureK(theta(0));
        for (int j = 1; j < t.length; j++) {
            assertTrue(t[j] > t[j - 1], "the argument needs T decreasing outward; level " + j);
        }
        ForwardResult r = model.evaluateWithSpectra(new double[][] {theta(-3), theta(3)});
        assertTrue(r.accepted(0) && r.accepted(1));
        double[] low = r.spectrum(0);
        double[] high = r.spectrum(1);
        double[] nu = model.wavenumberPerCm();
        // More CO raises the optical depth where CO absorbs, so each τ is reached higher up, where it is cooler:
        // the emergent flux must fall there. Elsewhere only the slightly heavier mean molecule (28 amu × 1e-3)
        // shrinks the scale height and the CIA path, a per-cent effect.
        double coreDrop = 0;
        int coreCount = 0;
        double farDrop = 0;
        int farCount = 0;
        for (int j = 0; j < nu.length; j++) {
            double drop = 1 - high[j] / low[j];
            if (nu[j] >= 2050 && nu[j] <= 2200) {
                coreDrop += drop;
                coreCount++;
            } else if (nu[j] >= 2600) {
                farDrop += drop;
                farCount++;
            }
        }
        coreDrop /= coreCount;
        farDrop /= farCount;
        // With ×1000 CO the fundamental (2050–2200 cm⁻¹) emits from the cool upper layers: ≥ 20 % less flux
        // (B(1100 K)/B(1450 K) ≈ 0.3 at 2100 cm⁻¹); beyond the band (≥ 2600 cm⁻¹) the change stays small.
        assertTrue(coreDrop > 0.2, "mean drop in the band " + coreDrop);
        assertTrue(Math.abs(farDrop) < 0.05, "beyond the band " + farDrop);
        assertTrue(r.bandDepth(1)[0] < r.bandDepth(0)[0], "IRAC 4.5 um eclipse depth must fall");
        // the table was cached under a name carrying its inputs' hash, and is reused by the next model
        List<Path> files;
        try (Stream<Path> s = Files.list(cache)) {
            files = s.toList();
        }
        assertEquals(1, files.size());
        assertTrue(files.get(0).getFileName().toString().matches("CO-[0-9a-f]{16}\\.xsec\\.bin"), files.toString());
        long modified = Files.getLastModifiedTime(files.get(0)).toMillis();
        RtForwardModel again = RtForwardModel.fromConfig(coarse(cache), root);
        assertEquals(modified, Files.getLastModifiedTime(files.get(0)).toMillis());
        assertArrayEquals(high, again.evaluateWithSpectra(new double[][] {theta(3)}).spectrum(0), 0.0);
    }

    @Test
    void cacheFolderComesFromKeyPropertyOrHome(@TempDir Path folder) {
        RtConfig withKey = RtConfig.fromIni(IniFile.read(Path.of("data/hd189733b_rt.cfg")), "rt").toBuilder()
                .optOpacityCache(folder).build();
        assertEquals(folder, withKey.opacityCacheFolder());
        RtConfig without = withKey.toBuilder().optOpacityCache(null).build();
        String previous = System.getProperty(RtConfig.CACHE_PROPERTY);
        try {
            System.setProperty(RtConfig.CACHE_PROPERTY, folder.resolve("p").toString());
            assertEquals(folder.resolve("p"), without.opacityCacheFolder());
            System.clearProperty(RtConfig.CACHE_PROPERTY);
            assertEquals(Path.of(System.getProperty("user.home"), ".cache", "exoret"), without.opacityCacheFolder());
        } finally {
            if (previous != null) {
                System.setProperty(RtConfig.CACHE_PROPERTY, previous);
            }
        }
    }

    @Test
    void cacheInsideTheDataRootAndDoubleOpacityAreRefused(@TempDir Path folder) {
        DataRoot root = DataRoot.fromEnvironment();
        RtConfig inside = coarse(root.path().resolve("cache"));
        ExoretException e = assertThrows(ExoretException.class, () -> RtForwardModel.fromConfig(inside, root));
        assertEquals(ExoretException.Kind.CONFIGURATION, e.kind());
        assertTrue(e.getMessage().contains("inside the data root"), e.getMessage());
        RtConfig both = coarse(folder).toBuilder().addCrossSection("CO", "xsec/CO2_photochem.xsec.h5").build();
        ExoretException twice = assertThrows(ExoretException.class, () -> RtForwardModel.fromConfig(both, root));
        assertEquals(ExoretException.Kind.CONFIGURATION, twice.kind());
    }
}
