package org.exoret.opacity.lines;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.exoret.ExoretException;
import org.exoret.data.DataRoot;
import org.exoret.opacity.CrossSectionTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineByLineTest {

    /** Required agreement of ∫σ dν̃ with Σ S. */
    private static final double ONE_PERCENT = 0.01;

    private static Path par;
    private static Path tips;
    private static Path isoCsv;
    private static HitranLineList lines;
    private static PartitionFunction partition;
    private static Isotopologues isotopologues;

    @TempDir
    Path temp;

    @BeforeAll
    static void read() {
        DataRoot root = DataRoot.fromEnvironment();
        par = root.resolve("lines/CO_HITRAN2012.par");
        tips = root.resolve("partition/CO_TIPS2021.txt");
        isoCsv = root.resolve("partition/CO_isotopologues.csv");
        lines = HitranLineList.read(par);
        partition = PartitionFunction.readTips(tips);
        isotopologues = Isotopologues.read(isoCsv);
    }

    @Test
    void lineListMatchesTheKitDescription() {
        // data/README.md §5: 4606 lines; isotopologues 1–6 hold 1019, 797, 770, 728, 712, 580 lines; strongest
        // line 2172.7588 cm⁻¹ with S = 4.461e-19; ΣS = 1.0195e-17 cm molecule⁻¹.
        assertEquals(4606, lines.size());
        int[] perIso = new int[7];
        int strongest = 0;
        double sum = 0;
        for (int i = 0; i < lines.size(); i++) {
            assertEquals(5, lines.molecule(i));
            perIso[lines.isotopologue(i)]++;
            sum += lines.intensity296(i);
            if (lines.intensity296(i) > lines.intensity296(strongest)) {
                strongest = i;
            }
        }
        assertArrayEquals(new int[] {0, 1019, 797, 770, 728, 712, 580}, perIso);
        assertEquals(2172.7588, lines.wavenumberPerCm(strongest), 1e-4);
        assertEquals(4.461e-19, lines.intensity296(strongest), 1e-22);
        assertEquals(1.0195e-17, sum, 1.0195e-17 * 1e-4);
        // first record, by hand: " 55    3.462498 1.599E-33 3.155E-08.07970.086 2043.69290.76-.000268"
        assertEquals(3.462498, lines.wavenumberPerCm(0));
        assertEquals(3.155e-8, lines.einsteinA(0));
        assertEquals(0.0797, lines.gammaAir(0));
        assertEquals(0.086, lines.gammaSelf(0));
        assertEquals(2043.6929, lines.lowerEnergyPerCm(0));
        assertEquals(0.76, lines.nAir(0));
        assertEquals(-0.000268, lines.deltaAir(0));
    }

    @Test
    void partitionFunctionsMatchPublishedValues() {
        // README §5: Q(1000 K) = 380.30, Q(3000 K) = 1717.2 for 12C16O; Q(296) of the TIPS table reproduces
        // HITRAN's molparam Q(296) to ≤ 5e-5.
        assertEquals(380.30, partition.q(1, 1000), 0.01);
        assertEquals(1717.2, partition.q(1, 3000), 0.1);
        for (Isotopologue iso : isotopologues.all()) {
            assertEquals(iso.q296(), partition.q(iso.localId(), 296), iso.q296() * 5e-5, iso.name());
        }
        assertEquals(27.994915, isotopologues.get(1).massAmu());
        assertThrows(ExoretException.class, () -> partition.q(1, 10_000));
    }

    @Test
    void strengthAt296KIsTheFilesAndScalesAsHandComputedAt1000K() {
        LineByLineCalculator calculator = calculator(new AirBroadening(), 25);
        for (int i = 0; i < lines.size(); i += 7) {
            assertEquals(lines.intensity296(i), calculator.lineStrength(i, 296), lines.intensity296(i) * 1e-4);
        }
        // R(7) of 1-0 at 2172.7588 cm⁻¹: S296 = 4.461e-19, E″ = 107.6424 cm⁻¹ (from the record);
        // Q(296) = 107.42, Q(1000) = 380.30 (README §5); c2 = 1.4387769 cm K.
        int line = 0;
        while (Math.abs(lines.wavenumberPerCm(line) - 2172.7588) > 1e-4) {
            line++;
        }
        assertEquals(107.6424, lines.lowerEnergyPerCm(line), 1e-4);
        double c2 = 1.4387769;
        double expected = 4.461e-19 * 107.42 / 380.30 * Math.exp(-c2 * 107.6424 / 1000) / Math.exp(-c2 * 107.6424 / 296)
                * (1 - Math.exp(-c2 * 2172.7588 / 1000)) / (1 - Math.exp(-c2 * 2172.7588 / 296));
        assertEquals(expected, calculator.lineStrength(line, 1000), expected * 1e-4);
    }

    @Test
    void hardSphereWidthMatchesPyratbaysWorkedExample() {
        // pyratbay broadening.lorentz_hwhm docstring (Cubillos & Blecic, pyratbay 1.x): 1000 K, 1 bar, masses
        // H2O 18, CO2 44, H2 2, He 4 amu; radii 1.6, 1.9, 1.45, 1.4 Å; mixing ratios 1e-4, 1e-4, 0.85, 0.15
        // → γ_L(H2O) = 0.03691111 cm⁻¹, γ_L(CO2) = 0.04308068 cm⁻¹.
        List<HardSphereBroadening.Perturber> gas = List.of(
                new HardSphereBroadening.Perturber("H2O", 1e-4, 18, 3.2e-8),
                new HardSphereBroadening.Perturber("CO2", 1e-4, 44, 3.8e-8),
                new HardSphereBroadening.Perturber("H2", 0.85, 2, 2.9e-8),
                new HardSphereBroadening.Perturber("He", 0.15, 4, 2.8e-8));
        assertEquals(0.03691111, new HardSphereBroadening("H2O", 3.2e-8, gas).hwhmPerCm(18, 1000, 1), 1e-6);
        assertEquals(0.04308068, new HardSphereBroadening("CO2", 3.8e-8, gas).hwhmPerCm(44, 1000, 1), 1e-6);
        // γ_L ∝ p / √T
        HardSphereBroadening co = HardSphereBroadening.inHydrogenHelium("CO", CollisionDiameters.standard());
        assertEquals(co.hwhmPerCm(28, 1000, 1) * 20 / 2, co.hwhmPerCm(28, 4000, 20), 1e-12);
    }

    @Test
    void integratedCrossSectionEqualsSummedStrengths() {
        // ∫σ dν̃ over the fundamental band = Σ S(T) of its lines, less the Lorentz wing beyond the cut-off,
        // (2/π)·atan(γ_L/cut) per line; lines within the cut-off of the grid edges must be negligible.
        double cut = 25;
        double lo = 1500;
        double hi = 2600;
        double[] grid = grid(lo, hi, 1.0);
        double temperature = 1000;
        for (LorentzBroadening broadening : new LorentzBroadening[] {new AirBroadening(),
            HardSphereBroadening.inHydrogenHelium("CO", CollisionDiameters.standard())}) {
            for (double pressure : new double[] {1e-5, 1.0, 30.0}) {
                LineByLineCalculator calculator = calculator(broadening, cut);
                double expected = 0;
                double nearEdges = 0;
                for (int l = 0; l < lines.size(); l++) {
                    double nu = lines.wavenumberPerCm(l);
                    double s = calculator.lineStrength(l, temperature);
                    if (nu > lo + cut && nu < hi - cut) {
                        double gamma = broadening.hwhmPerCm(lines, l,
                                isotopologues.get(lines.isotopologue(l)).massAmu(), temperature, pressure);
                        expected += s * (1 - 2 / Math.PI * Math.atan(gamma / cut));
                    } else if (nu > lo - cut && nu < hi + cut) {
                        nearEdges += s;
                    }
                }
                double[] sigma = calculator.compute(new double[] {temperature}, new double[] {pressure}, grid).row(0, 0);
                double integral = 0;
                for (double v : sigma) {
                    integral += v * 1.0;
                }
                assertTrue(nearEdges < 1e-4 * expected, "band edges hold " + nearEdges);
                assertEquals(expected, integral, expected * ONE_PERCENT, broadening.description() + ", p = "
                        + pressure + " bar");
                // the cell integration is far better than the 1 % required
                assertEquals(expected, integral, expected * 1e-3);
            }
        }
    }

    @Test
    void cacheIsReusedWhenInputsMatchAndRebuiltOtherwise() throws IOException {
        Path cache = temp.resolve("co.xsec.bin");
        double[] t = {800, 1200};
        double[] p = {1e-3, 1e-1};
        double[] nu = grid(2140, 2160, 1.0);
        LineByLineSetup setup = new LineByLineSetup("CO", par, tips, isoCsv, new AirBroadening(), 25);
        CrossSectionTable built = LineByLineTables.cached(cache, setup, t, p, nu);
        assertTrue(Files.isRegularFile(cache));
        assertTrue(built.provenance().contains("sha256=" + LineByLineTables.inputsHash(setup, t, p, nu)));
        // replace the cache by a table with the same key but zero values: a reuse must return the zeros
        new CrossSectionTable("CO", built.provenance(), p, t, nu, new double[p.length * t.length * nu.length])
                .writeCache(cache);
        assertEquals(0.0, LineByLineTables.cached(cache, setup, t, p, nu).row(1, 1)[10]);
        // another cut-off changes the key: rebuilt with the real values
        LineByLineSetup other = new LineByLineSetup("CO", par, tips, isoCsv, new AirBroadening(), 20);
        CrossSectionTable rebuilt = LineByLineTables.cached(cache, other, t, p, nu);
        assertNotEquals(0.0, rebuilt.row(1, 1)[10]);
        assertNotEquals(built.provenance(), rebuilt.provenance());
    }

    @Test
    void malformedParRecordNamesFileAndLine() throws IOException {
        List<String> records = new ArrayList<>(Files.readAllLines(par).subList(0, 20));
        String bad = records.get(11);
        records.set(11, bad.substring(0, 16) + "1.2x3E-30" + bad.substring(25));
        Path file = temp.resolve("bad.par");
        Files.write(file, records);
        ExoretException e = assertThrows(ExoretException.class, () -> HitranLineList.read(file));
        assertEquals(ExoretException.Kind.MALFORMED_FILE, e.kind());
        assertTrue(e.getMessage().contains("line 12") && e.getMessage().contains(file.toString())
                && e.getMessage().contains("intensity"), e.getMessage());
        records.set(11, bad.substring(0, 100));
        Files.write(file, records);
        e = assertThrows(ExoretException.class, () -> HitranLineList.read(file));
        assertTrue(e.getMessage().contains("line 12") && e.getMessage().contains("160"), e.getMessage());
    }

    private static LineByLineCalculator calculator(LorentzBroadening broadening, double cut) {
        return new LineByLineCalculator("CO", lines, partition, isotopologues, broadening, cut);
    }

    private static double[] grid(double from, double to, double step) {
        int n = (int) Math.round((to - from) / step) + 1;
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = from + i * step;
        }
        return g;
    }
}
