package org.exoret.rt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.exoret.atmosphere.PressureGrid;
import org.junit.jupiter.api.Test;

class EmissionSolverTest {

    /** The contract the solver is built to: an isothermal atmosphere emits πB to 1e-6 relative. */
    private static final double ISOTHERMAL_TOLERANCE = 1e-6;

    private static double[] grid(double lo, double hi, double step) {
        int n = (int) Math.round((hi - lo) / step) + 1;
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = lo + i * step;
        }
        return g;
    }

    private static double[] radii(int levels) {
        double[] r = new double[levels];
        for (int j = 0; j < levels; j++) {
            r[j] = 8.2e9 - 2.0e7 * j;
        }
        return r;
    }

    @Test
    void isothermalAtmosphereEmitsBlackbodyAtAnyOpacity() {
        double[] nu = grid(280, 7100, 31);
        int levels = 60;
        double[] temps = new double[levels];
        Arrays.fill(temps, 1234.5);
        double[][] chi = new double[levels][nu.length];
        // opacities from zero through thin to extremely thick, varying with level and wavenumber
        for (int j = 0; j < levels; j++) {
            for (int i = 0; i < nu.length; i++) {
                chi[j][i] = i % 7 == 0 ? 0.0 : Math.pow(10, -16 + 0.25 * j + 3 * Math.sin(i)) ;
            }
        }
        for (AngularQuadrature q : new AngularQuadrature[] {AngularQuadrature.bartFiveAngles(), AngularQuadrature.gaussLegendre(8)}) {
            EmissionSolver solver = new EmissionSolver(nu, q, EmissionSolver.BART_TAU_CUTOFF);
            double[] f = new double[nu.length];
            solver.flux(temps, radii(levels), chi, solver.newWorkspace(), f);
            for (int i = 0; i < nu.length; i++) {
                double expected = Planck.flux(nu[i], 1234.5);
                assertEquals(expected, f[i], expected * ISOTHERMAL_TOLERANCE, "wavenumber " + nu[i] + " " + q);
            }
        }
    }

    @Test
    void opticallyThinAtmosphereShowsTheLowerBoundary() {
        // tau -> 0: the emission is that of the opaque bottom level, whatever the (transparent) layers above
        double[] nu = {1000, 2000};
        int levels = 20;
        double[] temps = new double[levels];
        for (int j = 0; j < levels; j++) {
            temps[j] = 800 + 50 * j;
        }
        double[][] chi = new double[levels][2];
        for (double[] row : chi) {
            Arrays.fill(row, 1e-30);
        }
        EmissionSolver solver = new EmissionSolver(nu, AngularQuadrature.bartFiveAngles(), 10);
        double[] f = new double[2];
        solver.flux(temps, radii(levels), chi, solver.newWorkspace(), f);
        assertEquals(Planck.flux(1000, temps[levels - 1]), f[0], f[0] * 1e-12);
    }

    @Test
    void semiInfiniteGreyAtmosphereMatchesEddingtonBarbier() {
        // Source linear in tau, B = B0 (1 + b tau): the exact emergent intensity is B0 (1 + b mu), so the flux is
        // pi B0 (1 + b * sum w mu) -- a linear source is integrated exactly by the layer-by-layer scheme.
        double[] nu = {1500};
        PressureGrid grid = PressureGrid.logSpaced(200, 1e-6, 1e3);
        int levels = grid.size();
        double chi = 1e-7;
        double[] r = new double[levels];
        double[] tau = new double[levels];
        double[] temps = new double[levels];
        double b0 = Planck.radiance(1500, 1000);
        double slope = 0.3;
        for (int j = 0; j < levels; j++) {
            // geometry such that tau = p (bar) in units of 10^-? : tau_j = 3 * p_j / p_bottom * 20
            tau[j] = 60 * grid.pressureBar(j) / 1e3;
            r[j] = 1e10 - tau[j] / chi;
            double bj = b0 * (1 + slope * tau[j]);
            // invert Planck for the temperature that gives bj
            temps[j] = 1.4387768775039337 * 1500 / Math.log1p(2 * 6.62607015e-27 * Math.pow(2.99792458e10, 2) * Math.pow(1500, 3) / bj);
        }
        double[][] chiGrid = new double[levels][1];
        for (double[] row : chiGrid) {
            row[0] = chi;
        }
        AngularQuadrature q = AngularQuadrature.gaussLegendre(6);
        EmissionSolver solver = new EmissionSolver(nu, q, 50.0);
        double[] f = new double[1];
        solver.flux(temps, r, chiGrid, solver.newWorkspace(), f);
        double muMean = 0;
        for (int a = 0; a < q.size(); a++) {
            muMean += q.weight()[a] * q.mu()[a];
        }
        double expected = Math.PI * b0 * (1 + slope * muMean);
        assertEquals(expected, f[0], expected * 1e-6);
        assertEquals(2.0 / 3.0, muMean, 1e-12, "Gauss-Legendre integrates 2 mu^2 exactly");
    }

    @Test
    void bartFiveAnglesHaveSinSquaredWeights() {
        AngularQuadrature q = AngularQuadrature.bartFiveAngles();
        double[] w = q.weight();
        double s10 = Math.sin(Math.toRadians(10));
        assertEquals(s10 * s10, w[0], 1e-15);
        double s70 = Math.sin(Math.toRadians(70));
        assertEquals(1 - s70 * s70, w[4], 1e-15);
        assertEquals(1.0, Arrays.stream(w).sum(), 1e-15);
        assertEquals(Math.cos(Math.toRadians(80)), q.mu()[4], 1e-15);
        assertTrue(q.size() == 5);
    }
}
