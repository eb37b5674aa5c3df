package org.exoret.rt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.exoret.atmosphere.Composition;
import org.exoret.atmosphere.Hydrostatics;
import org.exoret.atmosphere.LineTemperatureProfile;
import org.exoret.atmosphere.PressureGrid;
import org.exoret.atmosphere.Units;
import org.exoret.config.IniFile;
import org.exoret.data.DataRoot;
import org.exoret.opacity.AbsorberOpacity;
import org.exoret.opacity.CiaTable;
import org.exoret.opacity.CollisionOpacity;
import org.exoret.opacity.CrossSectionTable;
import org.junit.jupiter.api.Test;

/**
 * The optimised {@link EmissionSolver} against the formal solution written out the straightforward way, column by
 * column, with {@link Math#exp}, {@link Math#expm1} and {@link Planck#radiance}.
 */
class EmissionSolverAccuracyTest {

    /** Required agreement of the optimised solver with the straightforward formula. */
    private static final double SPECTRUM_TOLERANCE = 1e-6;
    /** Relative accuracy promised for e^(−x) − 1 (degree-7 Taylor polynomial and ten doublings). */
    private static final double EXPM1_TOLERANCE = 1e-14;

    /** Straightforward formal solution with BART's cut-off (break after the first level with τ > cut-off). */
    private static double[] reference(double[] nu, double[] t, double[] r, double[][] chi, AngularQuadrature q, double cutoff) {
        double[] flux = new double[nu.length];
        double[] mu = q.mu();
        double[] w = q.weight();
        for (int i = 0; i < nu.length; i++) {
            double f = 0;
            for (int a = 0; a < mu.length; a++) {
                double intensity = 0;
                double tau = 0;
                double transmission = 1;
                double bBot = Planck.radiance(nu[i], t[0]);
                for (int j = 1; j < t.length; j++) {
                    double bTop = bBot;
                    bBot = Planck.radiance(nu[i], t[j]);
                    double dtau = 0.5 * (chi[j - 1][i] + chi[j][i]) * (r[j - 1] - r[j]);
                    tau += dtau;
                    double x = dtau / mu[a];
                    if (x > 0) {
                        double lost = -Math.expm1(-x); // (t_top − t_bot)/t_top
                        intensity += transmission * (bTop * lost + (bBot - bTop) * (lost / x - Math.exp(-x)));
                        transmission *= Math.exp(-x);
                    }
                    if (tau > cutoff) {
                        break;
                    }
                }
                f += w[a] * (intensity + transmission * bBot);
            }
            flux[i] = Math.PI * f;
        }
        return flux;
    }

    private static double maxRelativeDifference(double[] expected, double[] actual) {
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            worst = Math.max(worst, Math.abs(actual[i] - expected[i]) / Math.abs(expected[i]));
        }
        return worst;
    }

    @Test
    void bartStartSpectrumMatchesTheStraightforwardFormula() {
        // HD 189733 b at BART's start values, real H2O/CO2/CH4 tables and H2-H2/H2-He CIA on a 5 cm-1 grid
        // (1365 points: several full blocks and a partial one)
        DataRoot root = DataRoot.fromEnvironment();
        RtConfig cfg = RtConfig.fromIni(IniFile.read(Path.of("data/hd189733b_rt.cfg")), "rt");
        double[] nu = cfg.toBuilder().setWavenumbers(280, 7100, 5).build().wavenumberGrid();
        double[] p = PressureGrid.logSpaced(100, 1e-8, 100).pressureBar();
        double starRadius = cfg.starRadiusSolar() * Units.CM_PER_SOLAR_RADIUS_BART;
        LineTemperatureProfile profile = new LineTemperatureProfile(cfg.internalTemperatureK(), starRadius,
                cfg.starTemperatureK(), cfg.semiMajorAxisAu() * Units.CM_PER_AU, cfg.gravityCmPerS2());
        double[] t = new double[p.length];
        profile.fill(cfg.startParameters(), p, t);
        Composition composition = new Composition(cfg.species(), cfg.uniform(), cfg.molfit());
        double[] vmr = new double[cfg.species().size()];
        composition.fill(new double[cfg.molfit().size()], vmr);
        double[] r = new double[p.length];
        Hydrostatics.radii(p, t, composition.meanMolecularMassAmu(vmr), cfg.referencePressureBar(),
                cfg.referenceRadiusKm() * Units.CM_PER_KM, cfg.gravityCmPerS2(), r);
        List<AbsorberOpacity> absorbers = cfg.crossSectionFiles().values().stream()
                .map(f -> CrossSectionTable.readTauRex(root.resolve(f)).onGrid(nu)).toList();
        List<CollisionOpacity> cia = cfg.ciaFiles().stream().map(f -> CiaTable.readHitran(root.resolve(f)).onGrid(nu)).toList();
        double[][] chi = new double[p.length][nu.length];
        double[] sigma = new double[nu.length];
        for (int j = 0; j < p.length; j++) {
            double n = Hydrostatics.numberDensityPerCm3(p[j], t[j]);
            for (AbsorberOpacity o : absorbers) {
                o.crossSection(t[j], p[j], sigma);
                double x = vmr[composition.indexOf(o.species())];
                for (int i = 0; i < nu.length; i++) {
                    chi[j][i] += n * x * sigma[i];
                }
            }
            for (CollisionOpacity c : cia) {
                c.crossSection(t[j], sigma);
                double nn = n * vmr[composition.indexOf(c.speciesA())] * n * vmr[composition.indexOf(c.speciesB())];
                for (int i = 0; i < nu.length; i++) {
                    chi[j][i] += nn * sigma[i];
                }
            }
        }
        AngularQuadrature q = cfg.quadrature();
        EmissionSolver solver = new EmissionSolver(nu, q, cfg.tauCutoff());
        double[] fast = new double[nu.length];
        solver.flux(t, r, chi, solver.newWorkspace(), fast);
        double worst = maxRelativeDifference(reference(nu, t, r, chi, q, cfg.tauCutoff()), fast);
        assertTrue(worst <= SPECTRUM_TOLERANCE, "max relative difference " + worst);
    }

    @Test
    void syntheticExtremesAndNonUniformGridMatchTheStraightforwardFormula() {
        // opacities from zero to 1e6 times the cut-off per layer, columns that never reach the cut-off, a
        // temperature inversion; a non-uniform grid takes the solver's direct-exponential Planck path
        double[] uniform = new double[600];
        double[] stretched = new double[600];
        for (int i = 0; i < uniform.length; i++) {
            uniform[i] = 300 + 11.0 * i;
            stretched[i] = 300 * Math.pow(1.004, i);
        }
        int levels = 70;
        double[] t = new double[levels];
        double[] r = new double[levels];
        for (int j = 0; j < levels; j++) {
            t[j] = 900 + 600 * Math.exp(-j / 8.0) + 12 * j;
            r[j] = 8.2e9 - 1.5e7 * j;
        }
        for (double[] nu : new double[][] {uniform, stretched}) {
            double[][] chi = new double[levels][nu.length];
            for (int j = 0; j < levels; j++) {
                for (int i = 0; i < nu.length; i++) {
                    chi[j][i] = i % 13 == 0 ? 0.0 : Math.pow(10, -14 + 0.17 * j + 2.5 * Math.sin(0.37 * i) - (i % 5));
                }
            }
            for (AngularQuadrature q : new AngularQuadrature[] {AngularQuadrature.bartFiveAngles(), AngularQuadrature.gaussLegendre(4)}) {
                EmissionSolver solver = new EmissionSolver(nu, q, EmissionSolver.BART_TAU_CUTOFF);
                double[] fast = new double[nu.length];
                solver.flux(t, r, chi, solver.newWorkspace(), fast);
                double worst = maxRelativeDifference(reference(nu, t, r, chi, q, EmissionSolver.BART_TAU_CUTOFF), fast);
                assertTrue(worst <= SPECTRUM_TOLERANCE, "max relative difference " + worst + " " + q);
            }
        }
    }

    @Test
    void negativeExpm1HasFullRelativePrecision() {
        for (double lx = -12; lx <= Math.log10(40); lx += 1e-3) {
            double x = Math.pow(10, lx);
            double expected = Math.expm1(-x);
            assertEquals(expected, EmissionSolver.negativeExpm1(x), Math.abs(expected) * EXPM1_TOLERANCE, "x = " + x);
        }
        assertEquals(0.0, EmissionSolver.negativeExpm1(0.0), 0.0);
        // an opaque layer (x far beyond 40) lets through no more than the rounding of 1 + E, about 1e-16
        double through = 1 + EmissionSolver.negativeExpm1(1e100);
        assertTrue(through >= 0 && through <= 2.3e-16, "transmission " + through);
    }
}
