package org.exoret.rt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.FitsException;
import nom.tam.fits.Header;
import org.exoret.ExoretException;
import org.exoret.atmosphere.Units;

/**
 * Castelli &amp; Kurucz (2003, IAU Symp. 210, A20; "ck04models") ATLAS9 stellar spectra in the STScI/CDBS FITS
 * layout: primary header keyword {@code TEFF}; extension 1 a binary table with column {@code WAVELENGTH} (Å) and
 * one column per surface gravity {@code gNN} (NN = 10 log g, cgs), in FLAM = erg s⁻¹ cm⁻² Å⁻¹ of surface flux.
 * F_λ per Å becomes flux per unit wavenumber as F_ν̃ = F_λ · λ² with λ in cm and F_λ per cm
 * (F_λ[Å⁻¹] · 10⁸ · λ[cm]²). Stateless; reading uses nom-tam-fits.
 */
public final class CastelliKurucz {

    private CastelliKurucz() {
    }

    /**
     * One model file: T_eff and one gravity column.
     *
     * @param file the FITS file
     * @param effectiveTemperatureK T_eff from the {@code TEFF} keyword, K
     * @param column the gravity column used
     * @param spectrum surface flux per cm⁻¹ on ascending wavenumber
     */
    public record Model(Path file, double effectiveTemperatureK, String column, StellarSpectrum spectrum) {
    }

    /**
     * @param logg surface gravity log10(g / cm s⁻²)
     * @return the name of the nearest ck04 gravity column, e.g. {@code g45} for 4.56
     */
    public static String gravityColumn(double logg) {
        ExoretException.requireFinite("loggstar", logg);
        int tenths = (int) Math.round(Math.max(0.0, Math.min(5.0, Math.round(logg * 2) / 2.0)) * 10);
        return String.format(Locale.ROOT, "g%02d", tenths);
    }

    /**
     * Reads one model.
     *
     * @param file a ck04 FITS file
     * @param logg stellar surface gravity (cgs, log10); the nearest column is used
     * @return the model
     */
    public static Model read(Path file, double logg) {
        if (!Files.isRegularFile(file)) {
            throw new ExoretException(ExoretException.Kind.MISSING_FILE, "Castelli-Kurucz model " + file + " does not exist");
        }
        String column = gravityColumn(logg);
        try (Fits fits = new Fits(file.toFile())) {
            BasicHDU<?> primary = fits.readHDU();
            Header header = primary.getHeader();
            if (!header.containsKey("TEFF")) {
                throw ExoretException.malformed(file, 1, "primary header", "no TEFF keyword; not a ck04 model file");
            }
            double teff = header.getDoubleValue("TEFF");
            BasicHDU<?> ext = fits.readHDU();
            if (!(ext instanceof BinaryTableHDU table)) {
                throw ExoretException.malformed(file, 2, "extension 1", "expected a binary table");
            }
            int wl = table.findColumn("WAVELENGTH");
            int col = table.findColumn(column);
            if (wl < 0 || col < 0) {
                throw ExoretException.malformed(file, 2, "extension 1",
                        "needs columns WAVELENGTH and " + column + " (log g " + logg + ")");
            }
            float[] lambda = (float[]) table.getColumn(wl);
            float[] flam = (float[]) table.getColumn(col);
            int n = lambda.length;
            double[] nu = new double[n];
            double[] f = new double[n];
            for (int i = 0; i < n; i++) {
                int k = n - 1 - i; // ascending wavelength -> ascending wavenumber
                double lambdaCm = lambda[k] * Units.CM_PER_ANGSTROM;
                nu[i] = 1.0 / lambdaCm;
                f[i] = flam[k] / Units.CM_PER_ANGSTROM * lambdaCm * lambdaCm;
            }
            String description = String.format(Locale.ROOT, "Castelli-Kurucz %s T_eff=%.0f K %s", file.getFileName(), teff, column);
            return new Model(file, teff, column, new StellarSpectrum(description, nu, f));
        } catch (FitsException | IOException | ClassCastException e) {
            throw new ExoretException(ExoretException.Kind.MALFORMED_FILE,
                    "cannot read Castelli-Kurucz FITS file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The stellar spectrum at a given T_eff: the model with exactly that T_eff, or linear interpolation in T_eff
     * between the two bracketing models (on the first model's wavenumber grid; ck04 files share it).
     *
     * @param files candidate ck04 files
     * @param effectiveTemperatureK T*, K, inside the files' T_eff range
     * @param logg stellar log g (cgs)
     * @return the spectrum
     */
    public static StellarSpectrum interpolate(List<Path> files, double effectiveTemperatureK, double logg) {
        ExoretException.requirePositive("tstar (K)", effectiveTemperatureK);
        List<Model> models = new ArrayList<>();
        for (Path f : files) {
            models.add(read(f, logg));
        }
        models.sort(Comparator.comparingDouble(Model::effectiveTemperatureK));
        for (Model m : models) {
            if (m.effectiveTemperatureK() == effectiveTemperatureK) {
                return m.spectrum();
            }
        }
        for (int i = 1; i < models.size(); i++) {
            Model lo = models.get(i - 1);
            Model hi = models.get(i);
            if (lo.effectiveTemperatureK() < effectiveTemperatureK && effectiveTemperatureK < hi.effectiveTemperatureK()) {
                double w = (effectiveTemperatureK - lo.effectiveTemperatureK()) / (hi.effectiveTemperatureK() - lo.effectiveTemperatureK());
                double[] nu = lo.spectrum().wavenumberPerCm();
                double[] a = lo.spectrum().surfaceFlux();
                double[] b = hi.spectrum().onGrid(nu);
                double[] f = new double[nu.length];
                for (int k = 0; k < f.length; k++) {
                    f[k] = (1 - w) * a[k] + w * b[k];
                }
                return new StellarSpectrum(String.format(Locale.ROOT, "Castelli-Kurucz T_eff=%.1f K (%s, %s) %s",
                        effectiveTemperatureK, lo.file().getFileName(), hi.file().getFileName(), lo.column()), nu, f);
            }
        }
        throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "tstar " + effectiveTemperatureK
                + " K is outside the T_eff range of the Castelli-Kurucz files " + files + " ("
                + models.stream().map(m -> String.valueOf(m.effectiveTemperatureK())).toList() + ")");
    }
}
