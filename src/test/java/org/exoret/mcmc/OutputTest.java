package org.exoret.mcmc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.stream.IntStream;
import org.exoret.posterior.Mc3Npz;
import org.exoret.posterior.Posterior;
import org.exoret.posterior.PosteriorCsv;
import org.exoret.posterior.PosteriorExtras;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SamplerResult to CSV and MC3 .npz files and back. */
class OutputTest {

    @TempDir
    Path dir;

    @Test
    void posteriorFilesRoundTrip() {
        ParameterSpace space = ParameterSpace.of(
                new Parameter("logk", "dex", "log10 kappa", new Prior.Uniform(-5, 5), java.util.OptionalDouble.empty()),
                Parameter.of("tint", new Prior.Fixed(100)),
                new Parameter("alpha", "", "alpha", new Prior.Gaussian(0, 1), java.util.OptionalDouble.empty()));
        SamplerConfig config = SamplerConfig.builder().setParameters(space).setSeed(3).setIterations(200).optBurnIn(50)
                .optThinning(5).build();
        SamplerResult r = new Sampler(config, x -> new double[x.length]).run();
        assertEquals(10 * 40, r.allSamples().length);
        assertEquals(10 * 30, r.samples().length);
        assertEquals(10, r.burnInSamplesPerChain());

        Path npz = dir.resolve("run.npz");
        r.writeNpz(npz);
        Posterior fromNpz = Mc3Npz.read(npz);
        Posterior expected = r.posterior();
        assertEquals(expected.names(), fromNpz.names());
        assertEquals(java.util.List.of("dex", ""), fromNpz.units());
        assertEquals(expected.sampleCount(), fromNpz.sampleCount());
        assertSameDrawsPerChain(expected, fromNpz);
        PosteriorExtras extras = Mc3Npz.readExtras(npz);
        assertEquals(r.acceptanceRate(), extras.acceptanceRate(), 1e-12);
        assertArrayEquals(r.bestFit(), extras.bestFit(), 0.0);
        assertArrayEquals(r.gelmanRubin(), extras.rHat(), 0.0);
        assertEquals(10, extras.burnIn());

        Path csv = dir.resolve("run.csv");
        r.writeCsv(csv);
        Posterior fromCsv = PosteriorCsv.read(csv);
        assertSameDrawsPerChain(expected, fromCsv);
    }

    /** Readers group post-burn-in rows by chain (MC3's zmask order): compare chain by chain, in order. */
    private static void assertSameDrawsPerChain(Posterior expected, Posterior read) {
        assertEquals(expected.sampleCount(), read.sampleCount());
        for (int c = 0; c < 10; c++) {
            final int chain = c;
            int[] rowsExpected = IntStream.range(0, expected.sampleCount()).filter(i -> expected.chains()[i] == chain).toArray();
            int[] rowsRead = IntStream.range(0, read.sampleCount()).filter(i -> read.chains()[i] == chain).toArray();
            Posterior a = expected.select(rowsExpected);
            Posterior b = read.select(rowsRead);
            double[][] sa = a.samples();
            double[][] sb = b.samples();
            for (int i = 0; i < rowsExpected.length; i++) {
                assertArrayEquals(sa[i], sb[i], 0.0);
            }
            assertArrayEquals(a.logPosterior(), b.logPosterior(), 0.0);
        }
    }
}
