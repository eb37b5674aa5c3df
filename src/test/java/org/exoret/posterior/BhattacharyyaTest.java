package org.exoret.posterior;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.exoret.ExoretException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BhattacharyyaTest {

    @TempDir
    Path tmp;

    @Test
    void identicalSamplesGiveOne() {
        double[] x = Samples.normal(1, 5000, 0, 1);
        assertEquals(1.0, Bhattacharyya.coefficient(x, x.clone(), 60), 1e-12);
        assertEquals(1.0, Bhattacharyya.coefficient(new double[] {2, 2}, new double[] {2}, 60), 1e-12);
    }

    @Test
    void twoUnitGaussiansOneSigmaApartMatchTheAnalyticValue() {
        // BC of N(0,1) and N(1,1) is exp(-(Δμ)²/(8σ²)) = exp(-1/8) = 0.8824969.
        double[] a = Samples.normal(2, 400_000, 0, 1);
        double[] b = Samples.normal(3, 400_000, 1, 1);
        double bc = Bhattacharyya.coefficient(a, b, Bhattacharyya.HOMER_BINS);
        // Binning raises BC by ≈ w²/96 (w ≈ 0.18, so 3e-4); finite samples lower it by ≈ 1e-5; MC scatter ~1e-4.
        double tolerance = 1.5e-3;
        assertEquals(Math.exp(-1.0 / 8), bc, tolerance);
    }

    @Test
    void smallSamplesAreBiasedLowAndTheNoiseFloorPredictsIt() {
        // Two independent draws of 10³ from N(0,1): same distribution, yet BC < 1 by ≈ (K − 1)/8·(2/N) ≈ 0.01.
        int trials = 40;
        double meanBc = 0;
        double meanFloor = 0;
        for (int t = 0; t < trials; t++) {
            Posterior a = Samples.single("x", Samples.normal(100 + 2 * t, 1000, 0, 1));
            Posterior b = Samples.single("x", Samples.normal(101 + 2 * t, 1000, 0, 1));
            ParameterComparison p = PosteriorComparison.compare(a, b, ComparisonOptions.defaults().withSeed(t))
                    .parameters().get(0);
            meanBc += p.bc() / trials;
            meanFloor += p.noiseFloor() / trials;
        }
        assertTrue(meanBc < 0.995, "small-sample BC should be well below 1, got " + meanBc);
        // The floor predicts the deficit 1 − BC to within a quarter of its size.
        double deficit = 1 - meanBc;
        assertEquals(deficit, 1 - meanFloor, 0.25 * deficit, "mean BC " + meanBc + ", mean floor " + meanFloor);
    }

    @Test
    void noiseFloorAccountsForAutocorrelationThroughChains() {
        // 8 AR(1) chains with ρ = 0.9 (N = 4000): bin counts are autocorrelated, so BC falls well below its value
        // for 4000 independent draws (deficit ≈ (K − 1)/8·2/N ≈ 0.003), and the chain-split floor, which sees
        // the autocorrelation, must follow it.
        int trials = 12;
        double meanBc = 0;
        double meanFloor = 0;
        for (int t = 0; t < trials; t++) {
            Posterior a = Samples.ar1(500 + 2 * t, 8, 500, 0.9, 0);
            Posterior b = Samples.ar1(501 + 2 * t, 8, 500, 0.9, 0);
            ParameterComparison p = PosteriorComparison.compare(a, b, ComparisonOptions.defaults().withSeed(t))
                    .parameters().get(0);
            meanBc += p.bc() / trials;
            meanFloor += p.noiseFloor() / trials;
        }
        assertTrue(1 - meanBc > 0.005, "autocorrelated BC should be well below the iid value, got " + meanBc);
        double deficit = 1 - meanBc;
        assertEquals(deficit, 1 - meanFloor, 0.3 * deficit, "mean BC " + meanBc + ", mean floor " + meanFloor);
    }

    @Test
    void comparisonSeparatesAgreementFromDisagreement() {
        Posterior a = Samples.ar1(7, 8, 2000, 0.5, 0);
        Posterior same = Samples.ar1(8, 8, 2000, 0.5, 0);
        Posterior shifted = Samples.ar1(9, 8, 2000, 0.5, 1.0);
        ComparisonOptions o = ComparisonOptions.defaults();
        ParameterComparison agree = PosteriorComparison.compare(a, same, o).parameters().get(0);
        ParameterComparison differ = PosteriorComparison.compare(a, shifted, o).parameters().get(0);
        assertTrue(agree.consistentWithNoiseFloor(), agree.toString());
        assertFalse(differ.consistentWithNoiseFloor(), differ.toString());
        assertEquals(Math.exp(-1.0 / 8), differ.bc(), 0.02);
        assertTrue(agree.bcStandardError() > 0 && agree.bcStandardError() < 0.02, agree.toString());
        // Same seed, same result.
        assertEquals(agree, PosteriorComparison.compare(a, same, o).parameters().get(0));
    }

    @Test
    void mismatchedNamesAreRefusedListingBoth() {
        Posterior a = Posterior.of(List.of("T0", "log_h2o"), new double[][] {{1, 2}, {3, 4}, {5, 6}, {7, 8}});
        Posterior b = Posterior.of(List.of("T0", "log_co"), new double[][] {{1, 2}, {3, 4}, {5, 6}, {7, 8}});
        ExoretException e = assertThrows(ExoretException.class,
                () -> PosteriorComparison.compare(a, b, ComparisonOptions.defaults().withNames("NN", "RT")));
        assertEquals(ExoretException.Kind.MISMATCH, e.kind());
        assertTrue(e.getMessage().contains("NN has [T0, log_h2o]") && e.getMessage().contains("RT has [T0, log_co]"),
                e.getMessage());
        assertThrows(ExoretException.class, () -> ComparisonOptions.defaults().withBins(1));
    }

    @Test
    void reportHoldsTablesAndPlots() throws Exception {
        Posterior a = PosteriorFilesTest.twoChains();
        double[][] s = a.samples();
        for (double[] row : s) {
            row[0] += 3;
        }
        Posterior b = new Posterior(a.names(), a.units(), a.labels(), s, a.chains(), a.logPosterior());
        PosteriorComparison c = PosteriorComparison.compare(a, b, ComparisonOptions.defaults().withNames("NN", "RT"));
        Path report = c.writeMarkdownReport(tmp.resolve("report"));
        String md = Files.readString(report);
        assertTrue(md.contains("| T0 | K |") && md.contains("noise floor") && md.contains("marginals_overlay.png"), md);
        for (String f : List.of("marginals_overlay.png", "pairwise_overlay.png", "trace_a.png", "trace_b.png",
                "comparison.csv", "summary_a.csv", "summary_b.csv")) {
            assertTrue(Files.size(tmp.resolve("report").resolve(f)) > 100, f);
        }
        assertTrue(c.minBc() <= c.meanBc());
    }
}
