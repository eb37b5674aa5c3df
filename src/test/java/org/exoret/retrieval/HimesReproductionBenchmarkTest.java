package org.exoret.retrieval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.reflect.TypeToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.exoret.bench.MachineInfo;
import org.exoret.cli.ExoretCommand;
import org.exoret.posterior.ComparisonOptions;
import org.exoret.posterior.Mc3Npz;
import org.exoret.posterior.ParameterComparison;
import org.exoret.posterior.Posterior;
import org.exoret.posterior.PosteriorComparison;
import org.exoret.posterior.PosteriorExtras;
import org.exoret.testmodel.ConfigCopies;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Reproducibility benchmarks of Himes et al. (2022, PSJ 3, 91) on HD 189733 b: posterior fidelity of the surrogate
 * against the RT reference, speed per chain, and the pipeline end to end. Run with {@code mvn verify -Preproducibility}.
 * Each writes its figures into {@code benchmarks/results/reproduction.json} and a Markdown table, and fails when a
 * figure regresses past the stated tolerance of the committed result.
 */
@Tag("reproducibility")
class HimesReproductionBenchmarkTest {

    private static final Path RESULTS = Path.of("benchmarks/results");
    private static final Path JSON = RESULTS.resolve("reproduction.json");
    private static final Path REFERENCE_1 = Path.of("data/reference/hd189733b_rt_seed1.npz");
    private static final Path REFERENCE_2 = Path.of("data/reference/hd189733b_rt_seed2.npz");
    private static final Path DEMO = Path.of("data/hd189733b_demo.cfg");
    /** A new mean or minimum BC may fall this far below the committed one before the benchmark fails. */
    private static final double BC_REGRESSION = 0.01;
    /** Iterations over all chains of each forward model's speed runs, all rounds together. */
    private static final int SPEED_NUMIT = 90_000;
    /** Alternating rounds of the speed runs. */
    private static final int SPEED_ROUNDS = 3;
    /**
     * Posterior draws the RT evaluates to check and reweight the surrogate posterior: at the committed bundle's χ²
     * spread (about 3) the importance effective sample size is about a tenth of this, and a BC within 0.005 of the
     * RT-vs-RT floor needs several thousand (20 000 draws gave ESS 2243 and a largest shortfall of 0.0052).
     */
    private static final int RT_CHECK_DRAWS = 60_000;

    /** A new speed-up may fall to this fraction of the committed one (noisy shared machines) before failing. */
    private static final double SPEED_REGRESSION = 0.5;
    /** End-to-end wall time may grow by this factor before failing. */
    private static final double TIME_REGRESSION = 2.0;

    static {
        // as the command line does for retrievals: one small batch per iteration is too small to split across threads
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_threads", "1");
        }
    }

    @Test
    void posteriorFidelity() throws IOException {
        Map<String, Object> committed = readJson();
        Path work = Files.createDirectories(Path.of("target/reproduction"));
        Path demoCopy = withOutput(DEMO, work.resolve("demo.cfg"), work.resolve("surrogate"));
        Files.writeString(demoCopy, Files.readString(demoCopy).replaceFirst("(?m)^\\[MCMC\\]",
                "rt_check = " + RT_CHECK_DRAWS + "\n\n[MCMC]"));
        RetrievalResult surrogate = Retrieval.run(RetrievalConfig.read(demoCopy));
        RtReweighting check = surrogate.rtCheck().orElseThrow();
        Posterior rt1 = Mc3Npz.read(REFERENCE_1);
        Posterior rt2 = Mc3Npz.read(REFERENCE_2);
        PosteriorComparison fidelity = PosteriorComparison.compare(surrogate.posterior(), rt1,
                ComparisonOptions.defaults().withNames("surrogate", "rt seed 1"));
        PosteriorComparison floor = PosteriorComparison.compare(rt2, rt1,
                ComparisonOptions.defaults().withNames("rt seed 2", "rt seed 1"));
        PosteriorComparison weighted = PosteriorComparison.compare(check.reweighted(), rt1,
                ComparisonOptions.defaults().withNames("surrogate, RT-weighted", "rt seed 1"));
        Map<String, Double> bc = new LinkedHashMap<>();
        Map<String, Double> bcFloor = new LinkedHashMap<>();
        Map<String, Double> bcWeighted = new LinkedHashMap<>();
        double weightedShortfall = Double.NEGATIVE_INFINITY;
        StringBuilder md = new StringBuilder("| parameter | BC surrogate vs RT | BC RT vs RT (noise floor) | "
                + "estimated floor (split halves) | BC RT-weighted surrogate vs RT |\n|---|---|---|---|---|\n");
        for (int j = 0; j < fidelity.parameters().size(); j++) {
            ParameterComparison p = fidelity.parameters().get(j);
            ParameterComparison f = floor.parameters().get(j);
            ParameterComparison w = weighted.parameters().get(j);
            bc.put(p.name(), p.bc());
            bcFloor.put(p.name(), f.bc());
            bcWeighted.put(w.name(), w.bc());
            weightedShortfall = Math.max(weightedShortfall, f.bc() - w.bc());
            md.append(String.format(Locale.ROOT, "| %s | %.4f | %.4f | %.4f | %.4f |%n", p.name(), p.bc(), f.bc(),
                    p.noiseFloor(), w.bc()));
        }
        double essMin = Math.min(min(surrogate.samples().essBulk()), Math.min(minEss(REFERENCE_1), minEss(REFERENCE_2)));
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("bc", bc);
        figures.put("bc_floor", bcFloor);
        figures.put("bc_min", fidelity.minBc());
        figures.put("bc_mean", fidelity.meanBc());
        figures.put("bc_floor_mean", floor.meanBc());
        figures.put("ess_min", essMin);
        figures.put("bc_rt_weighted", bcWeighted);
        figures.put("bc_rt_weighted_min", weighted.minBc());
        figures.put("bc_rt_weighted_mean", weighted.meanBc());
        figures.put("bc_rt_weighted_max_shortfall_below_floor", weightedShortfall);
        Map<String, Object> rtCheck = new LinkedHashMap<>();
        rtCheck.put("draws", check.draws());
        rtCheck.put("chi2_offset_mean", check.chi2OffsetMean());
        rtCheck.put("chi2_offset_sd", check.chi2OffsetSd());
        rtCheck.put("effective_sample_size", check.effectiveSampleSize());
        rtCheck.put("pareto_k", check.paretoK());
        rtCheck.put("seconds", surrogate.rtCheckSeconds());
        figures.put("rt_check", rtCheck);
        md.append(String.format(Locale.ROOT, "%nMean BC %.4f (paper: 0.9925), minimum %.4f (paper: 0.9843); RT-vs-RT mean"
                + " %.4f; smallest bulk ESS %.0f.%n", fidelity.meanBc(), fidelity.minBc(), floor.meanBc(), essMin));
        md.append(String.format(Locale.ROOT, "%nRT check (`rt_check = %d`): χ²(RT) − χ²(surrogate) at the surrogate "
                + "posterior's draws has mean %.2f and standard deviation %.2f; Pareto-smoothed importance weights "
                + "exp(−½ offset) give an effective sample size of %.0f (Pareto k̂ %.2f, reliable at most %.2f), and the "
                + "weighted posterior reaches mean BC %.4f, minimum %.4f, at most %.4f below the RT-vs-RT floor "
                + "(%.1f s of RT).%n", check.draws(), check.chi2OffsetMean(), check.chi2OffsetSd(),
                check.effectiveSampleSize(), check.paretoK(), check.paretoKThreshold(), weighted.meanBc(),
                weighted.minBc(), weightedShortfall, surrogate.rtCheckSeconds()));
        writeResults("Posterior fidelity", md.toString(), figures, "surrogate: " + DEMO + "; references: "
                + REFERENCE_1 + ", " + REFERENCE_2);
        requireNoRegression(committed, "bc_mean", fidelity.meanBc());
        requireNoRegression(committed, "bc_min", fidelity.minBc());
        requireNoRegression(committed, "bc_rt_weighted_mean", weighted.meanBc());
        requireNoRegression(committed, "bc_rt_weighted_min", weighted.minBc());
        if (committed.get("bc_rt_weighted_max_shortfall_below_floor") instanceof Number old) {
            assertTrue(weightedShortfall <= old.doubleValue() + BC_REGRESSION, "RT-weighted BC now falls "
                    + weightedShortfall + " below its noise floor, committed " + old);
        }
        assertTrue(check.reliable(), "Pareto k̂ " + check.paretoK() + " above " + check.paretoKThreshold());
    }

    @Test
    void speedPerChain() throws IOException {
        Map<String, Object> committed = readJson();
        Path work = Files.createDirectories(Path.of("target/reproduction"));
        // the same iterations for both, from the same starts: early iterations evaluate more proposals (fewer leave
        // the prior box) than later ones, so unequal run lengths would bias the ratio. The two run in alternation,
        // SPEED_ROUNDS times each, and the median of the per-round ratios is reported: load from other tenants of a
        // shared machine then moves both sides of each ratio instead of one whole run.
        int numit = SPEED_NUMIT / SPEED_ROUNDS;
        Path rtCfg = shortened(Path.of("data/reference/hd189733b_rt_seed1.cfg"), work.resolve("speed_rt.cfg"),
                work.resolve("speed_rt"), numit, 0);
        Path surCfg = shortened(DEMO, work.resolve("speed_surrogate.cfg"), work.resolve("speed_surrogate"), numit, 0);
        double[] rtSeconds = new double[SPEED_ROUNDS];
        double[] surSeconds = new double[SPEED_ROUNDS];
        double[] ratio = new double[SPEED_ROUNDS];
        for (int round = 0; round < SPEED_ROUNDS; round++) {
            rtSeconds[round] = Retrieval.builder(RetrievalConfig.read(rtCfg)).optWriteOutputs(false).build().run()
                    .secondsPerChainIteration();
            surSeconds[round] = Retrieval.builder(RetrievalConfig.read(surCfg)).optWriteOutputs(false).build().run()
                    .secondsPerChainIteration();
            ratio[round] = rtSeconds[round] / surSeconds[round];
        }
        double speedup = new Median().evaluate(ratio);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("speedup_per_chain_cpu", speedup);
        figures.put("speedup_per_chain_cpu_rounds", ratio);
        figures.put("rt_ms_per_chain_iteration", 1e3 * new Median().evaluate(rtSeconds));
        figures.put("surrogate_us_per_chain_iteration", 1e6 * new Median().evaluate(surSeconds));
        StringBuilder md = new StringBuilder("| round | RT reference, ms per chain-iteration | surrogate (fused), µs per "
                + "chain-iteration | ratio |\n|---|---|---|---|\n");
        for (int round = 0; round < SPEED_ROUNDS; round++) {
            md.append(String.format(Locale.ROOT, "| %d | %.3f | %.2f | %.0f× |%n", round + 1, 1e3 * rtSeconds[round],
                    1e6 * surSeconds[round], ratio[round]));
        }
        md.append(String.format(Locale.ROOT, "%nSpeed-up per chain on CPU, median of the rounds: **%.0f×** (paper: ~9× "
                + "against BART).%n", speedup));
        writeResults("Speed per chain (CPU)", md.toString(), figures, "30 chains; " + SPEED_ROUNDS + " alternating "
                + "rounds of numit " + numit + " for each (" + numit / 30 + " iterations per chain), no burn-in; same JVM");
        if (committed.get("speedup_per_chain_cpu") instanceof Number old) {
            assertTrue(speedup >= SPEED_REGRESSION * old.doubleValue(), "speed-up " + speedup + " regressed from " + old);
        }
    }

    @Test
    void endToEnd() throws IOException {
        Map<String, Object> committed = readJson();
        int samples = Integer.getInteger("exoret.e2e.samples", 4000);
        int epochs = Integer.getInteger("exoret.e2e.epochs", 20);
        int rtNumit = Integer.getInteger("exoret.e2e.rtNumit", 20_000);
        int surNumit = Integer.getInteger("exoret.e2e.surrogateNumit", 200_000);
        // a fresh folder each run: in a folder of an earlier run, generate would resume a finished set and do nothing
        Path work = Files.createTempDirectory(Files.createDirectories(Path.of("target/reproduction")), "e2e-");
        long start = System.nanoTime();
        List<String> generate = new ArrayList<>(List.of("generate", "--config", "data/hd189733b_retrieval_rt.cfg",
                "--out", work.resolve("set").toString(), "--samples", Integer.toString(samples), "--seed", "11"));
        String[][] box = {{"log10_kappa", "-5:1"}, {"log10_gamma1", "-2:2"}, {"log10_gamma2", "-1.3:1.3"}, {"alpha", "0:1"},
            {"beta", "0.5:1.3"}, {"log10_scale_H2O", "-5.1:5.5"}, {"log10_scale_CO2", "-5.1:5.5"},
            {"log10_scale_CO", "-5.1:5.5"}, {"log10_scale_CH4", "-5.1:5.5"}};
        for (String[] b : box) {
            generate.add("--range");
            generate.add(b[0] + "=" + b[1]);
        }
        assertTrue(ExoretCommand.execute(generate.toArray(String[]::new)) == 0, "generate");
        Path bundle = work.resolve("bundle");
        assertTrue(ExoretCommand.execute("train", "--data", work.resolve("set").toString(), "--out", bundle.toString(),
                "--config", "data/hd189733b_retrieval_rt.cfg", "--epochs", Integer.toString(epochs), "--seed", "11",
                "--plots", "0") == 0, "train");
        Path rtCfg = shortened(Path.of("data/reference/hd189733b_rt_seed1.cfg"), work.resolve("rt.cfg"), work.resolve("rt"),
                rtNumit, rtNumit / 40);
        // the surrogate retrieval runs on the bundle just trained, with no reference comparison
        Path surCfg = ConfigCopies.copy(DEMO, work.resolve("surrogate.cfg"), Map.of(
                "output", work.resolve("surrogate").toAbsolutePath().toString(), "numit", Integer.toString(surNumit),
                "burnin", Integer.toString(surNumit / 40), "checkpoint_every", "",
                "bundle", bundle.toAbsolutePath().toString(), "reference", ""));
        Retrieval.run(RetrievalConfig.read(rtCfg));
        Retrieval.run(RetrievalConfig.read(surCfg));
        double seconds = (System.nanoTime() - start) * 1e-9;
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("end_to_end_seconds", seconds);
        figures.put("end_to_end_configuration", Map.of("samples", samples, "epochs", epochs, "rt_numit", rtNumit,
                "surrogate_numit", surNumit));
        writeResults("End to end", String.format(Locale.ROOT, "Generation of %d RT spectra + training (%d epochs) + RT retrieval"
                + " (numit %d) + surrogate retrieval (numit %d): **%.0f s** wall time.%n", samples, epochs, rtNumit, surNumit,
                seconds), figures, "-Dexoret.e2e.samples/epochs/rtNumit/surrogateNumit scale the run");
        if (committed.get("end_to_end_seconds") instanceof Number old) {
            assertTrue(seconds <= TIME_REGRESSION * old.doubleValue(), "end to end " + seconds + " s regressed from " + old);
        }
    }

    /** Fails when a BC falls more than {@link #BC_REGRESSION} below its committed value (if one is committed). */
    private static void requireNoRegression(Map<String, Object> committed, String key, double bc) {
        if (committed.get(key) instanceof Number old) {
            assertTrue(bc >= old.doubleValue() - BC_REGRESSION, key + " " + bc + " regressed from the committed " + old);
        }
    }

    /** Copies a retrieval configuration with another output folder (paths made absolute). */
    private static Path withOutput(Path config, Path copy, Path output) throws IOException {
        return ConfigCopies.copy(config, copy, Map.of("output", output.toAbsolutePath().toString()));
    }

    /** Copies a retrieval configuration with another output folder, numit and burn-in, and no checkpoints. */
    private static Path shortened(Path config, Path copy, Path output, int numit, int burnin) throws IOException {
        return ConfigCopies.copy(config, copy, Map.of("output", output.toAbsolutePath().toString(),
                "numit", Integer.toString(numit), "burnin", Integer.toString(burnin), "checkpoint_every", ""));
    }

    private static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : v) {
            m = Math.min(m, x);
        }
        return m;
    }

    private static double minEss(Path npz) {
        PosteriorExtras extras = Mc3Npz.readExtras(npz);
        return extras.effectiveSampleSize() == null ? Double.NaN : min(extras.effectiveSampleSize());
    }

    private static Map<String, Object> readJson() throws IOException {
        if (!Files.exists(JSON)) {
            return new LinkedHashMap<>();
        }
        Map<String, Object> m = new Gson().fromJson(Files.readString(JSON), new TypeToken<LinkedHashMap<String, Object>>() { }.getType());
        return m == null ? new LinkedHashMap<>() : m;
    }

    /** Merges figures into reproduction.json and rewrites the section of reproduction.md. */
    @SuppressWarnings("unchecked")
    private static synchronized void writeResults(String section, String markdown, Map<String, Object> figures,
            String configuration) throws IOException {
        Files.createDirectories(RESULTS);
        Map<String, Object> json = readJson();
        json.putAll(figures);
        json.put("machine", MachineInfo.describe());
        Map<String, Object> configurations = json.get("configurations") instanceof Map<?, ?> c
                ? new LinkedHashMap<>((Map<String, Object>) c) : new LinkedHashMap<>();
        configurations.put(section, configuration);
        json.put("configurations", configurations);
        Files.writeString(JSON, new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create().toJson(json));
        Path md = RESULTS.resolve("reproduction-" + section.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-").replaceAll("^-|-$", "") + ".md");
        Map<String, Object> machine = MachineInfo.describe();
        Files.writeString(md, "# " + section + "\n\n" + markdown + "\nConfiguration: " + configuration + "\n\nMachine: "
                + machine.get("cores") + " cores, " + machine.get("cpu_model") + ", " + machine.get("java") + "; date "
                + machine.get("date_utc") + ". Run: `mvn -B verify -Preproducibility -Dtest=HimesReproductionBenchmarkTest`.\n");
    }
}
