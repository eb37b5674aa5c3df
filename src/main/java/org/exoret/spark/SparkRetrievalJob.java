package org.exoret.spark;

import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.api.java.JavaSparkContext;
import org.exoret.ExoretException;
import scala.Tuple2;

/**
 * Runs many retrievals on a Spark cluster, one per row of an input CSV table, and gathers their summaries into one
 * CSV table.
 *
 * <p>Input: a CSV file with a header row and a column {@value #CONFIG_COLUMN} holding each target's configuration
 * file (absolute, or relative to the table's folder); the other columns (a target name, notes) are carried over.
 * Output: one row per input row, in input order: the input columns, then {@value #STATUS_COLUMN} ({@code ok} or
 * {@code failed}), {@value #ERROR_COLUMN} (the failure's message, else empty), then the summary columns in the order
 * they first appear; a summary that lacks a column leaves it empty. The table is written atomically (temporary file,
 * then rename).
 *
 * <p>One task per row by default, since each retrieval is long; configuration files must be readable at the same
 * path on every executor.
 */
public final class SparkRetrievalJob {

    /** Input column naming each target's configuration file. */
    public static final String CONFIG_COLUMN = "config";
    /** Output column: {@code ok} or {@code failed}. */
    public static final String STATUS_COLUMN = "status";
    /** Output column: the failure message of a failed row. */
    public static final String ERROR_COLUMN = "error";

    private final RetrievalRunner runner;

    /** @param runner runs one retrieval; shipped to the executors */
    public SparkRetrievalJob(RetrievalRunner runner) {
        this.runner = runner;
    }

    /**
     * Runs the batch.
     *
     * @param spark the Spark context
     * @param inputCsv the table of targets
     * @param outputCsv the summary table to write
     * @param partitions Spark tasks, ≥ 1 (capped at the number of rows)
     * @return counts
     */
    public RetrievalBatchReport run(JavaSparkContext spark, Path inputCsv, Path outputCsv, int partitions) {
        if (partitions < 1) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "partitions must be ≥ 1, got " + partitions);
        }
        Table input = readInput(inputCsv);
        List<Tuple2<Integer, String>> jobs = new ArrayList<>();
        for (int i = 0; i < input.configs.size(); i++) {
            jobs.add(new Tuple2<>(i, input.configs.get(i)));
        }
        RowTask task = new RowTask(runner);
        List<Tuple2<Integer, LinkedHashMap<String, String>>> results = spark
                .parallelize(jobs, Math.max(1, Math.min(partitions, jobs.size())))
                .map(task::run)
                .collect();
        List<Map<String, String>> summaries = new ArrayList<>(jobs.size());
        for (int i = 0; i < jobs.size(); i++) {
            summaries.add(null);
        }
        for (Tuple2<Integer, LinkedHashMap<String, String>> r : results) {
            summaries.set(r._1(), r._2());
        }
        int failed = (int) summaries.stream().filter(s -> "failed".equals(s.get(STATUS_COLUMN))).count();
        writeOutput(outputCsv, input, summaries);
        return new RetrievalBatchReport(outputCsv, jobs.size(), failed);
    }

    /** The input table: its header, its rows and each row's resolved configuration path. */
    private record Table(List<String> header, List<List<String>> rows, List<String> configs) {
    }

    private static Table readInput(Path csv) {
        if (!Files.isRegularFile(csv)) {
            throw new ExoretException(ExoretException.Kind.MISSING_FILE, "table of targets " + csv + " does not exist");
        }
        Path base = csv.toAbsolutePath().getParent();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                     .setIgnoreSurroundingSpaces(true).setCommentMarker('#').get().parse(in)) {
            List<String> header = parser.getHeaderNames();
            if (!header.contains(CONFIG_COLUMN)) {
                throw new ExoretException(ExoretException.Kind.MALFORMED_FILE, "table of targets " + csv
                        + " has columns " + header + "; it needs a '" + CONFIG_COLUMN + "' column of configuration files");
            }
            for (String reserved : List.of(STATUS_COLUMN, ERROR_COLUMN)) {
                if (header.contains(reserved)) {
                    throw new ExoretException(ExoretException.Kind.MALFORMED_FILE, "table of targets " + csv
                            + " has a '" + reserved + "' column, which the summary table reserves; rename it");
                }
            }
            List<List<String>> rows = new ArrayList<>();
            List<String> configs = new ArrayList<>();
            for (CSVRecord r : parser) {
                if (!r.isConsistent()) {
                    throw ExoretException.malformed(csv, (int) parser.getCurrentLineNumber(), String.join(",", r.values()),
                            "has " + r.size() + " fields, the header has " + header.size());
                }
                String config = r.get(CONFIG_COLUMN);
                if (config.isEmpty()) {
                    throw ExoretException.malformed(csv, (int) parser.getCurrentLineNumber(), String.join(",", r.values()),
                            "empty '" + CONFIG_COLUMN + "'");
                }
                rows.add(List.of(r.values()));
                configs.add(base.resolve(config).normalize().toString());
            }
            if (rows.isEmpty()) {
                throw new ExoretException(ExoretException.Kind.MALFORMED_FILE, "table of targets " + csv + " has no rows");
            }
            return new Table(List.copyOf(header), rows, configs);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new ExoretException(ExoretException.Kind.IO, "cannot read " + csv + ": " + e.getMessage(), e);
        }
    }

    private static void writeOutput(Path csv, Table input, List<Map<String, String>> summaries) {
        Set<String> columns = new LinkedHashSet<>(input.header);
        columns.add(STATUS_COLUMN);
        columns.add(ERROR_COLUMN);
        for (Map<String, String> s : summaries) {
            for (String k : s.keySet()) {
                if (input.header.contains(k)) {
                    throw new ExoretException(ExoretException.Kind.MISMATCH, "the retrieval summary has a column '" + k
                            + "' that the table of targets also has; rename the input column");
                }
                columns.add(k);
            }
        }
        Path target = csv.toAbsolutePath();
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            Files.createDirectories(target.getParent());
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
                 CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                         .setHeader(columns.toArray(new String[0])).get())) {
                for (int i = 0; i < summaries.size(); i++) {
                    List<String> record = new ArrayList<>(input.rows.get(i));
                    Map<String, String> s = summaries.get(i);
                    for (String c : columns) {
                        if (!input.header.contains(c)) {
                            record.add(s.getOrDefault(c, ""));
                        }
                    }
                    printer.printRecord(record);
                }
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new ExoretException(ExoretException.Kind.IO, "cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** What an executor runs for one row; serialised with the task. */
    private record RowTask(RetrievalRunner runner) implements Serializable {

        Tuple2<Integer, LinkedHashMap<String, String>> run(Tuple2<Integer, String> job) {
            LinkedHashMap<String, String> row = new LinkedHashMap<>();
            try {
                Map<String, String> summary = runner.run(Path.of(job._2()));
                row.put(STATUS_COLUMN, "ok");
                row.put(ERROR_COLUMN, "");
                row.putAll(summary);
            } catch (ExoretException e) {
                // a bad configuration or failed retrieval fails its row, not the batch; Spark would only retry it
                row.put(STATUS_COLUMN, "failed");
                row.put(ERROR_COLUMN, e.kind() + ": " + e.getMessage());
            }
            return new Tuple2<>(job._1(), row);
        }
    }
}
