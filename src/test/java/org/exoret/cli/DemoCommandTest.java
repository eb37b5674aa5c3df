package org.exoret.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.exoret.posterior.Mc3Npz;
import org.exoret.posterior.Posterior;
import org.exoret.retrieval.RetrievalConfig;
import org.exoret.rt.TemperatureRange;
import org.exoret.testmodel.ConfigCopies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The demo on the embedded default (bundle in models/, observations and reference in data/), shortened. */
class DemoCommandTest {

    @TempDir
    Path dir;

    @Test
    void demoWritesReportWithBhattacharyyaTable() throws IOException {
        Path config = ConfigCopies.copy(Path.of("data/hd189733b_demo.cfg"), dir.resolve("demo.cfg"), Map.of(
                "output", dir.resolve("demo").toString(), "numit", "60000", "burnin", "200"));
        CommandLine cl = ExoretCommand.newCommandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        assertEquals(0, cl.execute("demo", "--config", config.toString(), "--no-progress"), out.toString());
        assertTrue(out.toString().contains("log10_scale_H2O") && out.toString().contains("report:"), out.toString());
        String report = Files.readString(dir.resolve("demo/report.md"));
        assertTrue(report.contains("Comparison with the reference posterior") && report.contains("noise floor"), report);
        for (String p : new String[] {"beta", "log10_kappa", "log10_scale_CH4"}) {
            assertTrue(report.matches("(?s).*\\| " + p + " \\|[^\\n]*\\| 0\\.\\d{4} \\| 0\\.\\d{4} ± .*"), "BC row of " + p);
        }
        assertTrue(report.matches("(?s).*## Surrogate training-box edges.*\\| log10_gamma2 \\| \\d+\\.\\d %.*"), report);
        assertTrue(Files.readString(dir.resolve("demo/run.json")).contains("\"training_box_edge_fraction\""));
        assertTrue(Files.size(dir.resolve("demo/comparison/report.md")) > 0);
        // the RT's allowed temperatures are the surrogate retrieval's prior too: no draw has a profile outside them
        RetrievalConfig retrieval = RetrievalConfig.read(config);
        TemperatureRange range = new TemperatureRange(retrieval.rt());
        Posterior posterior = Mc3Npz.read(dir.resolve("demo/posterior.npz"));
        double[] full = new double[retrieval.parameters().parameters().size()];
        assertTrue(Arrays.stream(posterior.samples()).allMatch(free -> {
            retrieval.parameters().expand(free, full);
            return range.admits(full);
        }), "a draw outside " + range);
    }

    @Test
    void negativeRtCheckIsRefusedBeforeSampling() {
        CommandLine cl = ExoretCommand.newCommandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        assertEquals(2, cl.execute("demo", "--rt-check", "-5", "--no-progress"));
        assertTrue(err.toString().contains("--rt-check must be a number of posterior draws ≥ 0, got -5"), err.toString());
    }
}
