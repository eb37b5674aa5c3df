package org.exoret.opacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.exoret.ExoretException;
import org.exoret.data.DataRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CiaTableTest {

    /** The file's values carry four significant figures; interpolation itself is exact. */
    private static final double RELATIVE = 1e-9;

    @TempDir
    Path temp;

    @Test
    void h2h2MatchesRecordsReadByHand() {
        CiaTable cia = CiaTable.readHitran(DataRoot.fromEnvironment().resolve("cia/H2-H2_Borysow.cia"));
        assertEquals("H2", cia.speciesA());
        assertEquals("H2", cia.speciesB());
        assertEquals(20, cia.temperatureK().length);
        assertEquals(824, cia.wavenumberPerCm(0).length);
        // H2-H2_Borysow.cia, lines 10726 ff. (1000 K block) and 9901 ff. (900 K block):
        //   900 K: 4160 → 1.004E-44, 4180 → 1.021E-44;  1000 K: 4160 → 1.084E-44, 4180 → 1.101E-44
        // (README §4: 1000 K, 4160 cm⁻¹ = 7.825e-6 cm⁻¹ amagat⁻² / n0² = 1.0840e-44 cm⁵ molecule⁻²)
        double[] model = {4100, 4160, 4170, 4180};
        double[] k = new double[model.length];
        CollisionOpacity opacity = cia.onGrid(model);
        opacity.crossSection(1000, k);
        assertEquals(1.084e-44, k[1], 1.084e-44 * RELATIVE);
        assertEquals(0.5 * (1.084e-44 + 1.101e-44), k[2], 1.1e-44 * RELATIVE);
        opacity.crossSection(950, k);
        assertEquals(0.25 * (1.004e-44 + 1.021e-44 + 1.084e-44 + 1.101e-44), k[2], 1.1e-44 * RELATIVE);
    }

    @Test
    void h2heCoverageAndClamping() {
        CiaTable cia = CiaTable.readHitran(DataRoot.fromEnvironment().resolve("cia/H2-He_Borysow.cia"));
        assertEquals("H2", cia.speciesA());
        assertEquals("He", cia.speciesB());
        double[] t = cia.temperatureK();
        assertEquals(21, t.length);
        double[] model = {300, 4160};
        double[] k = new double[2];
        CollisionOpacity opacity = cia.onGrid(model);
        opacity.crossSection(9000, k);
        assertEquals(0.0, k[0], "H2-He starts at 320 cm⁻¹");
        double[] nu = cia.wavenumberPerCm(t.length - 1);
        double[] last = cia.kCm5(t.length - 1);
        int i = java.util.Arrays.binarySearch(nu, 4160.0);
        assertEquals(last[i], k[1], 0.0, "clamped to the 7000 K block");
        // README §4: H2-He at 4160 cm⁻¹, 1000 K = 5.424e-6 / n0² = 7.514e-45 cm⁵ molecule⁻²
        opacity.crossSection(1000, k);
        assertEquals(7.514e-45, k[1], 7.514e-45 * 1e-3);
    }

    @Test
    void truncatedBlockNamesFileAndLine() throws IOException {
        List<String> lines = Files.readAllLines(DataRoot.fromEnvironment().resolve("cia/H2-H2_Borysow.cia"));
        Path file = temp.resolve("truncated.cia");
        Files.write(file, lines.subList(0, 825 + 100));
        ExoretException e = assertThrows(ExoretException.class, () -> CiaTable.readHitran(file));
        assertEquals(ExoretException.Kind.MALFORMED_FILE, e.kind());
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("line 926")
                && e.getMessage().contains("declares 824 records but holds 99"), e.getMessage());
    }

    @Test
    void corruptRecordNamesFileAndLine() throws IOException {
        List<String> lines = new java.util.ArrayList<>(
                Files.readAllLines(DataRoot.fromEnvironment().resolve("cia/H2-He_Borysow.cia")));
        lines.set(41, "  1120.0000  5.3x1E-47");
        Path file = temp.resolve("corrupt.cia");
        Files.write(file, lines);
        ExoretException e = assertThrows(ExoretException.class, () -> CiaTable.readHitran(file));
        assertTrue(e.getMessage().contains("line 42") && e.getMessage().contains(file.toString()), e.getMessage());
    }
}
