package org.exoret.rt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Fits;
import org.exoret.ExoretException;
import org.exoret.atmosphere.Units;
import org.exoret.data.DataRoot;
import org.junit.jupiter.api.Test;

class StarAndPassbandTest {

    private static final DataRoot ROOT = DataRoot.fromEnvironment();

    @Test
    void castelliKuruczConversionMatchesHandComputedValue() throws Exception {
        Path file = ROOT.resolve("stars/ckp00_5000.fits");
        CastelliKurucz.Model model = CastelliKurucz.read(file, 4.56);
        assertEquals("g45", model.column());
        assertEquals(5000.0, model.effectiveTemperatureK());
        // Hand computation from the raw table: row 600 of WAVELENGTH and g45, F_nu = F_lambda[/A] * 1e8 * lambda[cm]^2
        float lambdaA;
        float flam;
        try (Fits fits = new Fits(new File(file.toString()))) {
            fits.readHDU();
            BinaryTableHDU t = (BinaryTableHDU) fits.readHDU();
            lambdaA = ((float[]) t.getColumn("WAVELENGTH"))[600];
            flam = ((float[]) t.getColumn("g45"))[600];
        }
        double lambdaCm = lambdaA * 1e-8;
        double expected = flam * 1e8 * lambdaCm * lambdaCm;
        double nu = 1.0 / lambdaCm;
        double got = model.spectrum().onGrid(new double[] {nu})[0];
        assertEquals(expected, got, expected * 1e-12);
    }

    @Test
    void castelliKuruczIntegratesToSigmaTeff4() {
        // data README §3: the integral of g45 over wavelength gives T = 4999.0 K for the 5000 K model
        StellarSpectrum s = CastelliKurucz.read(ROOT.resolve("stars/ckp00_5000.fits"), 4.5).spectrum();
        double[] nu = s.wavenumberPerCm();
        double[] f = s.surfaceFlux();
        double integral = 0;
        for (int i = 1; i < nu.length; i++) {
            integral += 0.5 * (f[i] + f[i - 1]) * (nu[i] - nu[i - 1]);
        }
        double teff = Math.pow(integral / Units.STEFAN_BOLTZMANN_CGS, 0.25);
        assertEquals(4999.0, teff, 1.0);
    }

    @Test
    void castelliKuruczInterpolatesLinearlyInTeff() {
        List<Path> files = List.of(ROOT.resolve("stars/ckp00_4750.fits"), ROOT.resolve("stars/ckp00_5250.fits"));
        StellarSpectrum mid = CastelliKurucz.interpolate(files, 5000, 4.56);
        double[] nu = {2000, 4000};
        double[] a = CastelliKurucz.read(files.get(0), 4.56).spectrum().onGrid(nu);
        double[] b = CastelliKurucz.read(files.get(1), 4.56).spectrum().onGrid(nu);
        double[] m = mid.onGrid(nu);
        assertEquals(0.5 * (a[0] + b[0]), m[0], m[0] * 1e-12);
        assertEquals(0.5 * (a[1] + b[1]), m[1], m[1] * 1e-12);
        assertThrows(ExoretException.class, () -> CastelliKurucz.interpolate(files, 6000, 4.56));
    }

    private static double[] grid(double lo, double hi, double step) {
        int n = (int) Math.round((hi - lo) / step) + 1;
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = lo + i * step;
        }
        return g;
    }

    @Test
    void bandIntegrationOfAConstantIsThatConstant() {
        double[] g = grid(280, 7100, 1.0);
        for (String id : List.of("spitzer_irac1", "spitzer_mips24", "spitzer_irs_blue16", "IRS_23", "NICMOS_05")) {
            Passband p = Passband.readFilterFile(ROOT.resolve("filters/" + id + ".dat"));
            for (boolean photons : new boolean[] {false, true}) {
                double[] w = p.weights(g, photons);
                double s = 0;
                for (int j = 0; j < g.length; j++) {
                    s += w[j] * 0.00123;
                    assertTrue(w[j] >= 0);
                }
                assertEquals(0.00123, s, 0.00123 * 1e-14, id);
            }
        }
    }

    @Test
    void topHatEdgesAreExact() {
        double[] g = grid(1000, 1100, 1.0);
        Passband p = Passband.topHat("bin", 1010.3, 1047.8);
        double[] w = p.weights(g, false);
        double linear = 0;
        double constant = 0;
        for (int j = 0; j < g.length; j++) {
            linear += w[j] * (3.0 * g[j] - 7.0);
            constant += w[j];
        }
        // the band average of a linear spectrum is its value at the band centre, whatever the grid alignment
        assertEquals(3.0 * 0.5 * (1010.3 + 1047.8) - 7.0, linear, 1e-9);
        assertEquals(1.0, constant, 1e-15);
        List<Passband> bins = Passband.topHatBins("b", new double[] {1010, 1020, 1030});
        assertEquals(2, bins.size());
        double[] second = bins.get(1).weights(g, false);
        assertEquals(0.05, second[20], 1e-15, "an edge on a grid point gives it half a cell of the 10 cm-1 band");
        assertEquals(0.1, second[25], 1e-15);
    }

    @Test
    void filterOutsideTheGridIsAnErrorNamingTheFile() {
        double[] g = grid(2000, 7100, 1.0);
        Passband mips = Passband.readFilterFile(ROOT.resolve("filters/spitzer_mips24.dat"));
        ExoretException e = assertThrows(ExoretException.class, () -> mips.weights(g, false));
        assertEquals(ExoretException.Kind.MISMATCH, e.kind());
        assertTrue(e.getMessage().contains("spitzer_mips24.dat"), e.getMessage());
    }

    @Test
    void eclipseDepthOfBlackbodiesIsThePlanckRatio() {
        // Planet and star blackbodies: F_p/F_* (Rp/R*)^2 = (Rp/R*)^2 B(Tp)/B(T*) at every wavenumber
        double[] g = grid(300, 7000, 10);
        StellarSpectrum star = StellarSpectrum.blackbody(g, 5000);
        double[] fs = star.onGrid(g);
        for (int j = 0; j < g.length; j++) {
            double expected = Planck.radiance(g[j], 1300) / Planck.radiance(g[j], 5000);
            assertEquals(expected, Planck.flux(g[j], 1300) / fs[j], expected * 1e-12);
        }
    }
}
