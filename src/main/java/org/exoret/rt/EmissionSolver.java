package org.exoret.rt;

import org.exoret.ExoretException;
import org.exoret.atmosphere.Units;

/**
 * Thermal emission of a plane-parallel atmosphere seen from above (no scattering), BART's emission geometry.
 *
 * <p>Vertical optical depth is integrated top-down over altitude with the trapezoidal rule,
 * τ_j = τ_(j−1) + ½ (χ_(j−1) + χ_j)(r_(j−1) − r_j), χ the extinction coefficient in cm⁻¹. The emergent intensity
 * along μ is the formal solution I(μ) = ∫ B(τ) e^(−τ/μ) dτ/μ, taken layer by layer with the source function
 * B linear in τ inside each layer (exact for that assumption):
 * <pre>
 *   layer contribution = B_top (t_top − t_bot) + (B_bot − B_top) [ (t_top − t_bot)/x − t_bot ],
 *   t = e^(−τ/μ), x = Δτ/μ,
 * </pre>
 * with the bracket from its Taylor series when x &lt; 10⁻³. The layer transmission e^(−x) comes from its
 * Taylor series when x &lt; 10⁻² and the Planck factors e^(c₂ν̃/T) by recurrence along a uniform grid, so exponentials
 * are spent only in layers of appreciable optical thickness. As in BART, the downward march stops at the first
 * level where τ exceeds the cut-off (10); that level, or the bottom of the grid if it is never reached, is an
 * opaque blackbody lower boundary contributing t·B. An isothermal atmosphere therefore emits exactly πB at any
 * opacity. The flux is F = π Σ_a w_a I(μ_a) ({@link AngularQuadrature}).
 *
 * <p>Cost per spectrum: one multiplication per (level × wavenumber) cell for the Planck factors, one division
 * per visited cell, and at most one exponential per direction in visited cells; nothing is allocated. Instances are immutable; each call uses the caller's {@link Workspace},
 * so one solver serves many threads, each with its own workspace.
 */
public final class EmissionSolver {

    /** BART's optical-depth cut-off ({@code toomuch}). */
    public static final double BART_TAU_CUTOFF = 10.0;
    private static final double SERIES_BELOW = 1e-3;

    private final double[] wavenumber;
    private final double[] planckPrefactor;
    private final double[] planckExponent;
    private final double[] mu;
    private final double[] invMu;
    private final double[] fluxWeight;
    private final double tauCutoff;
    /** Grid step when the grid is uniform (Planck factors then follow by recurrence), else NaN. */
    private final double uniformStep;
    /** Planck factors e^(c₂ν̃/T) are recomputed exactly every this many wavenumbers to bound rounding drift. */
    private static final int RESEED = 256;
    /** Below this layer optical thickness e^(−x) − 1 comes from its Taylor series (error < x⁶/720 ≈ 1.4e-15 x). */
    private static final double TAYLOR_BELOW = 1e-2;

    /**
     * @param wavenumberPerCm model grid, cm⁻¹, positive (copied)
     * @param quadrature directions and flux weights
     * @param tauCutoff optical depth below which the atmosphere is treated as opaque (BART: 10)
     */
    public EmissionSolver(double[] wavenumberPerCm, AngularQuadrature quadrature, double tauCutoff) {
        ExoretException.requirePositive("tau cut-off", tauCutoff);
        this.wavenumber = wavenumberPerCm.clone();
        this.planckPrefactor = new double[wavenumber.length];
        this.planckExponent = new double[wavenumber.length];
        for (int i = 0; i < wavenumber.length; i++) {
            double nu = ExoretException.requirePositive("wavenumber " + i + " (cm-1)", wavenumber[i]);
            planckPrefactor[i] = Units.PLANCK_PREFACTOR_CGS * nu * nu * nu;
            planckExponent[i] = Units.SECOND_RADIATION_CM_K * nu;
        }
        this.mu = quadrature.mu();
        this.invMu = new double[mu.length];
        for (int a = 0; a < mu.length; a++) {
            invMu[a] = 1.0 / mu[a];
        }
        this.fluxWeight = quadrature.weight();
        for (int a = 0; a < fluxWeight.length; a++) {
            fluxWeight[a] *= Math.PI;
        }
        this.tauCutoff = tauCutoff;
        double step = wavenumber.length > 1 ? (wavenumber[wavenumber.length - 1] - wavenumber[0]) / (wavenumber.length - 1) : 0;
        boolean uniform = step > 0;
        for (int i = 0; i < wavenumber.length && uniform; i++) {
            uniform = Math.abs(wavenumber[i] - (wavenumber[0] + i * step)) <= 1e-9 * wavenumber[i];
        }
        this.uniformStep = uniform ? step : Double.NaN;
    }

    /** @return the number of wavenumbers */
    public int wavenumberCount() {
        return wavenumber.length;
    }

    /** @return a workspace sized for this solver */
    public Workspace newWorkspace() {
        return new Workspace(invMu.length);
    }

    /** Per-thread scratch space; not thread-safe, reuse it across calls on one thread. */
    public static final class Workspace {
        private final double[] transmission;
        private final double[] intensity;
        private double[] inverseTemperature = new double[0];
        private double[] thickness = new double[0];
        private double[] planckFactor = new double[0];
        private double[] planckRatio = new double[0];

        private Workspace(int directions) {
            transmission = new double[directions];
            intensity = new double[directions];
        }
    }

    /**
     * Emergent flux spectrum.
     *
     * @param temperatureK level temperatures, K, top to bottom
     * @param radiusCm level radii, cm, decreasing from top to bottom
     * @param extinctionPerCm extinction coefficient χ per level (rows) and wavenumber (columns), cm⁻¹
     * @param work the calling thread's workspace
     * @param fluxOut output: F_p(ν̃), erg s⁻¹ cm⁻² (cm⁻¹)⁻¹
     */
    public void flux(double[] temperatureK, double[] radiusCm, double[][] extinctionPerCm, Workspace work, double[] fluxOut) {
        int levels = temperatureK.length;
        int nu = wavenumber.length;
        int dirs = invMu.length;
        if (work.inverseTemperature.length != levels) {
            work.inverseTemperature = new double[levels];
            work.thickness = new double[levels];
            work.planckFactor = new double[levels];
            work.planckRatio = new double[levels];
        }
        double[] factor = work.planckFactor;
        double[] ratio = work.planckRatio;
        boolean recurrence = !Double.isNaN(uniformStep);
        double[] invT = work.inverseTemperature;
        double[] dz = work.thickness;
        for (int j = 0; j < levels; j++) {
            invT[j] = 1.0 / temperatureK[j];
            dz[j] = j == 0 ? 0.0 : 0.5 * (radiusCm[j - 1] - radiusCm[j]);
            if (recurrence) {
                ratio[j] = Math.exp(Units.SECOND_RADIATION_CM_K * uniformStep * invT[j]);
            }
        }
        double[] tr = work.transmission;
        double[] in = work.intensity;
        for (int i = 0; i < nu; i++) {
            double pre = planckPrefactor[i];
            double c2nu = planckExponent[i];
            // e^(c₂ν̃/T_j) for every level: one multiplication per level on a uniform grid
            if (recurrence && i % RESEED != 0) {
                for (int j = 0; j < levels; j++) {
                    factor[j] *= ratio[j];
                }
            } else {
                for (int j = 0; j < levels; j++) {
                    factor[j] = Math.exp(c2nu * invT[j]);
                }
            }
            for (int a = 0; a < dirs; a++) {
                tr[a] = 1.0;
                in[a] = 0.0;
            }
            double tau = 0.0;
            double bTop = pre / (factor[0] - 1.0);
            double chiTop = extinctionPerCm[0][i];
            double bBot = bTop;
            for (int j = 1; j < levels; j++) {
                double chiBot = extinctionPerCm[j][i];
                double dtau = (chiTop + chiBot) * dz[j];
                tau += dtau;
                bBot = pre / (factor[j] - 1.0);
                double dB = bBot - bTop;
                double invDtau = dtau > 0 ? 1.0 / dtau : 0.0;
                for (int a = 0; a < dirs; a++) {
                    double x = dtau * invMu[a];
                    double tTop = tr[a];
                    // em1 = e^(−x) − 1, without cancellation for thin layers
                    double em1 = x < TAYLOR_BELOW
                            ? -x * (1 - x * (0.5 - x * (1.0 / 6 - x * (1.0 / 24 - x * (1.0 / 120)))))
                            : Math.exp(-x) - 1.0;
                    double diff = -tTop * em1;
                    double tBot = tTop + tTop * em1;
                    double slope = x < SERIES_BELOW
                            ? tTop * x * (0.5 - x * (1.0 / 3.0 - x * 0.125))
                            : diff * invDtau * mu[a] - tBot;
                    in[a] += bTop * diff + dB * slope;
                    tr[a] = tBot;
                }
                if (tau > tauCutoff) {
                    break;
                }
                bTop = bBot;
                chiTop = chiBot;
            }
            double f = 0.0;
            for (int a = 0; a < dirs; a++) {
                f += fluxWeight[a] * (in[a] + tr[a] * bBot);
            }
            fluxOut[i] = f;
        }
    }
}
