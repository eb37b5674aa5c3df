package org.exoret.posterior;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.exoret.ExoretException;

/**
 * Samples of a posterior distribution: n draws of d named parameters, each draw tagged with the chain
 * that produced it and (optionally) its log-posterior.
 *
 * <p>Parameters have a name (an identifier, unique), a unit ({@code ""} when dimensionless) and a display
 * label in plain text (no LaTeX), e.g. name {@code log_h2o}, unit {@code ""}, label {@code log10 X(H2O)}.
 * Samples must be finite. Immutable: the constructor and accessors copy arrays. Thread-safe.
 */
public final class Posterior {

    private final List<String> names;
    private final List<String> units;
    private final List<String> labels;
    private final double[][] samples;
    private final int[] chain;
    private final double[] logPosterior;

    /**
     * @param names parameter names, unique and non-blank
     * @param units unit per parameter ({@code ""} for none)
     * @param labels plain-text display label per parameter
     * @param samples n × d draws, all finite; n ≥ 1
     * @param chain chain id (≥ 0) per draw
     * @param logPosterior log-posterior per draw (finite or −∞), or {@code null} when not recorded
     */
    public Posterior(List<String> names, List<String> units, List<String> labels, double[][] samples,
            int[] chain, double[] logPosterior) {
        this.names = List.copyOf(names);
        this.units = List.copyOf(units);
        this.labels = List.copyOf(labels);
        int d = this.names.size();
        if (d == 0) {
            throw invalid("a posterior needs at least one parameter");
        }
        Set<String> seen = new HashSet<>();
        for (String name : this.names) {
            if (name.isBlank() || !seen.add(name)) {
                throw invalid("parameter names must be non-blank and unique, got " + this.names);
            }
        }
        if (this.units.size() != d || this.labels.size() != d) {
            throw new ExoretException(ExoretException.Kind.MISMATCH, d + " parameter names but "
                    + this.units.size() + " units and " + this.labels.size() + " labels");
        }
        if (samples.length == 0) {
            throw invalid("the posterior is empty: no samples for parameters " + this.names);
        }
        int n = samples.length;
        if (chain.length != n || (logPosterior != null && logPosterior.length != n)) {
            throw new ExoretException(ExoretException.Kind.MISMATCH, n + " samples but " + chain.length
                    + " chain ids and " + (logPosterior == null ? "no" : logPosterior.length) + " log-posteriors");
        }
        this.samples = new double[n][];
        for (int i = 0; i < n; i++) {
            if (samples[i].length != d) {
                throw new ExoretException(ExoretException.Kind.MISMATCH,
                        "sample " + i + " has " + samples[i].length + " values for " + d + " parameters " + this.names);
            }
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(samples[i][j])) {
                    throw invalid("sample " + i + " of parameter '" + this.names.get(j) + "' is "
                            + samples[i][j] + "; samples must be finite");
                }
            }
            this.samples[i] = samples[i].clone();
            if (chain[i] < 0) {
                throw invalid("sample " + i + " has negative chain id " + chain[i]);
            }
            if (logPosterior != null && (Double.isNaN(logPosterior[i]) || logPosterior[i] == Double.POSITIVE_INFINITY)) {
                throw invalid("sample " + i + " has log-posterior " + logPosterior[i]);
            }
        }
        this.chain = chain.clone();
        this.logPosterior = logPosterior == null ? null : logPosterior.clone();
    }

    /**
     * A single-chain posterior without units, labels or log-posterior (labels are the names).
     *
     * @param names parameter names
     * @param samples n × d draws
     * @return the posterior
     */
    public static Posterior of(List<String> names, double[][] samples) {
        List<String> empty = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            empty.add("");
        }
        return new Posterior(names, empty, names, samples, new int[samples.length], null);
    }

    /**
     * The samples with their columns in a given parameter order, e.g. a forward model's.
     *
     * @param order parameter names, each in this posterior
     * @return n × order.size() samples
     * @throws ExoretException MISMATCH naming a parameter the posterior lacks
     */
    public double[][] samplesOf(List<String> order) {
        int[] column = new int[order.size()];
        for (int k = 0; k < column.length; k++) {
            column[k] = names.indexOf(order.get(k));
            if (column[k] < 0) {
                throw new ExoretException(ExoretException.Kind.MISMATCH, "the posterior has no parameter '"
                        + order.get(k) + "'; it has " + names + ", " + order + " were asked for");
            }
        }
        double[][] rows = new double[samples.length][column.length];
        for (int i = 0; i < rows.length; i++) {
            for (int k = 0; k < column.length; k++) {
                rows[i][k] = samples[i][column[k]];
            }
        }
        return rows;
    }

    /**
     * Reads a posterior file: MC3's {@code .npz} layout ({@link Mc3Npz}) or exoret's {@code .csv} ({@link PosteriorCsv}).
     *
     * @param file a {@code .npz} or {@code .csv} file
     * @return the posterior
     * @throws ExoretException MISSING_FILE when there is no such file, INVALID_ARGUMENT for another extension; the
     *         readers' errors for a malformed file
     */
    public static Posterior read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ExoretException(ExoretException.Kind.MISSING_FILE, "no such posterior file: " + file);
        }
        String f = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (f.endsWith(".npz")) {
            return Mc3Npz.read(file);
        }
        if (f.endsWith(".csv")) {
            return PosteriorCsv.read(file);
        }
        throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT,
                "unknown posterior format for " + file + ": use .csv (exoret CSV) or .npz (MC3 layout)");
    }

    /** @return the number of draws n */
    public int sampleCount() {
        return samples.length;
    }

    /** @return the number of parameters d */
    public int parameterCount() {
        return names.size();
    }

    /** @return parameter names (unmodifiable) */
    public List<String> names() {
        return names;
    }

    /** @return units per parameter (unmodifiable) */
    public List<String> units() {
        return units;
    }

    /** @return plain-text labels per parameter (unmodifiable) */
    public List<String> labels() {
        return labels;
    }

    /**
     * @param name a parameter name
     * @return its column index
     */
    public int indexOf(String name) {
        int j = names.indexOf(name);
        if (j < 0) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT,
                    "no parameter '" + name + "'; parameters are " + names);
        }
        return j;
    }

    /** @return the n × d draws (a copy) */
    public double[][] samples() {
        double[][] copy = new double[samples.length][];
        for (int i = 0; i < samples.length; i++) {
            copy[i] = samples[i].clone();
        }
        return copy;
    }

    /**
     * @param i draw index
     * @param j parameter index
     * @return one value
     */
    public double value(int i, int j) {
        return samples[i][j];
    }

    /**
     * @param j parameter index
     * @return the n draws of one parameter (a new array)
     */
    public double[] column(int j) {
        double[] c = new double[samples.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = samples[i][j];
        }
        return c;
    }

    /** @return the chain id of each draw (a copy) */
    public int[] chains() {
        return chain.clone();
    }

    /** @return the distinct chain ids, ascending */
    public int[] chainIds() {
        return Arrays.stream(chain).distinct().sorted().toArray();
    }

    /** @return whether log-posterior values were recorded */
    public boolean hasLogPosterior() {
        return logPosterior != null;
    }

    /** @return the log-posterior of each draw (a copy) */
    public double[] logPosterior() {
        if (logPosterior == null) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT,
                    "this posterior has no recorded log-posterior values");
        }
        return logPosterior.clone();
    }

    /**
     * @param rows draw indices to keep, in the order given
     * @return a posterior of those draws
     */
    public Posterior select(int[] rows) {
        double[][] s = new double[rows.length][];
        int[] c = new int[rows.length];
        double[] lp = logPosterior == null ? null : new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            s[k] = samples[rows[k]];
            c[k] = chain[rows[k]];
            if (lp != null) {
                lp[k] = logPosterior[rows[k]];
            }
        }
        return new Posterior(names, units, labels, s, c, lp);
    }

    /**
     * @param newUnits unit per parameter
     * @param newLabels plain-text label per parameter
     * @return a copy with other units and labels
     */
    public Posterior withUnitsAndLabels(List<String> newUnits, List<String> newLabels) {
        return new Posterior(names, newUnits, newLabels, samples, chain, logPosterior);
    }

    /**
     * @param j parameter index
     * @return the parameter's label with its unit in parentheses when it has one, e.g. {@code T0 (K)}
     */
    public String axisTitle(int j) {
        return units.get(j).isEmpty() ? labels.get(j) : labels.get(j) + " (" + units.get(j) + ")";
    }

    private static ExoretException invalid(String message) {
        return new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, message);
    }

    @Override
    public String toString() {
        return "Posterior[" + samples.length + " draws of " + names + ", " + chainIds().length + " chains]";
    }
}
