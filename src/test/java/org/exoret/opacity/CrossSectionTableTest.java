package org.exoret.opacity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.exoret.ExoretException;
import org.exoret.data.DataRoot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrossSectionTableTest {

    /** Relative tolerance for check values quoted to three significant figures. */
    private static final double THREE_FIGURES = 2e-3;

    private static CrossSectionTable h2o;
    private static CrossSectionTable co2;

    @TempDir
    Path temp;

    @BeforeAll
    static void readTables() {
        DataRoot root = DataRoot.fromEnvironment();
        h2o = CrossSectionTable.readTauRex(root.resolve("xsec/H2O_BT2.xsec.h5"));
        co2 = CrossSectionTable.readTauRex(root.resolve("xsec/CO2_photochem.xsec.h5"));
    }

    @Test
    void h2oTableMatchesTheKitCheckValues() {
        // data/README.md §6a: 1 p × 3 T × 9981 ν̃; at 1000 K the 1300–1900 cm⁻¹ band peaks at σ = 4.26e-19 cm²
        // (1785.07 cm⁻¹) and integrates to 1.01e-17 cm molecule⁻¹.
        assertEquals("H2O", h2o.species());
        assertArrayEquals(new double[] {800, 1000, 1500}, h2o.temperatureK());
        assertEquals(9981, h2o.wavenumberPerCm().length);
        double[] nu = h2o.wavenumberPerCm();
        double[] sigma = h2o.row(0, 1);
        double peak = 0;
        double peakNu = 0;
        double integral = 0;
        for (int i = 0; i < nu.length; i++) {
            if (nu[i] >= 1300 && nu[i] <= 1900) {
                if (sigma[i] > peak) {
                    peak = sigma[i];
                    peakNu = nu[i];
                }
                if (i + 1 < nu.length && nu[i + 1] <= 1900) {
                    integral += 0.5 * (sigma[i] + sigma[i + 1]) * (nu[i + 1] - nu[i]);
                }
            }
        }
        assertEquals(4.26e-19, peak, 4.26e-19 * THREE_FIGURES);
        assertEquals(1785.07, peakNu, 0.01);
        assertEquals(1.01e-17, integral, 1.01e-17 * 0.01);
    }

    @Test
    void co2BandMeanMatchesTheKitCheckValue() {
        // data/README.md §6b: at 0.1 bar and 1000 K the 4.17–4.55 µm band (2198–2398 cm⁻¹) has σ̄ = 4.99e-19 cm².
        int ip = indexOf(co2.pressureBar(), 0.1);
        int it = indexOf(co2.temperatureK(), 1000);
        double[] nu = co2.wavenumberPerCm();
        double[] sigma = co2.row(ip, it);
        int band = -1;
        for (int i = 0; i < nu.length; i++) {
            if (nu[i] > 1e4 / 4.55 && nu[i] < 1e4 / 4.17) {
                band = i;
            }
        }
        assertTrue(band >= 0);
        assertEquals(4.99e-19, sigma[band], 4.99e-19 * THREE_FIGURES);
        assertEquals(19, co2.pressureBar().length);
        assertEquals(34, co2.temperatureK().length);
    }

    @Test
    void denseSourceIsAveragedOverModelCellsConservingTheBandIntegral() {
        double[] model = grid(1300, 1900, 1.0);
        AbsorberOpacity opacity = h2o.onGrid(model);
        double[] out = new double[model.length];
        opacity.crossSection(1000, 1.0, out);
        double[] nu = h2o.wavenumberPerCm();
        double[] sigma = h2o.row(0, 1);
        // model cell [ν − 0.5, ν + 0.5) holds the two 0.5 cm⁻¹ samples ν − 0.49995 and ν + 0.00005
        int m = 485; // 1785 cm⁻¹
        double sum = 0;
        int count = 0;
        for (int i = 0; i < nu.length; i++) {
            if (nu[i] >= model[m] - 0.5 && nu[i] < model[m] + 0.5) {
                sum += sigma[i];
                count++;
            }
        }
        assertEquals(2, count);
        assertEquals(sum / count, out[m], 1e-12 * out[m]);
        // averaging conserves ∫σ dν̃ over the band: 1.01e-17 cm molecule⁻¹ (README §6a) to 1 %
        double integral = Arrays.stream(out).sum() * 1.0;
        assertEquals(1.01e-17, integral, 1.01e-17 * 0.01);
    }

    @Test
    void coarseSourceIsInterpolatedLinearlyAndZeroOutsideCoverage() {
        double[] nuSource = co2.wavenumberPerCm();
        int ip = indexOf(co2.pressureBar(), 0.1);
        int it = indexOf(co2.temperatureK(), 1000);
        double[] row = co2.row(ip, it);
        int j = 20;
        double mid = 0.5 * (nuSource[j] + nuSource[j + 1]);
        double[] model = {nuSource[j] - 1, nuSource[j], nuSource[j] + 1, mid - 1, mid, mid + 1};
        double[] out = new double[model.length];
        co2.onGrid(model).crossSection(1000, 0.1, out);
        assertEquals(row[j], out[1], 1e-12 * row[j]);
        assertEquals(0.5 * (row[j] + row[j + 1]), out[4], 1e-12 * out[4]);
        double[] outside = {200.0, 201.0, 8000.0};
        double[] zero = new double[outside.length];
        co2.onGrid(outside).crossSection(1000, 0.1, zero);
        assertEquals(0.0, zero[0], "below the source coverage (250 cm⁻¹)");
        assertEquals(0.0, zero[2], "above the source coverage (7320 cm⁻¹)");
    }

    @Test
    void evaluationIsLinearInTemperatureAndLogPressureAndClampsAtTheEdges() {
        double[] p = co2.pressureBar();
        double[] t = co2.temperatureK();
        double[] model = co2.wavenumberPerCm();
        AbsorberOpacity opacity = co2.onGrid(model);
        double[] out = new double[model.length];
        int ip = indexOf(p, 0.1);
        int it = indexOf(t, 1000);
        int band = 30;
        // geometric mean of two pressure nodes is halfway in ln p; arithmetic mean of two T nodes halfway in T
        opacity.crossSection(0.5 * (t[it] + t[it + 1]), Math.sqrt(p[ip] * p[ip + 1]), out);
        double expected = 0.25 * (co2.row(ip, it)[band] + co2.row(ip, it + 1)[band] + co2.row(ip + 1, it)[band]
                + co2.row(ip + 1, it + 1)[band]);
        assertEquals(expected, out[band], 1e-12 * expected);
        opacity.crossSection(3000, 1e-9, out);
        assertEquals(co2.row(0, t.length - 1)[band], out[band], 0.0, "clamped to 2000 K and 1e-6 bar");
    }

    @Test
    void badArgumentsAreRefused() {
        AbsorberOpacity opacity = co2.onGrid(grid(1000, 1010, 1));
        assertEquals(ExoretException.Kind.INVALID_ARGUMENT,
                assertThrows(ExoretException.class, () -> opacity.crossSection(Double.NaN, 1, new double[11])).kind());
        assertEquals(ExoretException.Kind.MISMATCH,
                assertThrows(ExoretException.class, () -> opacity.crossSection(1000, 1, new double[3])).kind());
        assertEquals(ExoretException.Kind.INVALID_ARGUMENT,
                assertThrows(ExoretException.class, () -> co2.onGrid(new double[] {2, 1})).kind());
    }

    @Test
    void cacheRoundTripsAndDetectsTruncationAndCorruption() throws IOException {
        Path file = temp.resolve("co2.xsec.bin");
        co2.writeCache(file);
        CrossSectionTable back = CrossSectionTable.readCache(file);
        assertEquals(co2.species(), back.species());
        assertEquals(co2.provenance(), back.provenance());
        assertArrayEquals(co2.pressureBar(), back.pressureBar());
        assertArrayEquals(co2.temperatureK(), back.temperatureK());
        assertArrayEquals(co2.wavenumberPerCm(), back.wavenumberPerCm());
        assertArrayEquals(co2.sigmaCm2(), back.sigmaCm2());

        byte[] bytes = Files.readAllBytes(file);
        Path truncated = temp.resolve("truncated.bin");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length - 100));
        ExoretException e = assertThrows(ExoretException.class, () -> CrossSectionTable.readCache(truncated));
        assertEquals(ExoretException.Kind.MALFORMED_FILE, e.kind());
        assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains(truncated.toString()));

        byte[] flipped = bytes.clone();
        flipped[bytes.length / 2] ^= 0x10;
        Path corrupt = temp.resolve("corrupt.bin");
        Files.write(corrupt, flipped);
        e = assertThrows(ExoretException.class, () -> CrossSectionTable.readCache(corrupt));
        assertTrue(e.getMessage().contains("corrupt"), e.getMessage());

        Path notCache = temp.resolve("not-a-cache.bin");
        Files.writeString(notCache, "hello, this is not a cache file");
        e = assertThrows(ExoretException.class, () -> CrossSectionTable.readCache(notCache));
        assertTrue(e.getMessage().contains("magic"), e.getMessage());
    }

    @Test
    void hdf5WithoutXsecarrNamesFileAndDataset() {
        Path file = temp.resolve("missing.h5");
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            hdf.putDataset("p", new double[] {1.0});
            hdf.putDataset("t", new double[] {1000.0, 1500.0});
            hdf.putDataset("bin_edges", new double[] {1000.0, 1001.0, 1002.0});
        }
        ExoretException e = assertThrows(ExoretException.class, () -> CrossSectionTable.readTauRex(file));
        assertEquals(ExoretException.Kind.MALFORMED_FILE, e.kind());
        assertTrue(e.getMessage().contains("xsecarr") && e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void hdf5WithWrongShapeOrNegativeValuesIsRefused() {
        Path file = temp.resolve("shape.h5");
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            hdf.putDataset("p", new double[] {1.0});
            hdf.putDataset("t", new double[] {1000.0, 1500.0});
            hdf.putDataset("bin_edges", new double[] {1000.0, 1001.0, 1002.0});
            hdf.putDataset("xsecarr", new double[][][] {{{1, 2}, {3, 4}}});
        }
        ExoretException e = assertThrows(ExoretException.class, () -> CrossSectionTable.readTauRex(file));
        assertTrue(e.getMessage().contains("xsecarr") && e.getMessage().contains("shape"), e.getMessage());
    }

    @Test
    void nonHdf5FileIsRefusedNamingTheFile() throws IOException {
        Path file = temp.resolve("text.h5");
        Files.writeString(file, "p t bin_edges xsecarr\n1 2 3\n");
        ExoretException e = assertThrows(ExoretException.class, () -> CrossSectionTable.readTauRex(file));
        assertEquals(ExoretException.Kind.MALFORMED_FILE, e.kind());
        assertTrue(e.getMessage().contains(file.toString()));
        assertEquals(ExoretException.Kind.MISSING_FILE, assertThrows(ExoretException.class,
                () -> CrossSectionTable.readTauRex(temp.resolve("absent.h5"))).kind());
    }

    static double[] grid(double from, double to, double step) {
        int n = (int) Math.round((to - from) / step) + 1;
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = from + i * step;
        }
        return g;
    }

    private static int indexOf(double[] values, double value) {
        for (int i = 0; i < values.length; i++) {
            if (Math.abs(values[i] - value) <= 1e-9 * value) {
                return i;
            }
        }
        throw new AssertionError(value + " not in " + Arrays.toString(values));
    }
}
