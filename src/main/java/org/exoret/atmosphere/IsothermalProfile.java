package org.exoret.atmosphere;

import java.util.List;
import org.exoret.ExoretException;

/**
 * An isothermal atmosphere; one free parameter, the temperature in K. Immutable and thread-safe.
 */
public record IsothermalProfile() implements TemperatureModel {

    @Override
    public List<String> parameterNames() {
        return List.of("temperature_K");
    }

    @Override
    public void fill(double[] parameters, double[] pressureBar, double[] temperatureK) {
        double t = ExoretException.requirePositive("isothermal temperature (K)", parameters[0]);
        java.util.Arrays.fill(temperatureK, 0, pressureBar.length, t);
    }
}
