package org.exoret.retrieval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.exoret.config.IniFile;
import org.exoret.data.DataRoot;
import org.exoret.forward.ForwardResult;
import org.exoret.rt.Observations;
import org.exoret.rt.RtConfig;
import org.exoret.rt.RtForwardModel;

/**
 * A cheap injection–recovery set-up on the real data kit: HD 189733 b's planet and star, H2O/CO2/CH4 tables and
 * H2 CIA on a coarse grid (24 levels, 5 cm⁻¹), 30 of the real passbands, and band depths computed by the RT
 * reference at known parameters plus seeded Gaussian noise. Written into a folder as the files a user would write.
 */
final class SyntheticRetrieval {

    /** Injected parameters: log10 κ', log10 γ1, log10 γ2, α, β, log10 scale H2O, CO2, CH4. */
    static final double[] TRUTH = {-1.5, -0.6, 0.3, 0.4, 0.95, 0.8, -0.5, -1.0};
    /** Which parameters are free in the retrieval: β, H2O and CO2 scale factors. */
    static final boolean[] FREE = {false, false, false, false, true, true, true, false};

    private SyntheticRetrieval() {
    }

    static final List<String> BANDS = bands();

    private static List<String> bands() {
        List<String> b = new ArrayList<>();
        for (int i = 5; i <= 17; i += 2) {
            b.add(String.format(Locale.ROOT, "NICMOS_%02d", i));
        }
        for (int i = 1; i <= 56; i += 3) {
            b.add(String.format(Locale.ROOT, "IRS_%02d", i));
        }
        for (int i = 1; i <= 4; i++) {
            b.add("spitzer_irac" + i);
        }
        return b;
    }

    /**
     * Writes {@code rt.cfg}, {@code observations.csv} (synthetic data) and {@code retrieval.cfg} into a folder.
     *
     * @param folder the folder
     * @param numit MC3's numit: iterations summed over chains
     * @param extraMcmc extra [MCMC] lines
     * @return the retrieval configuration file
     */
    static Path write(Path folder, int numit, String extraMcmc) throws IOException {
        return write(folder, numit, extraMcmc, "model = rt", "-5 -2 -1.3 0 0.5 -7 -7 -7", "1 2 1.3 1 1.3 5.5 5.5 5.5");
    }

    /**
     * As {@link #write(Path, int, String)} with a chosen forward model and prior box.
     *
     * @param modelLines the [retrieval] lines choosing the model, e.g. {@code "model = surrogate\nbundle = b"}
     * @param pmin lower prior bounds, space separated
     * @param pmax upper prior bounds
     */
    static Path write(Path folder, int numit, String extraMcmc, String modelLines, String pmin, String pmax)
            throws IOException {
        Path kit = DataRoot.fromEnvironment().path();
        String rt = String.join("\n",
                "[rt]",
                "n_layers = 24", "p_top = 1e-6", "p_bottom = 100",
                "wnlow = 700", "wnhigh = 7000", "wndelt = 5",
                "Tmin = 300", "Tmax = 3000", "tint = 100",
                "refpress = 0.1", "refradius = 81357.896", "gsurf = 2189.7",
                "rstar = 0.756", "tstar = 5000", "loggstar = 4.56", "smaxis = 0.031",
                "kurucz = " + kit.resolve("stars/ckp00_5000.fits"),
                "species = H2 He H2O CO2 CH4",
                "uniform = 0.85 0.149997 1e-6 1e-6 1e-6",
                "molfit = H2O CO2 CH4",
                "xsec = H2O " + kit.resolve("xsec/H2O_BT2.xsec.h5"),
                "       CO2 " + kit.resolve("xsec/CO2_photochem.xsec.h5"),
                "       CH4 " + kit.resolve("xsec/CH4_photochem.xsec.h5"),
                "csfile = " + kit.resolve("cia/H2-H2_Borysow.cia"),
                "         " + kit.resolve("cia/H2-He_Borysow.cia"),
                "observations = observations.csv",
                "filterdir = " + kit.resolve("filters"),
                "");
        Path rtFile = folder.resolve("rt.cfg");
        Files.writeString(rtFile, rt);
        double[] depth = new double[BANDS.size()];
        java.util.Arrays.fill(depth, 1e-3);
        writeObservations(folder.resolve("observations.csv"), depth, depth);
        double[] truth;
        try (RtForwardModel model = RtForwardModel.fromConfig(RtConfig.fromIni(IniFile.read(rtFile), "rt"),
                DataRoot.fromEnvironment())) {
            ForwardResult r = model.evaluate(new double[][] {TRUTH});
            truth = r.bandDepth(0);
        }
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(2022L);
        ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] sigma = new double[truth.length];
        double[] data = new double[truth.length];
        for (int b = 0; b < truth.length; b++) {
            sigma[b] = Math.max(0.03 * truth[b], 2e-5);
            data[b] = truth[b] + sigma[b] * normal.sample();
        }
        writeObservations(folder.resolve("observations.csv"), data, sigma);
        StringBuilder step = new StringBuilder();
        for (boolean f : FREE) {
            step.append(f ? " 0.1" : " 0");
        }
        String retrieval = String.join("\n",
                "[retrieval]", "name = synthetic", modelLines, "rtconfig = rt.cfg", "output = out",
                "[MCMC]",
                "params = " + join(TRUTH),
                "pmin = " + pmin,
                "pmax = " + pmax,
                "stepsize =" + step,
                "numit = " + numit, "nchains = 10", "burnin = 100", "thinning = 1", "walk = snooker", "seed = 7",
                extraMcmc, "");
        Path cfg = folder.resolve("retrieval.cfg");
        Files.writeString(cfg, retrieval);
        return cfg;
    }

    private static String join(double[] v) {
        StringBuilder s = new StringBuilder();
        for (double x : v) {
            s.append(' ').append(x);
        }
        return s.toString().strip();
    }

    private static void writeObservations(Path csv, double[] depth, double[] sigma) throws IOException {
        Observations real = Observations.read(Path.of("data/hd189733b_eclipse.csv"));
        StringBuilder s = new StringBuilder("instrument,band_id,wavelength_um,depth,uncertainty,reference\n");
        for (int b = 0; b < BANDS.size(); b++) {
            double centreUm = real.bands().get(real.bandIds().indexOf(BANDS.get(b))).wavelengthUm();
            s.append(String.format(Locale.ROOT, "synthetic,%s,%.4f,%.8g,%.8g,injected%n", BANDS.get(b), centreUm, depth[b],
                    sigma[b]));
        }
        Files.writeString(csv, s.toString());
    }
}
