package org.exoret.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.exoret.cli.ExoretCommand;
import org.exoret.posterior.ComparisonOptions;
import org.exoret.posterior.ParameterComparison;
import org.exoret.posterior.PosteriorComparison;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The method in miniature, through the command line a user runs: generate RT spectra, train a surrogate, retrieve
 * with both forward models, and compare the posteriors with the Bhattacharyya coefficient against its noise floor.
 * The fast counterpart of the HD 189733 b reproducibility benchmark.
 */
class SurrogateFidelityTest {

    /** Training box: narrow around the truth for the fixed parameters, wide for the free ones. */
    private static final String LOWER = "-1.52 -0.62 0.28 0.38 0.85 0.0 -1.5 -1.02";
    private static final String UPPER = "-1.48 -0.58 0.32 0.42 1.05 1.6 0.5 -0.98";
    /**
     * Bhattacharyya coefficients may fall below their noise floor by this much. This fast version trains for 60 epochs
     * on 6000 spectra (test band error ≈ 0.06 σ median, 0.23 σ at the 95th percentile), so the best-constrained
     * parameter (β) moves by a few per cent of its width: over training seeds 1–16 the largest shortfall was 0.023.
     * With 2000 spectra (band error 0.13 σ) it reached 0.074 (seed 3), and once, in a full-suite run that later runs
     * did not repeat, seed 5 trained to 0.29 σ and fell 0.074 short. The reproducibility benchmark holds the full
     * set-up to the paper's level.
     */
    private static final double BC_TOLERANCE = 0.04;
    /** The mean BC over parameters must reach this (Himes et al. 2022 report 0.9925 for their full set-up). */
    private static final double MEAN_BC = 0.95;

    @TempDir
    Path dir;

    @Test
    void surrogatePosteriorMatchesRtPosterior() throws IOException {
        Path rtDir = Files.createDirectories(dir.resolve("rt"));
        Path rtCfg = SyntheticRetrieval.write(rtDir, 12000, "", "model = rt", LOWER, UPPER);
        String[] names = {"log10_kappa", "log10_gamma1", "log10_gamma2", "alpha", "beta", "log10_scale_H2O",
            "log10_scale_CO2", "log10_scale_CH4"};
        String[] lo = LOWER.split(" ");
        String[] hi = UPPER.split(" ");
        List<String> generate = new ArrayList<>(List.of("generate", "--config", rtDir.resolve("rt.cfg").toString(),
                "--out", dir.resolve("set").toString(), "--samples", "6000", "--seed", "3", "--chunk-size", "500"));
        for (int j = 0; j < names.length; j++) {
            generate.add("--range");
            generate.add(names[j] + "=" + lo[j] + ":" + hi[j]);
        }
        assertEquals(0, ExoretCommand.execute(generate.toArray(String[]::new)));
        Path bundle = dir.resolve("bundle");
        assertEquals(0, ExoretCommand.execute("train", "--data", dir.resolve("set").toString(), "--out", bundle.toString(),
                "--config", rtDir.resolve("rt.cfg").toString(), "--architecture", "dense", "--hidden", "128,128",
                "--batch", "32", "--epochs", "60", "--patience", "15", "--lr-schedule", "triangular2", "--lr-min", "1e-4",
                "--lr-max", "3e-3", "--lr-half-cycle", "10", "--output-basis", "0", "--seed", "5", "--plots", "0"));

        Path surDir = Files.createDirectories(dir.resolve("surrogate"));
        Path surCfg = SyntheticRetrieval.write(surDir, 12000, "",
                "model = surrogate\nbundle = " + bundle + "\nrt_check = 1500", LOWER, UPPER);
        RetrievalResult rt = Retrieval.builder(RetrievalConfig.read(rtCfg)).optWriteOutputs(false).build().run();
        RetrievalResult sur = Retrieval.run(RetrievalConfig.read(surCfg));
        PosteriorComparison c = PosteriorComparison.compare(sur.posterior(), rt.posterior(),
                ComparisonOptions.defaults().withNames("surrogate", "rt"));
        for (ParameterComparison p : c.parameters()) {
            assertTrue(p.bc() >= p.noiseFloor() - BC_TOLERANCE, String.format(Locale.ROOT,
                    "%s: BC %.4f below its noise floor %.4f by more than %.2f%n%s", p.name(), p.bc(), p.noiseFloor(),
                    BC_TOLERANCE, c.toText()));
        }
        assertTrue(c.meanBc() >= MEAN_BC, "mean BC " + c.meanBc() + " below " + MEAN_BC + "\n" + c.toText());
        // the RT check: the surrogate's χ² error at its own posterior, and the posterior corrected by it
        RtReweighting check = sur.rtCheck().orElseThrow();
        assertEquals(1500, check.draws());
        assertTrue(check.effectiveSampleSize() > 0.2 * check.draws(), "importance ESS " + check.effectiveSampleSize()
                + " at a χ² spread of " + check.chi2OffsetSd());
        // k̂ ranged from −0.13 to 0.65 over training seeds 1–16, against a bar of 0.69: too close to assert
        // reliability here (the reproducibility benchmark does); the tail must at least have been fitted
        assertTrue(Double.isFinite(check.paretoK()), "Pareto k̂ " + check.paretoK());
        PosteriorComparison corrected = PosteriorComparison.compare(check.reweighted(), rt.posterior(),
                ComparisonOptions.defaults().withNames("surrogate, RT-weighted", "rt"));
        assertTrue(corrected.meanBc() >= MEAN_BC, "corrected mean BC " + corrected.meanBc() + "\n" + corrected.toText());
        Path out = surDir.resolve("out");
        assertTrue(Files.readString(out.resolve("report.md")).contains("## RT check"));
        assertEquals(1501, Files.readAllLines(out.resolve("posterior_rt_weighted.csv")).stream()
                .filter(l -> !l.startsWith("#")).count(), "header and 1500 corrected draws");
        assertTrue(sur.secondsPerChainIteration() < rt.secondsPerChainIteration(),
                "the surrogate must be cheaper per chain-iteration than the RT it replaces");
    }
}
