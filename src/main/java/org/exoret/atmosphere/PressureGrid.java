package org.exoret.atmosphere;

import java.util.Arrays;
import org.exoret.ExoretException;

/**
 * The pressure levels of a model atmosphere, in bar, ordered from the top (lowest pressure) to the bottom,
 * strictly increasing. Immutable.
 *
 * @param pressureBar level pressures, bar, strictly increasing (copied)
 */
public record PressureGrid(double[] pressureBar) {

    /** Validates and copies. */
    public PressureGrid {
        if (pressureBar == null || pressureBar.length < 2) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "a pressure grid needs at least two levels");
        }
        pressureBar = pressureBar.clone();
        for (int i = 0; i < pressureBar.length; i++) {
            ExoretException.requirePositive("pressure level " + i + " (bar)", pressureBar[i]);
            if (i > 0 && pressureBar[i] <= pressureBar[i - 1]) {
                throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT,
                        "pressure levels must increase from top to bottom; level " + i + " is " + pressureBar[i]
                                + " bar after " + pressureBar[i - 1] + " bar");
            }
        }
    }

    /**
     * Levels evenly spaced in log pressure, as BART builds its atmosphere ({@code n_layers}, {@code p_top},
     * {@code p_bottom}).
     *
     * @param levels number of levels, at least 2
     * @param topBar pressure of the top level, bar
     * @param bottomBar pressure of the bottom level, bar, larger than {@code topBar}
     * @return the grid
     */
    public static PressureGrid logSpaced(int levels, double topBar, double bottomBar) {
        ExoretException.requirePositive("p_top (bar)", topBar);
        ExoretException.requirePositive("p_bottom (bar)", bottomBar);
        if (levels < 2 || bottomBar <= topBar) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT,
                    "a log-spaced grid needs at least 2 levels and p_bottom > p_top; got " + levels + " levels, "
                            + topBar + " .. " + bottomBar + " bar");
        }
        double lo = Math.log10(topBar);
        double step = (Math.log10(bottomBar) - lo) / (levels - 1);
        double[] p = new double[levels];
        for (int i = 0; i < levels; i++) {
            p[i] = Math.pow(10.0, lo + i * step);
        }
        p[0] = topBar;
        p[levels - 1] = bottomBar;
        return new PressureGrid(p);
    }

    /** @return the number of levels */
    public int size() {
        return pressureBar.length;
    }

    /**
     * @param i level index, 0 at the top
     * @return that level's pressure, bar
     */
    public double pressureBar(int i) {
        return pressureBar[i];
    }

    @Override
    public double[] pressureBar() {
        return pressureBar.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PressureGrid g && Arrays.equals(pressureBar, g.pressureBar);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(pressureBar);
    }

    @Override
    public String toString() {
        return "PressureGrid[" + pressureBar.length + " levels, " + pressureBar[0] + " .. "
                + pressureBar[pressureBar.length - 1] + " bar]";
    }
}
