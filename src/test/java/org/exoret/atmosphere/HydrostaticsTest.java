package org.exoret.atmosphere;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class HydrostaticsTest {

    private static final double RELATIVE = 1e-12;

    @Test
    void isothermalRadiiMatchClosedForm() {
        // g = g0 (r0/r)^2, isothermal, uniform mu: 1/r = 1/r0 + k T /(mu m_u g0 r0^2) ln(p/p0)
        PressureGrid grid = PressureGrid.logSpaced(100, 1e-8, 100);
        double t = 1400;
        double mu = 2.3;
        double r0 = 81357.896 * Units.CM_PER_KM;
        double g0 = 2189.7;
        double p0 = 0.1;
        double[] temps = new double[100];
        Arrays.fill(temps, t);
        double[] r = new double[100];
        assertNull(Hydrostatics.radii(grid.pressureBar(), temps, mu, p0, r0, g0, r));
        double h = Units.BOLTZMANN_ERG_PER_K * t / (mu * Units.ATOMIC_MASS_G * g0 * r0 * r0);
        for (int i = 0; i < 100; i++) {
            double expected = 1.0 / (1.0 / r0 + h * Math.log(grid.pressureBar(i) / p0));
            assertEquals(expected, r[i], expected * RELATIVE, "level " + i);
        }
        // near the reference level the atmosphere has the scale height H = kT/(mu m_u g0)
        double scaleHeight = Units.BOLTZMANN_ERG_PER_K * t / (mu * Units.ATOMIC_MASS_G * g0);
        assertEquals(4.0e7 / 1.7, scaleHeight, 0.2 * scaleHeight, "H ~ 230 km for a hot Jupiter");
    }

    @Test
    void unboundAtmosphereIsARejectionNotAnException() {
        double[] p = PressureGrid.logSpaced(10, 1e-12, 100).pressureBar();
        double[] temps = new double[10];
        Arrays.fill(temps, 1e6);
        double[] r = new double[10];
        assertNotNull(Hydrostatics.radii(p, temps, 2.3, 0.1, 7e9, 100, r));
    }

    @Test
    void compositionFillsWithHydrogenHeliumAndRejectsMetalsAboveUnity() {
        Composition c = new Composition(List.of("H2", "He", "H2O", "CO"), new double[] {0.85, 0.15, 1e-6, 1e-6},
                List.of("H2O", "CO"));
        double[] vmr = new double[4];
        assertNull(c.fill(new double[] {2, 0}, vmr));
        assertEquals(1e-4, vmr[2], 1e-16);
        assertEquals(1.0, Arrays.stream(vmr).sum(), 1e-15);
        assertEquals(0.85 / 0.15, vmr[0] / vmr[1], 1e-12);
        double mean = c.meanMolecularMassAmu(vmr);
        assertEquals(0.85 * 2.01588 + 0.15 * 4.002602, mean, 0.01);
        String reason = c.fill(new double[] {6.5, 0}, vmr);
        assertNotNull(reason);
        assertEquals(true, reason.contains("metals above unity"));
    }

    @Test
    void idealGasNumberDensity() {
        // Loschmidt constant: 1 atm, 273.15 K -> 2.686780111e25 m^-3 (CODATA 2018, Tiesinga et al. 2021)
        assertEquals(2.686780111e19, Hydrostatics.numberDensityPerCm3(1.01325, 273.15), 2.686780111e19 * 1e-9);
    }
}
