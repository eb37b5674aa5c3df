package org.exoret.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The demo on the embedded default (bundle in models/, observations and reference in data/), shortened. */
class DemoCommandTest {

    @TempDir
    Path dir;

    @Test
    void demoWritesReportWithBhattacharyyaTable() throws IOException {
        Path data = Path.of("data").toAbsolutePath();
        StringBuilder cfg = new StringBuilder();
        for (String line : Files.readAllLines(data.resolve("hd189733b_demo.cfg"))) {
            String key = line.contains("=") ? line.substring(0, line.indexOf('=')).strip() : "";
            String value = line.contains("=") ? line.substring(line.indexOf('=') + 1).strip() : "";
            switch (key) {
                case "bundle", "rtconfig", "reference" -> line = key + " = " + data.resolve(value).normalize();
                case "output" -> line = "output = " + dir.resolve("demo");
                case "numit" -> line = "numit = 60000";
                case "burnin" -> line = "burnin = 200";
                default -> { }
            }
            cfg.append(line).append('\n');
        }
        Path config = Files.writeString(dir.resolve("demo.cfg"), cfg);
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
    }
}
