package org.exoret.atmosphere;

import java.util.List;
import org.exoret.ExoretException;

/**
 * A user-tabulated temperature profile without free parameters: T is interpolated linearly in log p
 * between the tabulated points and held constant beyond the first and last. Immutable and thread-safe.
 *
 * @param pressureBar tabulated pressures, bar, strictly increasing (copied)
 * @param temperatureK tabulated temperatures, K (copied)
 */
public record TabulatedProfile(double[] pressureBar, double[] temperatureK) implements TemperatureModel {

    /** Validates and copies. */
    public TabulatedProfile {
        PressureGrid checked = new PressureGrid(pressureBar);
        pressureBar = checked.pressureBar();
        if (temperatureK.length != pressureBar.length) {
            throw new ExoretException(ExoretException.Kind.MISMATCH, "tabulated profile has " + pressureBar.length
                    + " pressures but " + temperatureK.length + " temperatures");
        }
        temperatureK = temperatureK.clone();
        for (int i = 0; i < temperatureK.length; i++) {
            ExoretException.requirePositive("tabulated temperature " + i + " (K)", temperatureK[i]);
        }
    }

    @Override
    public List<String> parameterNames() {
        return List.of();
    }

    @Override
    public void fill(double[] parameters, double[] levels, double[] out) {
        int n = pressureBar.length;
        for (int i = 0; i < levels.length; i++) {
            double p = levels[i];
            if (p <= pressureBar[0]) {
                out[i] = temperatureK[0];
            } else if (p >= pressureBar[n - 1]) {
                out[i] = temperatureK[n - 1];
            } else {
                int k = 1;
                while (pressureBar[k] < p) {
                    k++;
                }
                double f = Math.log(p / pressureBar[k - 1]) / Math.log(pressureBar[k] / pressureBar[k - 1]);
                out[i] = temperatureK[k - 1] + f * (temperatureK[k] - temperatureK[k - 1]);
            }
        }
    }

    @Override
    public double[] pressureBar() {
        return pressureBar.clone();
    }

    @Override
    public double[] temperatureK() {
        return temperatureK.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TabulatedProfile t && java.util.Arrays.equals(pressureBar, t.pressureBar)
                && java.util.Arrays.equals(temperatureK, t.temperatureK);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(pressureBar) + java.util.Arrays.hashCode(temperatureK);
    }

    @Override
    public String toString() {
        return "TabulatedProfile[" + pressureBar.length + " points]";
    }
}
