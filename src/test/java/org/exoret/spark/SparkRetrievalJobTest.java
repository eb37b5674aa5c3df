package org.exoret.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.api.java.JavaSparkContext;
import org.exoret.ExoretException;
import org.exoret.config.IniFile;
import org.exoret.data.DataRoot;
import org.exoret.forward.ForwardResult;
import org.exoret.rt.Observations;
import org.exoret.rt.RtConfig;
import org.exoret.testmodel.GaussianLineModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkRetrievalJobTest {

    private static JavaSparkContext spark;

    @BeforeAll
    static void startSpark() {
        spark = new JavaSparkContext(SparkTrainingSetJobTest.testConf("SparkRetrievalJobTest"));
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    /** Band depths of the analytic test model at the parameters of a {@code [target]} INI section. */
    record GaussianBandDepths() implements RetrievalRunner {
        @Override
        public Map<String, String> run(Path config) {
            IniFile.Section s = IniFile.read(config).section("target");
            double[] theta = s.numbers("theta");
            ForwardResult r = new GaussianLineModel(60).evaluate(new double[][] {theta});
            Map<String, String> row = new LinkedHashMap<>();
            if (!r.accepted(0)) {
                row.put("rejection", r.rejection(0));
                return row;
            }
            for (int b = 0; b < r.bandDepth(0).length; b++) {
                row.put("depth_" + b, Double.toString(r.bandDepth(0)[b]));
            }
            return row;
        }
    }

    private static List<CSVRecord> readCsv(Path csv) throws IOException {
        try (Reader in = Files.newBufferedReader(csv);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            return p.getRecords();
        }
    }

    @Test
    void summariesComeBackInInputOrderWithFailuresRecordedPerRow(@TempDir Path dir) throws IOException {
        double[][] thetas = {{1000, 0.3, 0, 1.8}, {1700, 0.85, 20, 1.5}, {1400, 0.6, -80, 2.1}, {950, 0.1, 140, 1.4}};
        StringBuilder table = new StringBuilder("target,config\n");
        for (int i = 0; i < thetas.length; i++) {
            Files.writeString(dir.resolve("t" + i + ".cfg"), "[target]\ntheta = " + thetas[i][0] + " " + thetas[i][1]
                    + " " + thetas[i][2] + " " + thetas[i][3] + "\n");
            table.append("planet-").append(i).append(",t").append(i).append(".cfg\n");
        }
        table.append("missing,nowhere.cfg\n");
        Files.writeString(dir.resolve("targets.csv"), table);
        RetrievalBatchReport report = new SparkRetrievalJob(new GaussianBandDepths())
                .run(spark, dir.resolve("targets.csv"), dir.resolve("out/summary.csv"), 3);
        assertEquals(5, report.rows());
        assertEquals(1, report.failed());
        List<CSVRecord> rows = readCsv(dir.resolve("out/summary.csv"));
        assertEquals(List.of("target", "config", "status", "error", "depth_0", "depth_1", "depth_2", "depth_3", "depth_4",
                "rejection"), rows.get(0).getParser().getHeaderNames());
        GaussianLineModel model = new GaussianLineModel(60);
        for (int i = 0; i < thetas.length; i++) {
            CSVRecord row = rows.get(i);
            assertEquals("planet-" + i, row.get("target"));
            assertEquals("ok", row.get("status"));
            ForwardResult direct = model.evaluate(new double[][] {thetas[i]});
            if (direct.accepted(0)) {
                for (int b = 0; b < 5; b++) {
                    assertEquals(direct.bandDepth(0)[b], Double.parseDouble(row.get("depth_" + b)), 0.0);
                }
                assertEquals("", row.get("rejection"));
            } else {
                assertEquals(GaussianLineModel.TOO_DEEP, row.get("rejection"));
                assertEquals("", row.get("depth_0"));
            }
        }
        CSVRecord missing = rows.get(4);
        assertEquals("failed", missing.get("status"));
        assertTrue(missing.get("error").startsWith("MISSING_FILE"), missing.get("error"));
    }

    @Test
    void tableWithoutConfigColumnIsRefused(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("targets.csv"), "target,file\na,b.cfg\n");
        ExoretException e = assertThrows(ExoretException.class, () -> new SparkRetrievalJob(new GaussianBandDepths())
                .run(spark, dir.resolve("targets.csv"), dir.resolve("summary.csv"), 2));
        assertEquals(ExoretException.Kind.MALFORMED_FILE, e.kind());
        assertTrue(e.getMessage().contains("'config'"), e.getMessage());
    }

    @Test
    void startModelCheckOfHd189733bMatchesADirectEvaluation(@TempDir Path dir) throws IOException {
        Path cfg = Path.of("data/hd189733b_rt.cfg").toAbsolutePath();
        // the same set-up with a start vector of the wrong length must fail its own row only
        String text = Files.readString(cfg)
                .replace("observations = hd189733b_eclipse.csv", "observations = " + cfg.resolveSibling("hd189733b_eclipse.csv"))
                .replaceAll("(?m)^params .*$", "params = -0.5 -0.2 0.7");
        Files.writeString(dir.resolve("short.cfg"), text);
        Files.writeString(dir.resolve("targets.csv"), "config\n" + cfg + "\nshort.cfg\n");
        DataRoot root = DataRoot.fromEnvironment();
        RetrievalBatchReport report = new SparkRetrievalJob(new StartModelCheck("rt", root.path().toAbsolutePath().toString()))
                .run(spark, dir.resolve("targets.csv"), dir.resolve("summary.csv"), 2);
        assertEquals(1, report.failed());
        List<CSVRecord> rows = readCsv(dir.resolve("summary.csv"));
        assertEquals("ok", rows.get(0).get("status"), rows.get(0).get("error"));
        assertEquals("failed", rows.get(1).get("status"));
        assertTrue(rows.get(1).get("error").contains("'params'"), rows.get(1).get("error"));

        RtConfig config = RtConfig.fromIni(IniFile.read(cfg), "rt");
        // the executors' cached model (local mode shares the JVM): its tables are read once for the whole class
        ForwardResult r = ExecutorModels.get(RtModelFactory.read(cfg, "rt", root))
                .evaluate(new double[][] {config.startParameters()});
        Observations obs = Observations.read(config.observations());
        double chi2 = 0;
        for (int b = 0; b < obs.size(); b++) {
            double z = (r.bandDepth(0)[b] - obs.depth()[b]) / obs.uncertainty()[b];
            chi2 += z * z;
        }
        // the summary prints 6 significant digits
        assertEquals(chi2, Double.parseDouble(rows.get(0).get("chi2")), 1e-5 * chi2);
        assertEquals(Integer.toString(obs.size()), rows.get(0).get("bands"));
    }
}
