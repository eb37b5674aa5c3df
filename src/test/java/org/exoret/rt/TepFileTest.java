package org.exoret.rt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.exoret.ExoretException;
import org.exoret.config.IniFile;
import org.exoret.data.DataRoot;
import org.exoret.spark.RtModelFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BART's tepfile: the HD 189733 b table gives the planet and star values of the committed configuration. */
class TepFileTest {

    private static final Path TEP = Path.of("data/hd189733b.tep");
    private static final Path RT = Path.of("data/hd189733b_retrieval_rt.cfg");
    private static final Set<String> PLANET_AND_STAR = Set.of("refradius", "gsurf", "rstar", "tstar", "loggstar", "smaxis");

    @TempDir
    Path dir;

    @Test
    void hd189733bTableGivesRadiusAndGravity() {
        TepFile tep = TepFile.read(TEP);
        // 1.138 R_J with BART's R_J = 71 492 km: the refradius of BART's .brt
        assertEquals(81_357.896, tep.planetRadiusKm(), 1e-9);
        // G·M_p/R_p² from the TEP values is 2189.5–2190.0 cm s⁻² depending on the Jupiter mass adopted (data kit
        // README §7); the IAU 2015 nominal G·M_J = 1.2668653e17 m³ s⁻² gives 1.144 × 1.2668653e23 / 8.1357896e9² =
        // 2189.56. BART's generated configuration has 2189.7.
        assertEquals(2189.561, tep.surfaceGravityCgs(), 0.001);
        assertEquals(5000, tep.value("Ts"), 0.0);
        assertEquals("Rsun", tep.entry("Rs").orElseThrow().units());
        assertEquals(6, tep.entry("Rs").orElseThrow().line());
        assertTrue(tep.entry("planetname").isEmpty(), "text-valued parameters are not numbers");
    }

    @Test
    void tepFileReplacesThePlanetAndStarKeys() throws IOException {
        RtConfig explicit = RtConfig.fromIni(IniFile.read(RT), "rt");
        RtConfig fromTep = RtConfig.fromIni(IniFile.read(withoutPlanetAndStar("tepfile = "
                + TEP.toAbsolutePath(), "PTtype = line")), "rt");
        assertEquals(explicit.referenceRadiusKm(), fromTep.referenceRadiusKm(), 1e-9);
        assertEquals(explicit.starRadiusSolar(), fromTep.starRadiusSolar(), 0.0);
        assertEquals(explicit.starTemperatureK(), fromTep.starTemperatureK(), 0.0);
        assertEquals(explicit.starLogg(), fromTep.starLogg(), 0.0);
        assertEquals(explicit.semiMajorAxisAu(), fromTep.semiMajorAxisAu(), 0.0);
        assertEquals(2189.561, fromTep.gravityCmPerS2(), 0.001);
        // a key in the section wins over the TEP value, as in BART's generated configuration
        RtConfig both = RtConfig.fromIni(IniFile.read(withoutPlanetAndStar("tepfile = " + TEP.toAbsolutePath(),
                "gsurf = 2189.7")), "rt");
        assertEquals(2189.7, both.gravityCmPerS2(), 0.0);
    }

    @Test
    void badTepFilesAndProfilesAreRefusedByName() throws IOException {
        Path kmRadius = Files.writeString(dir.resolve("km.tep"), "Rs 0.756 - Rsun x\nRp 81357.9 - km x\n");
        ExoretException units = assertThrows(ExoretException.class, () -> TepFile.read(kmRadius));
        assertEquals(ExoretException.Kind.MALFORMED_FILE, units.kind());
        assertTrue(units.getMessage().contains("line 2 of file " + kmRadius) && units.getMessage().contains("Rjup"),
                units.getMessage());
        Path notNumber = Files.writeString(dir.resolve("nan.tep"), "# comment\nTs hot 50 K x\n");
        assertTrue(assertThrows(ExoretException.class, () -> TepFile.read(notNumber)).getMessage()
                .contains("line 2 of file " + notNumber));
        Path threeFields = Files.writeString(dir.resolve("three.tep"), "Rp 81357.9 km\n");
        assertTrue(assertThrows(ExoretException.class, () -> TepFile.read(threeFields)).getMessage()
                .contains("got 'km'"), "units in the third field are checked too");
        for (String bad : List.of("Mp NaN - Mjup x", "Rs -0.7 - Rsun x", "a Infinity - AU x")) {
            Path file = Files.writeString(dir.resolve("bad.tep"), "# first\n" + bad + "\n");
            ExoretException e = assertThrows(ExoretException.class, () -> TepFile.read(file), bad);
            assertTrue(e.getMessage().contains("line 2 of file") && e.getMessage().contains("finite"), e.getMessage());
        }
        Path twice = Files.writeString(dir.resolve("twice.tep"), "Ts 5000\nTs 5100\n");
        assertTrue(assertThrows(ExoretException.class, () -> TepFile.read(twice)).getMessage().contains("given twice"));
        assertEquals(ExoretException.Kind.MISSING_FILE, assertThrows(ExoretException.class,
                () -> TepFile.read(dir.resolve("none.tep"))).kind());

        Path noMass = Files.writeString(dir.resolve("nomass.tep"), "Rs 0.756\nTs 5000\nloggstar 4.56\nRp 1.138\na 0.031\n");
        ExoretException mass = assertThrows(ExoretException.class, () -> RtConfig.fromIni(IniFile.read(
                withoutPlanetAndStar("tepfile = " + noMass)), "rt"));
        assertTrue(mass.getMessage().contains("no parameter 'Mp'"), mass.getMessage());

        ExoretException profile = assertThrows(ExoretException.class, () -> RtConfig.fromIni(IniFile.read(
                withoutPlanetAndStar("tepfile = " + TEP.toAbsolutePath(), "PTtype = madhu_noinv")), "rt"));
        assertEquals(ExoretException.Kind.CONFIGURATION, profile.kind());
        assertTrue(profile.getMessage().contains("PTtype") && profile.getMessage().contains("madhu_noinv"),
                profile.getMessage());
    }

    @Test
    void logGravityKeepsItsDefaultAndTheTepValuesEnterTheModelHash() throws IOException {
        Path tep = Files.writeString(dir.resolve("planet.tep"), "Rs 0.756\nTs 5000\nRp 1.138\nMp 1.144\na 0.031\n");
        Path cfg = withoutPlanetAndStar("tepfile = planet.tep");
        assertEquals(4.5, RtConfig.fromIni(IniFile.read(cfg), "rt").starLogg(), 0.0, "loggstar default");
        DataRoot root = DataRoot.fromEnvironment();
        String before = RtModelFactory.read(cfg, "rt", root).configurationHash();
        Files.writeString(tep, Files.readString(tep).replace("Mp 1.144", "Mp 1.2"));
        assertNotEquals(before, RtModelFactory.read(cfg, "rt", root).configurationHash(),
                "an edited tepfile changes the spectra, so it must change the hash");
    }

    /** The committed RT configuration without its planet and star keys, plus extra [rt] lines, in the temp folder. */
    private Path withoutPlanetAndStar(String... extra) throws IOException {
        List<String> lines = Files.readAllLines(RT).stream()
                .filter(l -> !PLANET_AND_STAR.contains(l.split("[\\s=]+")[0]))
                .collect(Collectors.toList());
        lines.addAll(lines.indexOf("[rt]") + 1, Arrays.asList(extra));
        Path copy = dir.resolve("rt.cfg");
        Files.write(copy, lines);
        return copy;
    }
}
