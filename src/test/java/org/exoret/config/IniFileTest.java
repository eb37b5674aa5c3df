package org.exoret.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.exoret.ExoretException;
import org.junit.jupiter.api.Test;

class IniFileTest {

    private static final Path FILE = Path.of("test.cfg");

    private static IniFile parse(String text) {
        return IniFile.parse(FILE, List.of(text.split("\n", -1)));
    }

    @Test
    void readsSectionsCommentsAndMultiLineValues() {
        IniFile ini = parse("# comment\n[MCMC]\nn_layers = 100 # inline\n; other comment\nfilters = a.dat\n   b.dat\n\n   c.dat\nTmin: 600\n");
        IniFile.Section s = ini.section("MCMC");
        assertEquals(100, s.integer("n_layers"));
        assertEquals(List.of("a.dat", "b.dat", "c.dat"), s.list("filters"));
        assertEquals(600.0, s.number("Tmin"));
        assertEquals(5, s.line("filters"));
        assertArrayEquals(new double[] {1, 2.5}, parse("[a]\nx = 1, 2.5\n").section("a").numbers("x"));
    }

    @Test
    void anEntrySetByTheProgramReplacesTheFilesAndLeavesTheOriginalAlone() {
        IniFile ini = parse("[retrieval]\nmodel = surrogate\nrt_check = 5\n[MCMC]\nnumit = 10\n");
        IniFile changed = ini.with("retrieval", "rt_check", "6000");
        assertEquals(6000, changed.section("retrieval").integer("rt_check"));
        assertEquals(0, changed.section("retrieval").line("rt_check"), "set by the program, not on a line");
        assertTrue(changed.section("retrieval").error("rt_check", "is refused").getMessage()
                .contains("rt_check' in section [retrieval] of " + ini.file() + " (set on the command line) is refused"));
        assertEquals("surrogate", changed.section("retrieval").string("model"));
        assertEquals(10, changed.section("MCMC").integer("numit"));
        assertEquals(5, ini.section("retrieval").integer("rt_check"));
        assertEquals(30, ini.with("MCMC", "nchains", "30").section("MCMC").integer("nchains"));
        assertThrows(ExoretException.class, () -> ini.with("rt", "n_layers", "10"), "no [rt] section");
    }

    @Test
    void unknownKeyNamesKeyFileAndLine() {
        IniFile ini = parse("[rt]\nn_layers = 10\n\nwnlowx = 3\n");
        ExoretException e = assertThrows(ExoretException.class, () -> ini.section("rt").refuseUnknown(Set.of("n_layers")));
        assertEquals(ExoretException.Kind.CONFIGURATION, e.kind());
        assertTrue(e.getMessage().contains("'wnlowx'"), e.getMessage());
        assertTrue(e.getMessage().contains("line 4"), e.getMessage());
        assertTrue(e.getMessage().contains("test.cfg"), e.getMessage());
    }

    @Test
    void typedGetterErrorsNameKeyAndFile() {
        IniFile.Section s = parse("[rt]\nwnlow = abc\n").section("rt");
        ExoretException e = assertThrows(ExoretException.class, () -> s.number("wnlow"));
        assertTrue(e.getMessage().contains("'wnlow'") && e.getMessage().contains("test.cfg") && e.getMessage().contains("line 2"));
        ExoretException missing = assertThrows(ExoretException.class, () -> s.number("wnhigh"));
        assertTrue(missing.getMessage().contains("missing key 'wnhigh'"));
        assertThrows(ExoretException.class, () -> parse("[a]\nx = nan\n").section("a").number("x"));
    }

    @Test
    void malformedLinesAreRefusedWithLineNumbers() {
        ExoretException e = assertThrows(ExoretException.class, () -> parse("[a]\nx = 1\nnot a pair\n"));
        assertEquals(ExoretException.Kind.MALFORMED_FILE, e.kind());
        assertTrue(e.getMessage().contains("line 3"));
        ExoretException twice = assertThrows(ExoretException.class, () -> parse("[a]\nx = 1\nx = 2\n"));
        assertTrue(twice.getMessage().contains("already set on line 2"));
        assertThrows(ExoretException.class, () -> parse("x = 1\n"));
    }
}
