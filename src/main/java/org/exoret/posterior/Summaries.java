package org.exoret.posterior;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Marginal summaries of a posterior and their tables as plain text, CSV and Markdown.
 * Stateless and thread-safe.
 */
public final class Summaries {

    private static final String[] HEADER = {"parameter", "unit", "median", "mean", "std", "central 68.27%",
        "HPD 68.27%", "HPD 95.45%", "HPD 99.73%"};

    private Summaries() {
    }

    /**
     * @param posterior the posterior
     * @return one summary per parameter, in parameter order
     */
    public static List<MarginalSummary> of(Posterior posterior) {
        List<MarginalSummary> out = new ArrayList<>();
        for (int j = 0; j < posterior.parameterCount(); j++) {
            out.add(MarginalSummary.of(posterior.names().get(j), posterior.units().get(j), posterior.column(j)));
        }
        return out;
    }

    /**
     * @param summaries summaries
     * @return a fixed-width text table
     */
    public static String toText(List<MarginalSummary> summaries) {
        List<String[]> rows = rows(summaries);
        int[] width = new int[HEADER.length];
        for (String[] r : rows) {
            for (int c = 0; c < r.length; c++) {
                width[c] = Math.max(width[c], r[c].length());
            }
        }
        StringBuilder s = new StringBuilder();
        for (String[] r : rows) {
            for (int c = 0; c < r.length; c++) {
                s.append(c == 0 ? "" : "  ").append(String.format("%-" + width[c] + "s", r[c]));
            }
            s.append(System.lineSeparator());
        }
        return s.toString();
    }

    /**
     * CSV with one row per parameter; HPD regions as lower/upper columns, disjoint parts separated by ';'.
     *
     * @param summaries summaries
     * @return the CSV text
     */
    public static String toCsv(List<MarginalSummary> summaries) {
        StringBuilder s = new StringBuilder("parameter,unit,median,mean,std,central68_lower,central68_upper,"
                + "hpd68_lower,hpd68_upper,hpd95_lower,hpd95_upper,hpd99_lower,hpd99_upper\n");
        for (MarginalSummary m : summaries) {
            s.append(csv(m.name())).append(',').append(csv(m.unit())).append(',').append(m.median()).append(',')
                    .append(m.mean()).append(',').append(m.standardDeviation()).append(',')
                    .append(m.central68().lower()).append(',').append(m.central68().upper());
            for (CredibleRegion r : m.hpd()) {
                s.append(',').append(join(r, true)).append(',').append(join(r, false));
            }
            s.append('\n');
        }
        return s.toString();
    }

    /**
     * @param summaries summaries
     * @return a Markdown table
     */
    public static String toMarkdown(List<MarginalSummary> summaries) {
        StringBuilder s = new StringBuilder();
        List<String[]> rows = rows(summaries);
        for (int i = 0; i < rows.size(); i++) {
            s.append("| ").append(String.join(" | ", rows.get(i))).append(" |\n");
            if (i == 0) {
                s.append("|").append("---|".repeat(HEADER.length)).append('\n');
            }
        }
        return s.toString();
    }

    private static List<String[]> rows(List<MarginalSummary> summaries) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (MarginalSummary m : summaries) {
            rows.add(new String[] {m.name(), m.unit(), number(m.median()), number(m.mean()),
                number(m.standardDeviation()),
                "[" + number(m.central68().lower()) + ", " + number(m.central68().upper()) + "]",
                m.hpd().get(0).format(), m.hpd().get(1).format(), m.hpd().get(2).format()});
        }
        return rows;
    }

    private static String join(CredibleRegion r, boolean lower) {
        StringBuilder s = new StringBuilder();
        for (Interval i : r.intervals()) {
            s.append(s.length() == 0 ? "" : ";").append(lower ? i.lower() : i.upper());
        }
        return s.toString();
    }

    private static String csv(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    /** Four significant digits, locale-independent. */
    static String number(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
