package org.exoret.rt;

import java.util.Locale;
import org.exoret.atmosphere.LineTemperatureProfile;

/**
 * BART's allowed temperatures: the Line et al. (2013) profile of a parameter vector must stay inside
 * [{@code Tmin}, {@code Tmax}] on every level of the pressure grid. The RT reference rejects spectra that break it;
 * a surrogate retrieval takes it as a joint prior ({@code org.exoret.mcmc.Support}), which needs no opacity data.
 * Immutable and thread-safe.
 */
public final class TemperatureRange {

    private final LineTemperatureProfile profile;
    private final double[] pressureBar;
    private final double minK;
    private final double maxK;

    /** @param config the RT set-up: its pressure grid, planet and star, {@code Tmin} and {@code Tmax} */
    public TemperatureRange(RtConfig config) {
        this.profile = config.temperatureProfile();
        this.pressureBar = config.pressureBar();
        this.minK = config.minTemperatureK();
        this.maxK = config.maxTemperatureK();
    }

    /**
     * @param parameters the full model vector (the profile's five parameters first)
     * @param temperatureK destination, one value per level of the pressure grid
     */
    public void fill(double[] parameters, double[] temperatureK) {
        profile.fill(parameters, pressureBar, temperatureK);
    }

    /**
     * Fills the profile and checks it.
     *
     * @param parameters the full model vector (the profile's five parameters first)
     * @param temperatureK destination, one value per level of the pressure grid
     * @return null, or why the profile is refused
     */
    public String check(double[] parameters, double[] temperatureK) {
        fill(parameters, temperatureK);
        for (int j = 0; j < temperatureK.length; j++) {
            if (!(temperatureK[j] >= minK && temperatureK[j] <= maxK)) {
                return String.format(Locale.ROOT, "temperature %.1f K at %.3g bar outside [Tmin, Tmax] = [%.0f, %.0f] K",
                        temperatureK[j], pressureBar[j], minK, maxK);
            }
        }
        return null;
    }

    /**
     * @param parameters the full model vector
     * @return whether its profile stays inside the range (costs one profile, about 7 µs on 50 levels)
     */
    public boolean admits(double[] parameters) {
        return check(parameters, new double[pressureBar.length]) == null;
    }

    /**
     * @return the range, the pressure grid and the profile's planet and star values, at full precision: the
     *     description a checkpoint records, so a run resumes only under the same constraint
     */
    @Override
    public String toString() {
        return "temperature inside [" + minK + ", " + maxK + "] K on " + pressureBar.length + " levels from "
                + pressureBar[0] + " to " + pressureBar[pressureBar.length - 1] + " bar, " + profile;
    }
}
