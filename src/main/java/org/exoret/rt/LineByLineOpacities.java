package org.exoret.rt;

import java.nio.file.Path;
import org.exoret.ExoretException;
import org.exoret.data.DataRoot;
import org.exoret.opacity.AbsorberOpacity;
import org.exoret.opacity.CrossSectionTable;
import org.exoret.opacity.lines.CollisionDiameters;
import org.exoret.opacity.lines.HardSphereBroadening;
import org.exoret.opacity.lines.LineByLineCalculator;
import org.exoret.opacity.lines.LineByLineSetup;
import org.exoret.opacity.lines.LineByLineTables;

/**
 * Line-by-line cross sections for the {@code linelists} of an {@link RtConfig}, on BART's opacity grid:
 * temperatures {@code Tmin}..{@code Tmax} in steps of {@value #TEMPERATURE_STEP_K} K (BART's {@code tlow},
 * {@code thigh}, {@code tempdelt}), pressures log-spaced over the atmosphere's range with at least one node per
 * decade, and the model wavenumber grid. Lorentz widths are hard-sphere widths in BART's H2/He background
 * ({@link HardSphereBroadening#inHydrogenHelium}); wings are cut at
 * {@link LineByLineCalculator#DEFAULT_CUTOFF_PER_CM}. Tables are built once and cached in
 * {@link RtConfig#opacityCacheFolder()} under a name that carries the inputs' hash, so that configurations with
 * different grids keep separate caches. Stateless.
 */
public final class LineByLineOpacities {

    /** Temperature step of the opacity grid, K (BART's {@code tempdelt}). */
    public static final double TEMPERATURE_STEP_K = 100.0;

    private LineByLineOpacities() {
    }

    /**
     * @param config the set-up
     * @return Tmin, Tmin + 100 K, … and Tmax itself, K
     */
    public static double[] temperatureGridK(RtConfig config) {
        double lo = config.minTemperatureK();
        double hi = config.maxTemperatureK();
        int steps = (int) Math.ceil((hi - lo) / TEMPERATURE_STEP_K - 1e-9);
        double[] t = new double[steps + 1];
        for (int i = 0; i < steps; i++) {
            t[i] = lo + i * TEMPERATURE_STEP_K;
        }
        t[steps] = hi;
        return t;
    }

    /**
     * @param config the set-up
     * @return pressures log-spaced from {@code p_top} to {@code p_bottom}, at least one per decade, bar
     */
    public static double[] pressureGridBar(RtConfig config) {
        double top = Math.log10(config.topPressureBar());
        double bottom = Math.log10(config.bottomPressureBar());
        int intervals = Math.max(1, (int) Math.ceil(bottom - top - 1e-9));
        double[] p = new double[intervals + 1];
        for (int i = 0; i <= intervals; i++) {
            p[i] = Math.pow(10, top + (bottom - top) * i / intervals);
        }
        p[0] = config.topPressureBar();
        p[intervals] = config.bottomPressureBar();
        return p;
    }

    /**
     * The setup of one line list: input files from the data root, hard-sphere H2/He broadening, default cut-off.
     *
     * @param list the {@code linelists} entry
     * @param root the data root
     * @return the setup
     */
    public static LineByLineSetup setup(RtConfig.LineList list, DataRoot root) {
        return new LineByLineSetup(list.species(), root.resolve(list.parFile()), root.resolve(list.partitionFile()),
                root.resolve(list.isotopologueFile()),
                HardSphereBroadening.inHydrogenHelium(list.species(), CollisionDiameters.standard()),
                LineByLineCalculator.DEFAULT_CUTOFF_PER_CM);
    }

    /**
     * Reads the cached table of a line list, building and caching it first if needed, and resamples it onto the
     * model grid.
     *
     * @param config the set-up (grids and cache folder)
     * @param list the {@code linelists} entry
     * @param root the data root
     * @return the opacity on {@link RtConfig#wavenumberGrid()}
     * @throws ExoretException CONFIGURATION if the cache folder lies inside the data root
     */
    public static AbsorberOpacity opacity(RtConfig config, RtConfig.LineList list, DataRoot root) {
        Path folder = config.opacityCacheFolder().toAbsolutePath().normalize();
        if (folder.startsWith(root.path().toAbsolutePath().normalize())) {
            throw new ExoretException(ExoretException.Kind.CONFIGURATION, "opacity cache folder " + folder
                    + " lies inside the data root " + root.path() + "; set 'opacity_cache' or -D"
                    + RtConfig.CACHE_PROPERTY + " to a folder outside it");
        }
        LineByLineSetup setup = setup(list, root);
        double[] t = temperatureGridK(config);
        double[] p = pressureGridBar(config);
        double[] nu = config.wavenumberGrid();
        String hash = LineByLineTables.inputsHash(setup, t, p, nu);
        Path file = folder.resolve(list.species() + "-" + hash.substring(0, 16) + ".xsec.bin");
        CrossSectionTable table = LineByLineTables.cached(file, setup, t, p, nu);
        if (!table.species().equals(list.species())) {
            throw new ExoretException(ExoretException.Kind.MISMATCH, "line-list entry " + list.species()
                    + " produced a table for " + table.species());
        }
        return table.onGrid(nu);
    }
}
