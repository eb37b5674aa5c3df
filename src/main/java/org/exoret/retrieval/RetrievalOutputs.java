package org.exoret.retrieval;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.exoret.ExoretException;
import org.exoret.Versions;
import org.exoret.atmosphere.LineTemperatureProfile;
import org.exoret.bench.MachineInfo;
import org.exoret.forward.ForwardModel;
import org.exoret.forward.ForwardResult;
import org.exoret.mcmc.SamplerResult;
import org.exoret.plot.CornerPlot;
import org.exoret.plot.MarginalsPlot;
import org.exoret.plot.PlotSeries;
import org.exoret.plot.SpectrumPlot;
import org.exoret.plot.TemperatureProfilePlot;
import org.exoret.plot.TracePlot;
import org.exoret.posterior.ComparisonOptions;
import org.exoret.posterior.Posterior;
import org.exoret.posterior.PosteriorComparison;
import org.exoret.posterior.PosteriorCsv;
import org.exoret.posterior.Summaries;
import org.exoret.rt.RtConfig;
import org.exoret.surrogate.SurrogateForwardModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes what a retrieval leaves in its output folder: {@code posterior.csv}, {@code posterior.npz} (MC3 layout),
 * {@code summary.{txt,csv,md}}, {@code run.json} (provenance), PNG plots, the comparison with a reference posterior
 * when configured, and {@code report.md} tying them together.
 */
final class RetrievalOutputs {

    /** Posterior draws pushed through the forward model for the band-depth and T(p) bands. */
    private static final int BAND_DRAWS = 200;
    private static final long DRAW_SEED = 20_221_091L;
    private static final Logger LOG = LoggerFactory.getLogger(RetrievalOutputs.class);

    private RetrievalOutputs() {
    }

    static void write(RetrievalResult result, ForwardModel model) {
        RetrievalConfig config = result.config();
        Path out = config.output();
        SamplerResult samples = result.samples();
        Posterior posterior = result.posterior();
        samples.writeCsv(out.resolve("posterior.csv"));
        samples.writeNpz(out.resolve("posterior.npz"));
        writeText(out.resolve("summary.txt"), result.summaryText());
        writeText(out.resolve("summary.csv"), Summaries.toCsv(result.summaries()));
        writeText(out.resolve("summary.md"), Summaries.toMarkdown(result.summaries()));

        PlotSeries series = new PlotSeries(config.name(), posterior.samples(), titles(posterior));
        TracePlot.of(series, posterior.chains()).save(out.resolve("trace.png"));
        MarginalsPlot.of(series, 60).save(out.resolve("marginals.png"));
        CornerPlot.of(series).save(out.resolve("corner.png"));
        int[] draws = drawRows(posterior.sampleCount());
        writeTemperaturePlot(out.resolve("temperature.png"), config, posterior, draws, samples.bestFit());
        writeBandPlot(out.resolve("bands.png"), config, model, posterior, draws, samples.bestFit());

        PosteriorComparison comparison = null;
        PosteriorComparison checkedComparison = null;
        Posterior reference = config.reference().map(Posterior::read).orElse(null);
        if (reference != null) {
            String refName = stem(config.reference().get());
            comparison = PosteriorComparison.compare(posterior, reference,
                    ComparisonOptions.defaults().withNames(config.name(), refName));
            comparison.writeMarkdownReport(out.resolve("comparison"));
            if (result.rtCheck().isPresent()) {
                checkedComparison = PosteriorComparison.compare(result.rtCheck().get().reweighted(), reference,
                        ComparisonOptions.defaults().withNames(config.name() + " (RT-weighted)", refName));
                checkedComparison.writeMarkdownReport(out.resolve("comparison-rt-weighted"));
            }
        }
        if (result.rtCheck().isPresent()) {
            PosteriorCsv.write(out.resolve("posterior_rt_weighted.csv"), result.rtCheck().get().reweighted());
        }
        Map<String, Double> edges = Map.of();
        if (model instanceof SurrogateForwardModel surrogate) {
            edges = TrainingBoxEdges.fractionNearEdges(posterior, surrogate.descriptor().parameterNames(),
                    surrogate.descriptor().trainingLower(), surrogate.descriptor().trainingUpper());
            edges.forEach((name, fraction) -> {
                if (TrainingBoxEdges.isHigh(fraction)) {
                    LOG.warn("{} % of the posterior of {} lies within {} % of the edge of the surrogate's training "
                            + "range, where the network is least accurate; check against the RT model or train on "
                            + "a wider box (see report.md)", Math.round(100 * fraction), name,
                            Math.round(100 * TrainingBoxEdges.MARGIN));
                }
            });
        }
        writeRunJson(out.resolve("run.json"), result, comparison, checkedComparison, edges);
        writeText(out.resolve("report.md"), report(result, comparison, checkedComparison, edges));
    }

    private static List<String> titles(Posterior p) {
        return java.util.stream.IntStream.range(0, p.parameterCount()).mapToObj(p::axisTitle).toList();
    }

    private static int[] drawRows(int n) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(DRAW_SEED);
        int m = Math.min(BAND_DRAWS, n);
        int[] rows = new int[m];
        for (int i = 0; i < m; i++) {
            rows[i] = rng.nextInt(n);
        }
        return rows;
    }

    private static void writeTemperaturePlot(Path png, RetrievalConfig config, Posterior posterior, int[] rows,
            double[] bestFit) {
        RtConfig rt = config.rt();
        double[] pressure = rt.pressureBar();
        LineTemperatureProfile profile = rt.temperatureProfile();
        int nProfile = LineTemperatureProfile.PARAMETERS.size();
        double[][] t = new double[rows.length][pressure.length];
        double[] full = new double[config.parameters().parameters().size()];
        for (int i = 0; i < rows.length; i++) {
            fullVector(config, posterior.samples()[rows[i]], full);
            profile.fill(Arrays.copyOf(full, nProfile), pressure, t[i]);
        }
        double[] best = new double[pressure.length];
        fullVector(config, bestFit, full);
        profile.fill(Arrays.copyOf(full, nProfile), pressure, best);
        TemperatureProfilePlot.of(pressure, t, best).save(png);
    }

    private static void writeBandPlot(Path png, RetrievalConfig config, ForwardModel model, Posterior posterior, int[] rows,
            double[] bestFit) {
        double[][] theta = new double[rows.length + 1][];
        for (int i = 0; i < rows.length; i++) {
            theta[i] = new double[config.parameters().parameters().size()];
            fullVector(config, posterior.samples()[rows[i]], theta[i]);
        }
        theta[rows.length] = new double[config.parameters().parameters().size()];
        fullVector(config, bestFit, theta[rows.length]);
        ForwardResult r = model.evaluate(theta);
        double[][] depths = java.util.stream.IntStream.range(0, rows.length).filter(r::accepted)
                .mapToObj(r::bandDepth).toArray(double[][]::new);
        if (depths.length == 0 || !r.accepted(rows.length)) {
            return;
        }
        double[] wl = config.bandWavelengthUm();
        Integer[] order = java.util.stream.IntStream.range(0, wl.length).boxed()
                .sorted((a, b) -> Double.compare(wl[a], wl[b])).toArray(Integer[]::new);
        SpectrumPlot.of(permute(wl, order), Arrays.stream(depths).map(d -> permute(d, order)).toArray(double[][]::new),
                permute(r.bandDepth(rows.length), order), permute(wl, order), permute(config.data(), order),
                permute(config.uncertainty(), order), "Eclipse depth Fp/Fs").save(png);
    }

    private static double[] permute(double[] v, Integer[] order) {
        double[] p = new double[order.length];
        for (int i = 0; i < order.length; i++) {
            p[i] = v[order[i]];
        }
        return p;
    }

    /** Expands free parameters to the forward model's full vector (fixed parameters at their values). */
    private static void fullVector(RetrievalConfig config, double[] free, double[] full) {
        if (free.length == full.length) {
            System.arraycopy(free, 0, full, 0, free.length);
        } else {
            config.parameters().expand(free, full);
        }
    }

    private static void writeRunJson(Path file, RetrievalResult result, PosteriorComparison comparison,
                                     PosteriorComparison checkedComparison, Map<String, Double> edges) {
        RetrievalConfig c = result.config();
        SamplerResult s = result.samples();
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("name", c.name());
        run.put("config", c.file().toString());
        run.put("model", c.model().name().toLowerCase(Locale.ROOT));
        c.bundle().ifPresent(b -> run.put("bundle", b.toString()));
        run.put("seed", c.seed());
        run.put("chains", s.chains());
        run.put("iterations_per_chain", s.iterations());
        run.put("burnin_per_chain", s.burnIn());
        run.put("thinning", s.thinning());
        run.put("walk", c.walk());
        run.put("temperature", c.temperature());
        Retrieval.temperaturePrior(c).ifPresent(range -> run.put("temperature_prior", range.toString()));
        run.put("stop_reason", s.stopReason().name());
        run.put("posterior_samples", result.posterior().sampleCount());
        run.put("evaluations", s.evaluations());
        run.put("acceptance_rate", s.acceptanceRate());
        run.put("parameters", result.posterior().names());
        run.put("best_fit", s.bestFit());
        run.put("best_log_posterior", s.bestLogPosterior());
        run.put("gelman_rubin", s.gelmanRubin());
        run.put("split_rhat", s.splitRhat());
        run.put("ess_bulk", s.essBulk());
        run.put("ess_tail", s.essTail());
        run.put("setup_seconds", result.setupSeconds());
        run.put("sampling_seconds", result.samplingSeconds());
        run.put("iterations_timed_per_chain", s.iterationsThisRun());
        run.put("seconds_per_chain_iteration", result.secondsPerChainIteration());
        if (!edges.isEmpty()) {
            run.put("training_box_edge_fraction", edges);
        }
        if (comparison != null) {
            run.put("bc_mean", comparison.meanBc());
            run.put("bc_min", comparison.minBc());
        }
        result.rtCheck().ifPresent(check -> {
            Map<String, Object> rt = new LinkedHashMap<>();
            rt.put("draws", check.draws());
            rt.put("rejected_by_rt", check.rejected());
            rt.put("chi2_offset_mean", check.chi2OffsetMean());
            rt.put("chi2_offset_sd", check.chi2OffsetSd());
            rt.put("effective_sample_size", check.effectiveSampleSize());
            rt.put("largest_weight", check.largestWeight());
            rt.put("pareto_k", check.paretoK());
            rt.put("pareto_k_threshold", check.paretoKThreshold());
            rt.put("seconds", result.rtCheckSeconds());
            if (checkedComparison != null) {
                rt.put("bc_mean", checkedComparison.meanBc());
                rt.put("bc_min", checkedComparison.minBc());
            }
            run.put("rt_check", rt);
        });
        run.put("exoret", Versions.exoret());
        run.put("machine", MachineInfo.describe());
        run.put("date", Instant.now().toString());
        writeText(file, new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create().toJson(run));
    }

    private static String report(RetrievalResult result, PosteriorComparison comparison,
                                 PosteriorComparison checkedComparison, Map<String, Double> edges) {
        RetrievalConfig c = result.config();
        SamplerResult s = result.samples();
        StringBuilder md = new StringBuilder();
        md.append("# Retrieval report: ").append(c.name()).append("\n\n");
        md.append("- configuration: `").append(c.file()).append("`\n");
        md.append("- forward model: ").append(c.model().name().toLowerCase(Locale.ROOT));
        c.bundle().ifPresent(b -> md.append(" (bundle `").append(b).append("`)"));
        md.append("\n- sampler: ").append(s.chains()).append(" chains × ").append(s.iterations())
                .append(" iterations (burn-in ").append(s.burnIn()).append(", thinning ").append(s.thinning())
                .append("), walk ").append(c.walk()).append(", seed ").append(c.seed()).append('\n');
        if (c.temperature() != 1) {
            md.append(String.format(Locale.ROOT, "- **tempered at T = %s**: the samples follow prior × L^(1/T), a "
                    + "posterior widened as if every uncertainty were √T = %.3g times larger; they map where the data "
                    + "leave appreciable likelihood and are not the posterior%n", c.temperature(),
                    Math.sqrt(c.temperature())));
        }
        md.append(String.format(Locale.ROOT, "- posterior samples: %d; acceptance %.1f %%; forward-model evaluations %d%n",
                result.posterior().sampleCount(), 100 * s.acceptanceRate(), s.evaluations()));
        md.append(String.format(Locale.ROOT, "- time: set-up %.1f s, sampling %.1f s (%.3g ms per chain-iteration)%n%n",
                result.setupSeconds(), result.samplingSeconds(), 1e3 * result.secondsPerChainIteration()));
        md.append("## Marginal posteriors\n\n").append(Summaries.toMarkdown(result.summaries())).append('\n');
        md.append("## Convergence\n\n| parameter | Gelman–Rubin R̂ | split R̂ | ESS bulk | ESS tail |\n|---|---|---|---|---|\n");
        List<String> names = result.posterior().names();
        for (int j = 0; j < names.size(); j++) {
            md.append(String.format(Locale.ROOT, "| %s | %.4f | %.4f | %.0f | %.0f |%n", names.get(j), s.gelmanRubin()[j],
                    s.splitRhat()[j], s.essBulk()[j], s.essTail()[j]));
        }
        if (!edges.isEmpty()) {
            md.append(String.format(Locale.ROOT, "%n## Surrogate training-box edges%n%nFraction of the posterior within "
                    + "%.0f %% of the training range from either bound (a posterior spread evenly over the box has "
                    + "%.0f %%). Networks are least accurate at the edges of their training data: above %.0f %%, "
                    + "check the posterior against the RT model or train on a wider box.%n%n| parameter | fraction |%n"
                    + "|---|---|%n", 100 * TrainingBoxEdges.MARGIN, 200 * TrainingBoxEdges.MARGIN,
                    100 * TrainingBoxEdges.WARN_FRACTION));
            edges.forEach((name, fraction) -> md.append(String.format(Locale.ROOT, "| %s | %.1f %%%s |%n", name,
                    100 * fraction, TrainingBoxEdges.isHigh(fraction) ? " (high)" : "")));
        }
        if (comparison != null) {
            md.append("\n## Comparison with the reference posterior\n\n")
                    .append("Reference: `").append(c.reference().orElseThrow()).append("`. Bhattacharyya coefficient (BC) per parameter, HOMER's 60-bin estimator, with the noise floor expected from the finite sample sizes.\n\n")
                    .append(comparison.toMarkdownTable())
                    .append(String.format(Locale.ROOT, "%nMean BC %.4f, minimum BC %.4f. Full comparison: [comparison/report.md](comparison/report.md)%n",
                            comparison.meanBc(), comparison.minBc()));
        }
        result.rtCheck().ifPresent(check -> {
            md.append(String.format(Locale.ROOT, "%n## RT check%n%nThe RT reference evaluated %d posterior draws (%d "
                    + "rejected) in %.1f s. χ²(RT) − χ²(surrogate): mean %.2f, standard deviation %.2f; a spread well "
                    + "below 1 means the surrogate's posterior is the RT's. Weighting each draw by "
                    + "exp(−½[χ²(RT) − χ²(surrogate)]), Pareto-smoothed, gives draws from the RT posterior: importance "
                    + "effective sample size %.0f of %d, largest weight %.3f, Pareto k̂ %.2f (%s: at most %.2f for %d "
                    + "accepted draws). The corrected draws are in `posterior_rt_weighted.csv`.%n",
                    check.draws(), check.rejected(), result.rtCheckSeconds(), check.chi2OffsetMean(),
                    check.chi2OffsetSd(), check.effectiveSampleSize(), check.draws(), check.largestWeight(),
                    check.paretoK(), check.reliable() ? "reliable" : Double.isNaN(check.paretoK())
                            ? "too few draws to estimate it" : "unreliable, the surrogate posterior misses part of "
                            + "the RT's; retrain on draws focused there", check.paretoKThreshold(),
                    check.draws() - check.rejected()));
            if (checkedComparison != null) {
                md.append("\nThe corrected posterior against the reference:\n\n").append(checkedComparison.toMarkdownTable())
                        .append(String.format(Locale.ROOT, "%nMean BC %.4f, minimum BC %.4f. Full comparison: "
                                + "[comparison-rt-weighted/report.md](comparison-rt-weighted/report.md)%n",
                                checkedComparison.meanBc(), checkedComparison.minBc()));
            }
        });
        md.append("\n## Plots\n\n![T(p)](temperature.png)\n\n![band depths](bands.png)\n\n![corner](corner.png)\n\n")
                .append("![marginals](marginals.png)\n\n![trace](trace.png)\n");
        md.append("\nFiles: `posterior.csv`, `posterior.npz` (MC3 layout), `summary.csv`, `run.json`.\n");
        return md.toString();
    }

    private static String stem(Path file) {
        String f = file.getFileName().toString();
        int dot = f.lastIndexOf('.');
        return dot > 0 ? f.substring(0, dot) : f;
    }

    private static void writeText(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ExoretException(ExoretException.Kind.IO, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
