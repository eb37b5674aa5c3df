package org.exoret.opacity;

import java.util.concurrent.atomic.AtomicBoolean;
import org.exoret.ExoretException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A cross-section table resampled onto a model grid: one precomputed row per (p, T) node, so that an evaluation
 * is a bilinear blend (linear in T, linear in ln p) of four rows. Immutable apart from the warn-once flag;
 * thread-safe; {@link #crossSection} allocates nothing.
 */
final class GriddedCrossSection implements AbsorberOpacity {

    private static final Logger LOG = LoggerFactory.getLogger(GriddedCrossSection.class);

    private final String species;
    private final double[] modelWavenumberPerCm;
    private final double[] pressureBar;
    private final double[] logPressure;
    private final double[] temperatureK;
    private final double[][] rows;
    private final AtomicBoolean clampWarned = new AtomicBoolean();

    GriddedCrossSection(String species, double[] modelWavenumberPerCm, double[] pressureBar, double[] temperatureK,
            double[][] rows) {
        this.species = species;
        this.modelWavenumberPerCm = modelWavenumberPerCm;
        this.pressureBar = pressureBar;
        this.temperatureK = temperatureK;
        this.rows = rows;
        this.logPressure = new double[pressureBar.length];
        for (int i = 0; i < pressureBar.length; i++) {
            logPressure[i] = Math.log(pressureBar[i]);
        }
    }

    @Override
    public String species() {
        return species;
    }

    @Override
    public double[] wavenumberPerCm() {
        return modelWavenumberPerCm.clone();
    }

    @Override
    public void crossSection(double temperatureK, double pressureBar, double[] sigmaCm2) {
        if (!(temperatureK > 0 && temperatureK < Double.POSITIVE_INFINITY && pressureBar > 0
                && pressureBar < Double.POSITIVE_INFINITY)) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, species
                    + " cross section needs a finite positive temperature (K) and pressure (bar), got T = "
                    + temperatureK + ", p = " + pressureBar);
        }
        if (sigmaCm2.length != modelWavenumberPerCm.length) {
            throw new ExoretException(ExoretException.Kind.MISMATCH, "output array has " + sigmaCm2.length
                    + " elements but the model grid of " + species + " has " + modelWavenumberPerCm.length);
        }
        double lp = Math.log(pressureBar);
        if ((Axis.outside(this.temperatureK, temperatureK) || Axis.outside(logPressure, lp))
                && clampWarned.compareAndSet(false, true)) {
            LOG.warn("{} cross section requested at T = {} K, p = {} bar, outside the table ({}–{} K, {}–{} bar); "
                    + "clamping to the nearest grid edge (reported once per table)", species, temperatureK,
                    pressureBar, this.temperatureK[0], this.temperatureK[this.temperatureK.length - 1],
                    this.pressureBar[0], this.pressureBar[this.pressureBar.length - 1]);
        }
        int nT = this.temperatureK.length;
        int ip = Axis.lower(logPressure, lp);
        int ipUp = Axis.upper(logPressure, ip);
        double wp = Axis.upperWeight(logPressure, ip, lp);
        int it = Axis.lower(this.temperatureK, temperatureK);
        int itUp = Axis.upper(this.temperatureK, it);
        double wt = Axis.upperWeight(this.temperatureK, it, temperatureK);
        double[] r00 = rows[ip * nT + it];
        double[] r01 = rows[ip * nT + itUp];
        double[] r10 = rows[ipUp * nT + it];
        double[] r11 = rows[ipUp * nT + itUp];
        double w00 = (1 - wp) * (1 - wt);
        double w01 = (1 - wp) * wt;
        double w10 = wp * (1 - wt);
        double w11 = wp * wt;
        for (int i = 0; i < sigmaCm2.length; i++) {
            sigmaCm2[i] = w00 * r00[i] + w01 * r01[i] + w10 * r10[i] + w11 * r11[i];
        }
    }
}
