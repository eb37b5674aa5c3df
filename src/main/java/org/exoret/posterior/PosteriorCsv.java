package org.exoret.posterior;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.exoret.ExoretException;

/**
 * Posterior samples as CSV, one row per draw:
 * <pre>
 * # exoret posterior samples, format 1
 * #units,,,K,
 * #labels,,,T0,log10 X(H2O)
 * #burnin,0
 * chain,log_posterior,T0,log_h2o
 * 0,-12.5,1500.25,-3.2
 * </pre>
 * Lines starting with {@code #} carry metadata as CSV records; {@code #units}, {@code #labels},
 * {@code #bestp}, {@code #rhat} and {@code #ess} rows align column by column with the header (their
 * first two fields are empty); {@code #burnin}, {@code #acceptance_rate} (fraction) and
 * {@code #best_log_posterior} hold one value. All metadata lines are optional. A log-posterior of
 * {@code nan} in every row means none was recorded. Numbers use Java's shortest round-trip decimal form.
 * Readers drop the first {@code burnin} draws of each chain. Stateless and thread-safe.
 */
public final class PosteriorCsv {

    private static final String FIRST_LINE = "# exoret posterior samples, format 1";
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

    private PosteriorCsv() {
    }

    /**
     * Writes all draws with no extras.
     *
     * @param file the CSV file (replaced)
     * @param posterior the samples
     */
    public static void write(Path file, Posterior posterior) {
        write(file, posterior, PosteriorExtras.none());
    }

    /**
     * Writes all draws and the extras.
     *
     * @param file the CSV file (replaced)
     * @param posterior the samples, burn-in included when {@code extras.burnIn() > 0}
     * @param extras run information
     */
    public static void write(Path file, Posterior posterior, PosteriorExtras extras) {
        int d = posterior.parameterCount();
        extras.requireParameterCount(d);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                w.write(FIRST_LINE + "\n");
                w.write("#" + FORMAT.format(aligned("units", posterior.units())) + "\n");
                w.write("#" + FORMAT.format(aligned("labels", posterior.labels())) + "\n");
                w.write("#burnin," + extras.burnIn() + "\n");
                if (!Double.isNaN(extras.acceptanceRate())) {
                    w.write("#acceptance_rate," + extras.acceptanceRate() + "\n");
                }
                if (extras.bestFit() != null) {
                    w.write("#best_log_posterior," + number(extras.bestLogPosterior()) + "\n");
                    w.write("#" + FORMAT.format(aligned("bestp", numbers(extras.bestFit()))) + "\n");
                }
                if (extras.rHat() != null) {
                    w.write("#" + FORMAT.format(aligned("rhat", numbers(extras.rHat()))) + "\n");
                }
                if (extras.effectiveSampleSize() != null) {
                    w.write("#" + FORMAT.format(aligned("ess", numbers(extras.effectiveSampleSize()))) + "\n");
                }
                List<String> header = new ArrayList<>(List.of("chain", "log_posterior"));
                header.addAll(posterior.names());
                w.write(FORMAT.format(header.toArray()) + "\n");
                int[] chain = posterior.chains();
                double[] lp = posterior.hasLogPosterior() ? posterior.logPosterior() : null;
                StringBuilder row = new StringBuilder();
                for (int i = 0; i < posterior.sampleCount(); i++) {
                    row.setLength(0);
                    row.append(chain[i]).append(',').append(lp == null ? "nan" : number(lp[i]));
                    for (int j = 0; j < d; j++) {
                        row.append(',').append(posterior.value(i, j));
                    }
                    w.write(row.append('\n').toString());
                }
            }
        } catch (IOException e) {
            throw new ExoretException(ExoretException.Kind.IO, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the draws after burn-in.
     *
     * @param file the CSV file
     * @return the posterior
     */
    public static Posterior read(Path file) {
        return parse(file).posterior();
    }

    /**
     * Reads the extras (best fit, burn-in, acceptance rate, R̂, ESS) of a file.
     *
     * @param file the CSV file
     * @return the extras; absent ones are null or NaN
     */
    public static PosteriorExtras readExtras(Path file) {
        return parse(file).extras();
    }

    private record Parsed(Posterior posterior, PosteriorExtras extras) {
    }

    private static Parsed parse(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<String[]> meta = new ArrayList<>();
            List<Long> metaLines = new ArrayList<>();
            String line;
            long lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.startsWith("#")) {
                    meta.add(csvFields(line.substring(1)));
                    metaLines.add(lineNumber);
                } else if (!line.isBlank()) {
                    break;
                }
            }
            if (line == null) {
                throw ExoretException.malformed(file, lineNumber, "",
                        "no header line 'chain,log_posterior,<parameter names...>' found");
            }
            String[] header = csvFields(line);
            long headerLine = lineNumber;
            if (header.length < 3 || !header[0].equals("chain") || !header[1].equals("log_posterior")) {
                throw ExoretException.malformed(file, headerLine, line,
                        "the header must be 'chain,log_posterior,<parameter names...>'");
            }
            List<String> names = Arrays.asList(header).subList(2, header.length);
            int d = names.size();
            List<String> units = new ArrayList<>(Collections.nCopies(d, ""));
            List<String> labels = new ArrayList<>(names);
            PosteriorExtras extras = PosteriorExtras.none();
            double[] bestFit = null;
            double bestLogPost = Double.NaN;
            for (int k = 0; k < meta.size(); k++) {
                String[] f = meta.get(k);
                long at = metaLines.get(k);
                switch (f[0]) {
                    case "units" -> units = alignedValues(file, at, f, d);
                    case "labels" -> labels = alignedValues(file, at, f, d);
                    case "bestp" -> bestFit = parseNumbers(file, at, alignedValues(file, at, f, d));
                    case "rhat" -> extras = extras.withRHat(parseNumbers(file, at, alignedValues(file, at, f, d)));
                    case "ess" -> extras = extras.withEffectiveSampleSize(
                            parseNumbers(file, at, alignedValues(file, at, f, d)));
                    case "burnin" -> extras = extras.withBurnIn((int) single(file, at, f));
                    case "acceptance_rate" -> extras = extras.withAcceptanceRate(single(file, at, f));
                    case "best_log_posterior" -> bestLogPost = single(file, at, f);
                    default -> {
                        // free-text comment line
                    }
                }
            }
            if (bestFit != null) {
                extras = extras.withBestFit(bestFit, bestLogPost);
            }
            List<double[]> rows = new ArrayList<>();
            List<Integer> chains = new ArrayList<>();
            List<Double> logPost = new ArrayList<>();
            try (CSVParser parser = CSVParser.parse(reader, CSVFormat.DEFAULT)) {
                for (CSVRecord record : parser) {
                    long at = headerLine + record.getRecordNumber();
                    if (record.size() == 1 && record.get(0).isBlank()) {
                        continue;
                    }
                    if (record.size() != d + 2) {
                        throw ExoretException.malformed(file, at, String.join(",", record.toList()),
                                "expected " + (d + 2) + " fields (chain, log_posterior, " + d + " parameters), got "
                                        + record.size());
                    }
                    try {
                        chains.add(Integer.parseInt(record.get(0).strip()));
                    } catch (NumberFormatException e) {
                        throw ExoretException.malformed(file, at, record.get(0), "chain id must be an integer");
                    }
                    logPost.add(parseNumber(file, at, record.get(1)));
                    double[] values = new double[d];
                    for (int j = 0; j < d; j++) {
                        values[j] = parseNumber(file, at, record.get(j + 2));
                        if (!Double.isFinite(values[j])) {
                            throw ExoretException.malformed(file, at, record.get(j + 2),
                                    "parameter '" + names.get(j) + "' is not a finite number");
                        }
                    }
                    rows.add(values);
                }
            } catch (UncheckedIOException e) {
                throw ExoretException.malformed(file, headerLine, "", "bad CSV: " + e.getMessage());
            }
            if (rows.isEmpty()) {
                throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT,
                        file + " holds no samples after its header (line " + headerLine + ")");
            }
            int[] chain = chains.stream().mapToInt(Integer::intValue).toArray();
            double[] lp = logPost.stream().mapToDouble(Double::doubleValue).toArray();
            boolean recorded = Arrays.stream(lp).anyMatch(v -> !Double.isNaN(v));
            Posterior all = new Posterior(names, units, labels, rows.toArray(new double[0][]), chain,
                    recorded ? lp : null);
            int[] kept = BurnIn.keptRows(chain, extras.burnIn());
            if (kept.length == 0) {
                throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, file + ": burn-in of "
                        + extras.burnIn() + " draws per chain leaves no samples");
            }
            return new Parsed(all.select(kept), extras);
        } catch (NoSuchFileException e) {
            throw new ExoretException(ExoretException.Kind.MISSING_FILE, "no such posterior CSV file: " + file, e);
        } catch (IOException e) {
            throw new ExoretException(ExoretException.Kind.IO, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Object[] aligned(String key, List<String> values) {
        List<String> fields = new ArrayList<>(List.of(key, ""));
        fields.addAll(values);
        return fields.toArray();
    }

    private static List<String> numbers(double[] values) {
        return Arrays.stream(values).mapToObj(PosteriorCsv::number).toList();
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "nan" : Double.toString(v);
    }

    private static String[] csvFields(String line) throws IOException {
        try (CSVParser p = CSVParser.parse(new StringReader(line), CSVFormat.DEFAULT)) {
            List<CSVRecord> records = p.getRecords();
            return records.isEmpty() ? new String[] {""} : records.get(0).values();
        }
    }

    private static List<String> alignedValues(Path file, long at, String[] fields, int d) {
        if (fields.length != d + 2) {
            throw ExoretException.malformed(file, at, String.join(",", fields), "'#" + fields[0]
                    + "' must have " + (d + 2) + " fields aligned with the header (two empty, then one per parameter)");
        }
        return Arrays.asList(fields).subList(2, fields.length);
    }

    private static double single(Path file, long at, String[] fields) {
        if (fields.length != 2) {
            throw ExoretException.malformed(file, at, String.join(",", fields),
                    "'#" + fields[0] + "' must hold exactly one value");
        }
        return parseNumber(file, at, fields[1]);
    }

    private static double[] parseNumbers(Path file, long at, List<String> texts) {
        return texts.stream().mapToDouble(t -> parseNumber(file, at, t)).toArray();
    }

    private static double parseNumber(Path file, long at, String text) {
        String t = text.strip();
        if (t.equalsIgnoreCase("nan")) {
            return Double.NaN;
        }
        if (t.equalsIgnoreCase("-inf")) {
            return Double.NEGATIVE_INFINITY;
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw ExoretException.malformed(file, at, text, "not a number");
        }
    }
}
