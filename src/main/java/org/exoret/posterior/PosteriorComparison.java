package org.exoret.posterior;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.exoret.ExoretException;
import org.exoret.plot.CornerPlot;
import org.exoret.plot.MarginalsPlot;
import org.exoret.plot.PlotSeries;
import org.exoret.plot.TracePlot;

/**
 * Comparison of two posteriors of the same parameters (e.g. a surrogate retrieval against the radiative-transfer
 * retrieval, Himes et al. 2022, Planetary Science Journal 3, 91): per parameter the Bhattacharyya coefficient
 * (BC, {@link Bhattacharyya}), its noise floor and bootstrap error, and both marginal summaries.
 *
 * <p><b>Noise floor.</b> BC of finite samples is biased low even for identical distributions:
 * E[1 − BC] ≈ c·(1/N_a + 1/N_b) with N the effective sample sizes and c ≈ (K − 1)/8 for K occupied bins.
 * Each posterior is split into two independent halves — by chain (a random half of its chains against the
 * rest, averaged over {@code splitRepeats} partitions) when it has ≥ 2 chains, else its first against its
 * second half of draws — and 1 − BC(half₁, half₂) measured on the comparison's bins estimates
 * c·(1/n₁ + 1/n₂) including autocorrelation. Rescaling to the full size gives each posterior's share
 * δ = (1 − BC_halves)·(1/N)/(1/n₁ + 1/n₂), and the floor is 1 − δ_a − δ_b. A BC at or above the floor means the
 * two posteriors agree as well as sampling noise allows.
 *
 * <p><b>Bootstrap.</b> The standard error of BC comes from resampling with replacement the independent units
 * of each posterior: its chains when it has ≥ 8, else equal contiguous blocks of each chain (≥ 8 in all).
 *
 * <p>Immutable. Reproducible: the same seed gives the same result.
 */
public final class PosteriorComparison {

    private static final int MIN_BOOTSTRAP_UNITS = 8;

    private final Posterior a;
    private final Posterior b;
    private final ComparisonOptions options;
    private final List<ParameterComparison> parameters;

    private PosteriorComparison(Posterior a, Posterior b, ComparisonOptions options,
            List<ParameterComparison> parameters) {
        this.a = a;
        this.b = b;
        this.options = options;
        this.parameters = List.copyOf(parameters);
    }

    /**
     * Compares two posteriors parameter by parameter.
     *
     * @param a first posterior
     * @param b second posterior, with the same parameter names in the same order
     * @param options bins, names, seed
     * @return the comparison
     */
    public static PosteriorComparison compare(Posterior a, Posterior b, ComparisonOptions options) {
        if (!a.names().equals(b.names())) {
            throw new ExoretException(ExoretException.Kind.MISMATCH, "the posteriors have different parameters: "
                    + options.nameA() + " has " + a.names() + ", " + options.nameB() + " has " + b.names()
                    + "; compare posteriors of the same parameters in the same order");
        }
        for (Posterior p : List.of(a, b)) {
            if (p.sampleCount() < 4) {
                throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT,
                        "a comparison needs at least 4 draws per posterior, got " + p.sampleCount());
            }
        }
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(options.seed());
        int[][] splitA = splitUnits(a);
        int[][] splitB = splitUnits(b);
        int[][] bootA = bootstrapUnits(a);
        int[][] bootB = bootstrapUnits(b);
        List<ParameterComparison> out = new ArrayList<>();
        for (int j = 0; j < a.parameterCount(); j++) {
            double[] x = a.column(j);
            double[] y = b.column(j);
            double[] range = Bhattacharyya.unionRange(x, y);
            int bins = options.bins();
            double bc = Bhattacharyya.coefficient(x, y, range[0], range[1], bins);
            double[] shareA = halfShare(x, splitA, range, bins, options.splitRepeats(), rng);
            double[] shareB = halfShare(y, splitB, range, bins, options.splitRepeats(), rng);
            double floor = 1 - shareA[0] - shareB[0];
            double spread = Math.hypot(shareA[1], shareB[1]);
            double se = bootstrapError(x, bootA, y, bootB, range, bins, options.bootstrapReplicates(), rng);
            out.add(new ParameterComparison(a.names().get(j), a.units().get(j), bc, floor, spread, se,
                    MarginalSummary.of(a.names().get(j), a.units().get(j), x),
                    MarginalSummary.of(b.names().get(j), b.units().get(j), y)));
        }
        return new PosteriorComparison(a, b, options, out);
    }

    /** @return per-parameter results, in parameter order */
    public List<ParameterComparison> parameters() {
        return parameters;
    }

    /** @return the options used */
    public ComparisonOptions options() {
        return options;
    }

    /** @return mean BC over parameters */
    public double meanBc() {
        return parameters.stream().mapToDouble(ParameterComparison::bc).average().orElseThrow();
    }

    /** @return smallest BC over parameters */
    public double minBc() {
        return parameters.stream().mapToDouble(ParameterComparison::bc).min().orElseThrow();
    }

    /** @return mean noise floor over parameters */
    public double meanNoiseFloor() {
        return parameters.stream().mapToDouble(ParameterComparison::noiseFloor).average().orElseThrow();
    }

    /** @return a Markdown table: parameter, BC, noise floor, BC − floor, bootstrap error, HPD 68 % of both */
    public String toMarkdownTable() {
        StringBuilder s = new StringBuilder("| parameter | unit | BC | noise floor | BC − floor | BC std. error | "
                + options.nameA() + " median | " + options.nameB() + " median | " + options.nameA() + " HPD 68.27% | "
                + options.nameB() + " HPD 68.27% | " + options.nameA() + " HPD 95.45% | " + options.nameB()
                + " HPD 95.45% |\n|" + "---|".repeat(12) + "\n");
        for (ParameterComparison p : parameters) {
            s.append("| ").append(String.join(" | ", p.name(), p.unit(), f4(p.bc()), f4(p.noiseFloor()) + " ± "
                    + f4(p.noiseFloorSpread()), f4(p.bc() - p.noiseFloor()), f4(p.bcStandardError()),
                    Summaries.number(p.a().median()), Summaries.number(p.b().median()), p.a().hpd().get(0).format(),
                    p.b().hpd().get(0).format(), p.a().hpd().get(1).format(), p.b().hpd().get(1).format()))
                    .append(" |\n");
        }
        return s.toString();
    }

    /** @return a plain-text table of BC, noise floor and medians */
    public String toText() {
        StringBuilder s = new StringBuilder(String.format("%-20s %8s %12s %10s %8s%n", "parameter", "BC",
                "noise floor", "BC-floor", "BC s.e."));
        for (ParameterComparison p : parameters) {
            s.append(String.format(java.util.Locale.ROOT, "%-20s %8.4f %12.4f %10.4f %8.4f%n", p.name(), p.bc(),
                    p.noiseFloor(), p.bc() - p.noiseFloor(), p.bcStandardError()));
        }
        s.append(String.format(java.util.Locale.ROOT, "mean BC %.4f, min BC %.4f, mean noise floor %.4f (%d bins)%n",
                meanBc(), minBc(), meanNoiseFloor(), options.bins()));
        return s.toString();
    }

    /**
     * Writes {@code report.md}, {@code comparison.csv}, both summary tables and the plots (1-D overlay,
     * pairwise overlay, both traces) into a folder.
     *
     * @param folder the output folder (created if absent)
     * @return the Markdown report's path
     */
    public Path writeMarkdownReport(Path folder) {
        try {
            Files.createDirectories(folder);
            PlotSeries sa = series(a, options.nameA());
            PlotSeries sb = series(b, options.nameB());
            double[] bcs = parameters.stream().mapToDouble(ParameterComparison::bc).toArray();
            MarginalsPlot.overlay(sa, sb, bcs, options.bins()).save(folder.resolve("marginals_overlay.png"));
            int shown = Math.min(a.parameterCount(), CornerPlot.MAX_PARAMETERS);
            if (shown >= 2) {
                CornerPlot.overlay(sa, sb, bcs).save(folder.resolve("pairwise_overlay.png"));
            }
            TracePlot.of(sa, a.chains()).save(folder.resolve("trace_a.png"));
            TracePlot.of(sb, b.chains()).save(folder.resolve("trace_b.png"));
            StringBuilder csv = new StringBuilder("parameter,unit,bc,noise_floor,noise_floor_spread,bc_std_error\n");
            for (ParameterComparison p : parameters) {
                csv.append(p.name()).append(',').append(p.unit()).append(',').append(p.bc()).append(',')
                        .append(p.noiseFloor()).append(',').append(p.noiseFloorSpread()).append(',')
                        .append(p.bcStandardError()).append('\n');
            }
            Files.writeString(folder.resolve("comparison.csv"), csv.toString(), StandardCharsets.UTF_8);
            List<MarginalSummary> sumA = parameters.stream().map(ParameterComparison::a).toList();
            List<MarginalSummary> sumB = parameters.stream().map(ParameterComparison::b).toList();
            Files.writeString(folder.resolve("summary_a.csv"), Summaries.toCsv(sumA), StandardCharsets.UTF_8);
            Files.writeString(folder.resolve("summary_b.csv"), Summaries.toCsv(sumB), StandardCharsets.UTF_8);
            String md = "# Posterior comparison: " + options.nameA() + " vs " + options.nameB() + "\n\n"
                    + options.nameA() + ": " + a.sampleCount() + " draws in " + a.chainIds().length + " chains; "
                    + options.nameB() + ": " + b.sampleCount() + " draws in " + b.chainIds().length + " chains.\n\n"
                    + String.format(java.util.Locale.ROOT, "Mean Bhattacharyya coefficient %.4f, minimum %.4f; "
                            + "mean noise floor %.4f (%d bins over the union of both ranges).%n%n",
                            meanBc(), minBc(), meanNoiseFloor(), options.bins())
                    + "The noise floor is the coefficient expected between two independent runs of the same model "
                    + "with these effective sample sizes; a coefficient at or above it means agreement within "
                    + "sampling noise.\n\n"
                    + toMarkdownTable() + "\n"
                    + "![1-D marginals](marginals_overlay.png)\n\n"
                    + (shown >= 2 ? "![Pairwise posteriors](pairwise_overlay.png)\n\n" : "")
                    + "## " + options.nameA() + "\n\n" + Summaries.toMarkdown(sumA) + "\n![Trace](trace_a.png)\n\n"
                    + "## " + options.nameB() + "\n\n" + Summaries.toMarkdown(sumB) + "\n![Trace](trace_b.png)\n";
            Path report = folder.resolve("report.md");
            Files.writeString(report, md, StandardCharsets.UTF_8);
            return report;
        } catch (IOException e) {
            throw new ExoretException(ExoretException.Kind.IO,
                    "cannot write the comparison report to " + folder + ": " + e.getMessage(), e);
        }
    }

    private static PlotSeries series(Posterior p, String name) {
        List<String> titles = new ArrayList<>();
        for (int j = 0; j < p.parameterCount(); j++) {
            titles.add(p.axisTitle(j));
        }
        return new PlotSeries(name, p.samples(), titles);
    }

    private static String f4(double v) {
        return String.format(java.util.Locale.ROOT, "%.4f", v);
    }

    /** Rows per chain when there are ≥ 2 chains, else the first and second half of the draws. */
    private static int[][] splitUnits(Posterior p) {
        int[][] byChain = rowsByChain(p);
        if (byChain.length >= 2) {
            return byChain;
        }
        int n = p.sampleCount();
        int[] rows = byChain[0];
        return new int[][] {Arrays.copyOfRange(rows, 0, n / 2), Arrays.copyOfRange(rows, n / 2, n)};
    }

    /** Chains when there are ≥ 8, else equal contiguous blocks of each chain, ≥ 8 units in all. */
    private static int[][] bootstrapUnits(Posterior p) {
        int[][] byChain = rowsByChain(p);
        if (byChain.length >= MIN_BOOTSTRAP_UNITS) {
            return byChain;
        }
        int perChain = (MIN_BOOTSTRAP_UNITS + byChain.length - 1) / byChain.length;
        List<int[]> units = new ArrayList<>();
        for (int[] rows : byChain) {
            int blocks = Math.min(perChain, rows.length);
            for (int k = 0; k < blocks; k++) {
                units.add(Arrays.copyOfRange(rows, k * rows.length / blocks, (k + 1) * rows.length / blocks));
            }
        }
        return units.toArray(new int[0][]);
    }

    private static int[][] rowsByChain(Posterior p) {
        int[] chain = p.chains();
        int[] ids = p.chainIds();
        java.util.Map<Integer, Integer> slot = new java.util.HashMap<>();
        for (int c = 0; c < ids.length; c++) {
            slot.put(ids[c], c);
        }
        int[] sizes = new int[ids.length];
        for (int id : chain) {
            sizes[slot.get(id)]++;
        }
        int[][] out = new int[ids.length][];
        for (int c = 0; c < ids.length; c++) {
            out[c] = new int[sizes[c]];
        }
        int[] fill = new int[ids.length];
        for (int i = 0; i < chain.length; i++) {
            int c = slot.get(chain[i]);
            out[c][fill[c]++] = i;
        }
        return out;
    }

    /** Per-unit bin counts on the comparison's bins. */
    private static double[][] unitCounts(double[] x, int[][] units, double[] range, int bins) {
        double[][] counts = new double[units.length][];
        for (int u = 0; u < units.length; u++) {
            double[] values = new double[units[u].length];
            for (int k = 0; k < values.length; k++) {
                values[k] = x[units[u][k]];
            }
            double[] h = values.length == 0 ? new double[bins]
                    : Bhattacharyya.histogram(values, range[0], range[1], bins);
            for (int i = 0; i < bins; i++) {
                h[i] *= values.length;
            }
            counts[u] = h;
        }
        return counts;
    }

    /** {mean, standard deviation} over chain partitions of this posterior's share δ of the BC deficit. */
    private static double[] halfShare(double[] x, int[][] units, double[] range, int bins, int repeats,
            UniformRandomProvider rng) {
        double[][] counts = unitCounts(x, units, range, bins);
        int m = units.length;
        // With 2 units (2 chains, or a single chain's halves) there is one partition only.
        int r = m == 2 ? 1 : repeats;
        double[] shares = new double[r];
        PermutationSampler perm = new PermutationSampler(rng, m, m);
        for (int t = 0; t < r; t++) {
            int[] order = m == 2 ? new int[] {0, 1} : perm.sample();
            double[] h1 = new double[bins];
            double[] h2 = new double[bins];
            double n1 = 0;
            double n2 = 0;
            for (int k = 0; k < m; k++) {
                boolean first = k < m / 2;
                double[] target = first ? h1 : h2;
                double[] c = counts[order[k]];
                for (int i = 0; i < bins; i++) {
                    target[i] += c[i];
                }
                double size = units[order[k]].length;
                if (first) {
                    n1 += size;
                } else {
                    n2 += size;
                }
            }
            double bcHalves = bcOfCounts(h1, n1, h2, n2);
            double n = n1 + n2;
            shares[t] = (1 - bcHalves) * (1 / n) / (1 / n1 + 1 / n2);
        }
        double mean = Arrays.stream(shares).average().orElseThrow();
        double var = r < 2 ? 0 : Arrays.stream(shares).map(s -> (s - mean) * (s - mean)).sum() / (r - 1);
        return new double[] {mean, Math.sqrt(var)};
    }

    private static double bootstrapError(double[] x, int[][] unitsA, double[] y, int[][] unitsB, double[] range,
            int bins, int replicates, UniformRandomProvider rng) {
        double[][] ca = unitCounts(x, unitsA, range, bins);
        double[][] cb = unitCounts(y, unitsB, range, bins);
        double[] bcs = new double[replicates];
        for (int t = 0; t < replicates; t++) {
            double[] ha = new double[bins];
            double[] hb = new double[bins];
            double na = resample(ca, unitsA, ha, rng);
            double nb = resample(cb, unitsB, hb, rng);
            bcs[t] = bcOfCounts(ha, na, hb, nb);
        }
        double mean = Arrays.stream(bcs).average().orElseThrow();
        return Math.sqrt(Arrays.stream(bcs).map(v -> (v - mean) * (v - mean)).sum() / (replicates - 1));
    }

    private static double resample(double[][] counts, int[][] units, double[] into, UniformRandomProvider rng) {
        double n = 0;
        for (int k = 0; k < counts.length; k++) {
            int u = rng.nextInt(counts.length);
            for (int i = 0; i < into.length; i++) {
                into[i] += counts[u][i];
            }
            n += units[u].length;
        }
        return n;
    }

    private static double bcOfCounts(double[] h1, double n1, double[] h2, double n2) {
        if (n1 == 0 || n2 == 0) {
            return Double.NaN;
        }
        double bc = 0;
        for (int i = 0; i < h1.length; i++) {
            bc += Math.sqrt(h1[i] / n1 * h2[i] / n2);
        }
        return Math.min(1, bc);
    }
}
