package org.exoret.atmosphere;

import java.util.List;

/**
 * A parametric temperature–pressure profile. Implementations are immutable, thread-safe and do not allocate
 * in {@link #fill}, which is called once per forward-model evaluation.
 */
public interface TemperatureModel {

    /** @return the free parameters' names, in the order {@link #fill} expects them */
    List<String> parameterNames();

    /**
     * Evaluates the profile.
     *
     * @param parameters free parameters, {@code parameterNames().size()} values
     * @param pressureBar level pressures, bar
     * @param temperatureK output, K, same length as {@code pressureBar}
     */
    void fill(double[] parameters, double[] pressureBar, double[] temperatureK);

    /**
     * Convenience form of {@link #fill} that allocates the result.
     *
     * @param parameters free parameters
     * @param grid the pressure grid
     * @return temperatures, K, top to bottom
     */
    default double[] temperatures(double[] parameters, PressureGrid grid) {
        double[] p = grid.pressureBar();
        double[] t = new double[p.length];
        fill(parameters, p, t);
        return t;
    }
}
