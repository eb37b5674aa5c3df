package org.exoret.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.exoret.posterior.Mc3Npz;
import org.exoret.posterior.Posterior;
import org.exoret.posterior.PosteriorCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CompareCommandTest {

    @TempDir
    Path tmp;

    private static String[] run(String... args) {
        CommandLine cl = ExoretCommand.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void comparesCsvAgainstMc3NpzAndWritesReport() throws URISyntaxException, Exception {
        Path npz = Path.of(getClass().getResource("/posterior/mc3_fixture.npz").toURI());
        Posterior p = Mc3Npz.read(npz);
        Path csv = tmp.resolve("same.csv");
        PosteriorCsv.write(csv, p);
        Path dir = tmp.resolve("out");
        String[] r = run("compare", npz.toString(), csv.toString(), "--out", dir.toString(), "--bins", "20",
                "--names", "MC3,exoret");
        assertEquals("0", r[0], r[1] + r[2]);
        // The same draws in both files: BC is exactly 1 for every parameter.
        assertTrue(r[1].contains("mean BC 1.0000, min BC 1.0000"), r[1]);
        assertTrue(Files.readString(dir.resolve("report.md")).contains("MC3 vs exoret"));
        // The same file twice: default names coincide and are told apart.
        String[] twice = run("compare", npz.toString(), npz.toString(), "--out", tmp.resolve("twice").toString());
        assertEquals("0", twice[0], twice[1] + twice[2]);
        assertTrue(Files.readString(tmp.resolve("twice").resolve("report.md")).contains("A: mc3_fixture.npz"));
    }

    @Test
    void mismatchedParametersGiveAClearError() throws Exception {
        Path a = tmp.resolve("a.csv");
        Path b = tmp.resolve("b.csv");
        double[][] s = {{1, 2}, {2, 3}, {3, 4}, {4, 5}};
        PosteriorCsv.write(a, Posterior.of(List.of("x", "y"), s));
        PosteriorCsv.write(b, Posterior.of(List.of("x", "z"), s));
        String[] r = run("compare", a.toString(), b.toString());
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("MISMATCH") && r[2].contains("[x, y]") && r[2].contains("[x, z]"), r[2]);
        String[] unknown = run("compare", a.toString(), tmp.resolve("missing.npz").toString());
        assertEquals("2", unknown[0]);
        assertTrue(unknown[2].contains("missing.npz"), unknown[2]);
    }
}
