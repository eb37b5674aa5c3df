package org.exoret.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.exoret.data.DataRoot;
import org.exoret.dataset.TrainingSet;
import org.exoret.dataset.TrainingSetHeader;
import org.exoret.forward.ForwardResult;
import org.exoret.rt.Observations;
import org.exoret.surrogate.BundleDescriptor;
import org.exoret.surrogate.SurrogateForwardModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code exoret generate} and {@code exoret train} end to end on a coarse RT set-up of the real data kit (12 levels,
 * 20 cm⁻¹, six real passbands with their published depths), priors from a retrieval configuration.
 */
class GenerateTrainCommandTest {

    static final List<String> BANDS = List.of("NICMOS_05", "NICMOS_12", "IRS_10", "IRS_40", "spitzer_irac1",
            "spitzer_irac4");

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        var cl = ExoretCommand.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** Writes rt.cfg, observations.csv and retrieval.cfg; returns the retrieval configuration. */
    private Path writeSetUp() throws IOException {
        Path kit = DataRoot.fromEnvironment().path();
        Files.writeString(dir.resolve("rt.cfg"), String.join("\n", "[rt]",
                "n_layers = 12", "p_top = 1e-6", "p_bottom = 100",
                "wnlow = 700", "wnhigh = 7000", "wndelt = 20",
                "Tmin = 300", "Tmax = 3000", "tint = 100",
                "refpress = 0.1", "refradius = 81357.896", "gsurf = 2189.7",
                "rstar = 0.756", "tstar = 5000", "loggstar = 4.56", "smaxis = 0.031",
                "kurucz = " + kit.resolve("stars/ckp00_5000.fits"),
                "species = H2 He H2O CO2 CH4", "uniform = 0.85 0.149997 1e-6 1e-6 1e-6", "molfit = H2O CO2 CH4",
                "xsec = H2O " + kit.resolve("xsec/H2O_BT2.xsec.h5"),
                "       CO2 " + kit.resolve("xsec/CO2_photochem.xsec.h5"),
                "       CH4 " + kit.resolve("xsec/CH4_photochem.xsec.h5"),
                "csfile = " + kit.resolve("cia/H2-H2_Borysow.cia"),
                "observations = observations.csv", "filterdir = " + kit.resolve("filters"), ""));
        Observations real = Observations.read(Path.of("data/hd189733b_eclipse.csv"));
        List<String> rows = new ArrayList<>(List.of("instrument,band_id,wavelength_um,depth,uncertainty,reference"));
        for (String id : BANDS) {
            Observations.Band b = real.bands().get(real.bandIds().indexOf(id));
            rows.add(String.format(Locale.ROOT, "%s,%s,%.4f,%.6g,%.6g,%s", b.instrument(), id, b.wavelengthUm(),
                    b.depth(), b.uncertainty(), "data/hd189733b_eclipse.csv"));
        }
        Files.writeString(dir.resolve("observations.csv"), String.join("\n", rows) + "\n");
        Path retrieval = dir.resolve("retrieval.cfg");
        Files.writeString(retrieval, String.join("\n", "[retrieval]", "name = tiny", "model = rt",
                "rtconfig = rt.cfg", "output = out", "[MCMC]",
                "params = -1.5 -0.6 0.3 0.4 0.95 0.8 -0.5 -1.0",
                "pmin = -4.99 -1.99 -1.29 0.001 0.72 -4.99 -4.99 -4.99",
                "pmax = 0.99 1.99 1.29 0.999 1.29 5.49 5.49 5.49",
                "stepsize = 0.1 0.1 0.1 0.1 0.1 0.4 0.4 0.4",
                "numit = 1000", "nchains = 10", "burnin = 10", "thinning = 1", "walk = snooker", "seed = 1", ""));
        return retrieval;
    }

    @Test
    void generateWithPriorsThenTrainGivesASelfContainedBundle() throws IOException {
        Path retrieval = writeSetUp();
        String cfg = dir.resolve("rt.cfg").toString();
        Path set = dir.resolve("set");
        Run g = run("generate", "--config", cfg, "--priors", retrieval.toString(), "--range", "beta=0.8:1.1",
                "--samples", "48", "--chunk-size", "24", "--threads", "1", "--out", set.toString());
        assertEquals(0, g.code(), g.err());
        TrainingSetHeader h = TrainingSet.open(set).header();
        // pmin/pmax of the retrieval, except beta, which --range overrides
        assertArrayEquals(new double[] {-4.99, -1.99, -1.29, 0.001, 0.8, -4.99, -4.99, -4.99}, h.parameterLower(), 0);
        assertArrayEquals(new double[] {0.99, 1.99, 1.29, 0.999, 1.1, 5.49, 5.49, 5.49}, h.parameterUpper(), 0);
        assertEquals("dex", h.parameterUnits().get(1));
        assertEquals("dex", h.parameterUnits().get(5));
        assertTrue(h.parameterUnits().stream().noneMatch(String::isEmpty), h.parameterUnits().toString());

        Path bundle = dir.resolve("bundle");
        Run t = run("train", "--data", set.toString(), "--out", bundle.toString(), "--config", cfg, "--hidden", "16",
                "--epochs", "2", "--batch", "16", "--plots", "0");
        assertEquals(0, t.code(), t.err());
        assertTrue(t.out().contains("band error/σ median"), t.out());
        assertTrue(Files.isRegularFile(bundle.resolve("band_projection.npz")));
        BundleDescriptor d = BundleDescriptor.read(bundle);
        assertEquals(BANDS, d.bandIds());
        assertEquals(h.parameterUnits(), d.parameterUnits());
        try (SurrogateForwardModel s = SurrogateForwardModel.open(bundle, Device.cpu(), true)) {
            assertEquals(BANDS.size(), s.bandCount());
            ForwardResult r = s.evaluate(new double[][] {{-1.5, -0.6, 0.3, 0.4, 0.95, 0.8, -0.5, -1.0}});
            assertTrue(r.accepted(0) && Double.isFinite(r.bandDepth(0)[0]), r.toString());
        }
    }

    @Test
    void badRangesAreRefusedNamingTheParameter() throws IOException {
        Path retrieval = writeSetUp();
        String cfg = dir.resolve("rt.cfg").toString();
        String out = dir.resolve("never").toString();
        Run unknown = run("generate", "--config", cfg, "--priors", retrieval.toString(), "--range", "log10_scale_CO=-1:1",
                "--samples", "8", "--out", out);
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("'log10_scale_CO' is not a free parameter of the configuration"),
                unknown.err());
        Run missing = run("generate", "--config", cfg, "--range", "beta=0.8:1.1", "--samples", "8", "--out", out);
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("no sampling range for [log10_kappa, log10_gamma1"), missing.err());
        Run malformed = run("generate", "--config", cfg, "--priors", retrieval.toString(), "--range", "beta=0.8",
                "--samples", "8", "--out", out);
        assertEquals(2, malformed.code());
        assertTrue(malformed.err().contains("--range beta=0.8 is not NAME=LOW:HIGH"), malformed.err());
        Run noFocus = run("generate", "--config", cfg, "--priors", retrieval.toString(), "--design", "kernel_density",
                "--samples", "8", "--out", out);
        assertEquals(2, noFocus.code());
        assertTrue(noFocus.err().contains("--focus"), noFocus.err());
        Run focusOutsideBox = run("generate", "--config", cfg, "--priors", retrieval.toString(), "--range",
                "beta=0.8:0.9", "--focus", "data/reference/hd189733b_rt_seed1.npz", "--samples", "8", "--out", out);
        assertEquals(2, focusOutsideBox.code());
        assertTrue(focusOutsideBox.err().contains("--focus data/reference/hd189733b_rt_seed1.npz")
                && focusOutsideBox.err().contains("outside the box"), focusOutsideBox.err());
        assertTrue(Files.notExists(Path.of(out)));
    }
}
