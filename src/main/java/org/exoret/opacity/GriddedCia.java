package org.exoret.opacity;

import java.util.concurrent.atomic.AtomicBoolean;
import org.exoret.ExoretException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CIA resampled onto a model grid, one row per table temperature; evaluation blends two rows linearly in T.
 * Immutable apart from the warn-once flag; thread-safe; {@link #crossSection} allocates nothing.
 */
final class GriddedCia implements CollisionOpacity {

    private static final Logger LOG = LoggerFactory.getLogger(GriddedCia.class);

    private final String speciesA;
    private final String speciesB;
    private final double[] modelWavenumberPerCm;
    private final double[] temperatureK;
    private final double[][] rows;
    private final AtomicBoolean clampWarned = new AtomicBoolean();

    GriddedCia(String speciesA, String speciesB, double[] modelWavenumberPerCm, double[] temperatureK,
            double[][] rows) {
        this.speciesA = speciesA;
        this.speciesB = speciesB;
        this.modelWavenumberPerCm = modelWavenumberPerCm;
        this.temperatureK = temperatureK;
        this.rows = rows;
    }

    @Override
    public String speciesA() {
        return speciesA;
    }

    @Override
    public String speciesB() {
        return speciesB;
    }

    @Override
    public double[] wavenumberPerCm() {
        return modelWavenumberPerCm.clone();
    }

    @Override
    public void crossSection(double temperatureK, double[] kCm5) {
        if (!(temperatureK > 0 && temperatureK < Double.POSITIVE_INFINITY)) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, speciesA + "-" + speciesB
                    + " CIA needs a finite positive temperature in K, got " + temperatureK);
        }
        if (kCm5.length != modelWavenumberPerCm.length) {
            throw new ExoretException(ExoretException.Kind.MISMATCH, "output array has " + kCm5.length
                    + " elements but the model grid of " + speciesA + "-" + speciesB + " CIA has "
                    + modelWavenumberPerCm.length);
        }
        if (Axis.outside(this.temperatureK, temperatureK) && clampWarned.compareAndSet(false, true)) {
            LOG.warn("{}-{} CIA requested at T = {} K, outside the table ({}–{} K); clamping to the nearest "
                    + "temperature (reported once per table)", speciesA, speciesB, temperatureK,
                    this.temperatureK[0], this.temperatureK[this.temperatureK.length - 1]);
        }
        int it = Axis.lower(this.temperatureK, temperatureK);
        double w = Axis.upperWeight(this.temperatureK, it, temperatureK);
        double[] lo = rows[it];
        double[] hi = rows[Axis.upper(this.temperatureK, it)];
        double wl = 1 - w;
        for (int i = 0; i < kCm5.length; i++) {
            kCm5[i] = wl * lo[i] + w * hi[i];
        }
    }
}
