package org.exoret.posterior;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.exoret.ExoretException;
import org.exoret.testing.PythonNumpy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PosteriorFilesTest {

    @TempDir
    Path tmp;

    static Path resource(String name) {
        try {
            return Path.of(PosteriorFilesTest.class.getResource("/posterior/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Two chains of 5 draws each, interleaved as a population sampler stores them. */
    static Posterior twoChains() {
        double[][] s = new double[10][];
        int[] chain = new int[10];
        double[] lp = new double[10];
        for (int i = 0; i < 10; i++) {
            s[i] = new double[] {1000 + 10.5 * i, -3.0 + 0.01 * i * i, 1e-7 * (i + 1)};
            chain[i] = i % 2;
            lp[i] = -0.5 * i;
        }
        return new Posterior(List.of("T0", "log_h2o", "kappa"), List.of("K", "", "cm2 g-1"),
                List.of("T0", "log10 X(H2O)", "kappa, opacity"), s, chain, lp);
    }

    @Test
    void csvRoundTripKeepsEverything() {
        Posterior p = twoChains();
        Path file = tmp.resolve("p.csv");
        PosteriorExtras extras = PosteriorExtras.none().withRHat(new double[] {1.01, 1.02, 1.0})
                .withEffectiveSampleSize(new double[] {100, 200, 300}).withAcceptanceRate(0.25)
                .withBestFit(new double[] {1000, -3, 1e-7}, -0.0);
        PosteriorCsv.write(file, p, extras);
        Posterior back = PosteriorCsv.read(file);
        assertEquals(p.names(), back.names());
        assertEquals(p.units(), back.units());
        assertEquals(p.labels(), back.labels());
        // Draws come back grouped by chain (MC3's burn ordering): chain 0 rows 0,2,4,6,8 then chain 1.
        int[] order = {0, 2, 4, 6, 8, 1, 3, 5, 7, 9};
        assertArrayEquals(p.select(order).samples(), back.samples());
        assertArrayEquals(p.select(order).chains(), back.chains());
        assertArrayEquals(p.select(order).logPosterior(), back.logPosterior());
        PosteriorExtras e = PosteriorCsv.readExtras(file);
        assertArrayEquals(extras.rHat(), e.rHat());
        assertArrayEquals(extras.effectiveSampleSize(), e.effectiveSampleSize());
        assertArrayEquals(extras.bestFit(), e.bestFit());
        assertEquals(0.25, e.acceptanceRate());
    }

    @Test
    void readPicksTheFormatByExtensionAndNamesBadFiles() throws IOException {
        Path csv = tmp.resolve("any.csv");
        PosteriorCsv.write(csv, twoChains());
        assertEquals(twoChains().names(), Posterior.read(csv).names());
        ExoretException missing = assertThrows(ExoretException.class, () -> Posterior.read(tmp.resolve("none.npz")));
        assertEquals(ExoretException.Kind.MISSING_FILE, missing.kind());
        Path txt = Files.writeString(tmp.resolve("p.txt"), "x");
        ExoretException other = assertThrows(ExoretException.class, () -> Posterior.read(txt));
        assertTrue(other.getMessage().contains(txt.toString()) && other.getMessage().contains(".npz"), other.getMessage());
    }

    @Test
    void samplesOfOrdersColumnsByNameAndNamesAMissingOne() {
        Posterior p = twoChains();
        List<String> reversed = new java.util.ArrayList<>(p.names());
        java.util.Collections.reverse(reversed);
        double[][] r = p.samplesOf(reversed);
        for (int i = 0; i < p.sampleCount(); i++) {
            for (int k = 0; k < reversed.size(); k++) {
                assertEquals(p.value(i, p.indexOf(reversed.get(k))), r[i][k], 0.0);
            }
        }
        ExoretException e = assertThrows(ExoretException.class, () -> p.samplesOf(List.of("nope")));
        assertEquals(ExoretException.Kind.MISMATCH, e.kind());
        assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
    }

    @Test
    void csvBurnInDropsLeadingDrawsOfEachChain() {
        Path file = tmp.resolve("burn.csv");
        PosteriorCsv.write(file, twoChains(), PosteriorExtras.none().withBurnIn(2));
        Posterior back = PosteriorCsv.read(file);
        assertEquals(6, back.sampleCount());
        assertArrayEquals(twoChains().select(new int[] {4, 6, 8, 5, 7, 9}).samples(), back.samples());
    }

    @Test
    void csvWithoutLogPosteriorAndMalformedLinesNamed() throws IOException {
        Posterior bare = Posterior.of(List.of("a", "b"), new double[][] {{1, 2}, {3, 4}});
        Path file = tmp.resolve("bare.csv");
        PosteriorCsv.write(file, bare);
        assertTrue(!PosteriorCsv.read(file).hasLogPosterior());
        Files.writeString(file, "chain,log_posterior,a,b\n0,1,2,3\n0,1,x,3\n");
        ExoretException e = assertThrows(ExoretException.class, () -> PosteriorCsv.read(file));
        assertEquals(ExoretException.Kind.MALFORMED_FILE, e.kind());
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains(file.toString()), e.getMessage());
        Files.writeString(file, "chain,log_posterior,a,b\n0,1,nan,3\n");
        e = assertThrows(ExoretException.class, () -> PosteriorCsv.read(file));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("'a'"), e.getMessage());
        Files.writeString(file, "chain,log_posterior,a,b\n");
        e = assertThrows(ExoretException.class, () -> PosteriorCsv.read(file));
        assertTrue(e.getMessage().contains("no samples"), e.getMessage());
        Files.writeString(file, "a,b\n1,2\n");
        e = assertThrows(ExoretException.class, () -> PosteriorCsv.read(file));
        assertTrue(e.getMessage().contains("chain,log_posterior"), e.getMessage());
    }

    @Test
    void readsMc3FileWrittenByNumpy() throws IOException {
        Path file = resource("mc3_fixture.npz");
        Posterior p = Mc3Npz.read(file);
        // make_fixture.py: free parameters 0, 1 and 3 of pnames; zmask drops the archive and 2 draws per chain.
        assertEquals(List.of("log_kappa", "T_int", "log_h2o"), p.names());
        assertEquals(List.of("log10(kappa)", "T_int (K)", "log10(X_H2O)"), p.labels());
        List<String> expected = Files.readAllLines(resource("mc3_fixture_expected.txt")).stream()
                .filter(l -> !l.startsWith("#")).toList();
        assertEquals(expected.size(), p.sampleCount());
        for (int i = 0; i < expected.size(); i++) {
            String[] f = expected.get(i).split(",");
            assertEquals(Integer.parseInt(f[0]), p.chains()[i]);
            assertEquals(Double.parseDouble(f[1]), p.logPosterior()[i]);
            for (int j = 0; j < 3; j++) {
                assertEquals(Double.parseDouble(f[2 + j]), p.value(i, j));
            }
        }
        PosteriorExtras e = Mc3Npz.readExtras(file);
        assertEquals(2, e.burnIn());
        assertEquals(0.235, e.acceptanceRate(), 1e-15);
        assertEquals(3, e.bestFit().length);
        assertNull(e.rHat());
    }

    @Test
    void mc3RoundTripAndZmask() {
        Posterior p = twoChains();
        Path file = tmp.resolve("run.npz");
        Mc3Npz.write(file, p, PosteriorExtras.none().withBurnIn(1).withAcceptanceRate(0.3)
                .withRHat(new double[] {1.1, 1.2, 1.3}).withEffectiveSampleSize(new double[] {5, 6, 7}));
        Posterior back = Mc3Npz.read(file);
        assertEquals(p.names(), back.names());
        assertEquals(p.units(), back.units());
        assertEquals(p.labels(), back.labels());
        assertArrayEquals(p.select(new int[] {2, 4, 6, 8, 3, 5, 7, 9}).samples(), back.samples());
        PosteriorExtras e = Mc3Npz.readExtras(file);
        assertEquals(1, e.burnIn());
        assertEquals(0.3, e.acceptanceRate(), 1e-15);
        assertArrayEquals(new double[] {1.1, 1.2, 1.3}, e.rHat());
        // Best fit defaults to the maximum-log-posterior draw (draw 0 here).
        assertArrayEquals(p.samples()[0], e.bestFit());
    }

    @Test
    void numpyAndMc3BurnReadOurFile() throws IOException {
        assumeTrue(PythonNumpy.available(), "python3 with numpy is not available");
        Path file = tmp.resolve("ours.npz");
        Mc3Npz.write(file, twoChains(), PosteriorExtras.none().withBurnIn(2).withAcceptanceRate(0.5));
        // mc3.utils.burn, inline: drop `burnin` draws per chain, group by chain; must equal our zmask.
        String script = String.join("\n",
                "import sys, numpy as np",
                "d = np.load(sys.argv[1])",
                "Z, zchain, burnin = d['posterior'], d['zchain'], int(d['burnin'])",
                "mask = np.zeros_like(zchain, bool)",
                "for c in range(np.amax(zchain) + 1):",
                "    mask[np.where(zchain == c)[0][burnin:]] = True",
                "zsort = np.lexsort([zchain])",
                "zmask = zsort[np.where(mask[zsort])]",
                "assert np.array_equal(zmask, d['zmask']), (zmask, d['zmask'])",
                "assert Z.shape == (10, 3) and list(d['pnames']) == ['T0', 'log_h2o', 'kappa']",
                "assert float(d['acceptance_rate']) == 50.0 and d['log_post'].shape == (10,)",
                "post = Z[d['zmask']]",
                "assert np.allclose(d['meanp'], post.mean(axis=0)) and np.allclose(d['stdp'], post.std(axis=0))",
                "print('mc3-ok')");
        PythonNumpy.Result r = PythonNumpy.run(script, file.toString());
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("mc3-ok"), r.output());
    }

    @Test
    void badPosteriorsAreRefusedClearly() {
        List<String> names = List.of("a", "b");
        ExoretException empty = assertThrows(ExoretException.class, () -> Posterior.of(names, new double[0][]));
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
        ExoretException nan = assertThrows(ExoretException.class,
                () -> Posterior.of(names, new double[][] {{1, 2}, {Double.NaN, 3}}));
        assertTrue(nan.getMessage().contains("sample 1") && nan.getMessage().contains("'a'"), nan.getMessage());
        ExoretException ragged = assertThrows(ExoretException.class,
                () -> Posterior.of(names, new double[][] {{1, 2}, {3}}));
        assertEquals(ExoretException.Kind.MISMATCH, ragged.kind());
        assertThrows(ExoretException.class, () -> Posterior.of(List.of("a", "a"), new double[][] {{1, 2}}));
        assertThrows(ExoretException.class, () -> new Posterior(names, List.of("", ""), names,
                new double[][] {{1, 2}}, new int[] {0, 0}, null));
    }
}
