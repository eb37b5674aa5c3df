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
 *   layer contribution = t_top [ −B_top E + (B_bot − B_top) g ],   x = Δτ/μ,   E = e^(−x) − 1,
 *   g = −E/x − 1 − E  (= [(t_top − t_bot)/x − t_bot] / t_top),   t_bot = t_top (1 + E).
 * </pre>
 * E is evaluated to a relative precision of about 10⁻¹⁵ for every x ≥ 0 ({@link #negativeExpm1}), so g needs no
 * special case for thin layers. As in BART, the downward march stops at the first level where τ exceeds the
 * cut-off (10); that level, or the bottom of the grid if it is never reached, is an opaque blackbody lower
 * boundary contributing t·B. The cut-off needs no early exit per column: a layer whose top already lies below the
 * cut-off is given Δτ = 10¹⁰⁰, which contributes t_top·B_top (to 2·10⁻¹⁶ relative) and extinguishes the ray. An isothermal atmosphere therefore emits πB at any opacity. The flux is F = π Σ_a w_a I(μ_a)
 * ({@link AngularQuadrature}).
 *
 * <p>Layout, for speed: wavenumbers are processed in blocks of {@value #BLOCK}; for each block the march runs level
 * by level over contiguous rows of the level-major extinction array and stops once every column of the block has
 * passed the cut-off. Each step is a short loop without table look-ups or calls over the block, which HotSpot's
 * C2 compiler unrolls and vectorises (profiling showed that loops with larger bodies stay scalar). The Planck factors are e^(c₂ν̃/T_j) = e^(c₂ν̃_0/T_j) · u_j^i on a uniform
 * grid, with u_j^i precomputed once per call and level; the Planck function and 1/Δτ share one division per cell.
 * Nothing is allocated per call once the workspace has grown to the number of levels. Instances are immutable;
 * each call uses the caller's {@link Workspace}, so one solver serves many threads, each with its own workspace.
 */
public final class EmissionSolver {

    /** BART's optical-depth cut-off ({@code toomuch}). */
    public static final double BART_TAU_CUTOFF = 10.0;
    /** Wavenumbers per block: the block's working rows stay in the level-1 cache. */
    static final int BLOCK = 256;
    /** Layer thickness standing for "opaque from here on" below the cut-off. */
    private static final double OPAQUE = 1e100;
    /** Added to every Δτ so that 1/Δτ stays finite in transparent layers; far below any physical optical depth. */
    private static final double THINNEST = 1e-250;
    /** Arguments of e^(−x) are clamped here; beyond, the layer transmits less than 2·10⁻¹⁶. */
    private static final double EXP_ARGUMENT_MAX = 40.0;
    /** e^(−x) = (e^(−x/2¹⁰))^(2¹⁰): ten doublings. */
    private static final double HALVINGS_SCALE = 1.0 / 1024;

    private final double[] wavenumber;
    private final double[] planckPrefactor;
    private final double[] planckExponent;
    private final double[] mu;
    private final double[] invMu;
    private final double[] fluxWeight;
    private final double tauCutoff;
    /** Grid step when the grid is uniform (Planck factors then come from precomputed powers), else NaN. */
    private final double uniformStep;

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
        private final double[][] transmission;
        private final double[][] intensity;
        private final double[] tau = new double[BLOCK];
        private final double[] thickness = new double[BLOCK];
        private final double[] inverseThickness = new double[BLOCK];
        private final double[] planckTop = new double[BLOCK];
        private final double[] planckStep = new double[BLOCK];
        private final double[] planckFactor = new double[BLOCK];
        private final double[] expm1 = new double[BLOCK];
        private double[] inverseTemperature = new double[0];
        private double[] height = new double[0];
        /** Per level, u_j^i = e^(c₂ i Δν̃ / T_j) for i &lt; BLOCK (uniform grids only). */
        private double[][] planckPowers = new double[0][];

        private Workspace(int directions) {
            transmission = new double[directions][BLOCK];
            intensity = new double[directions][BLOCK];
        }
    }

    /**
     * e^(−x) − 1 for x ≥ 0 with a relative error of about 10⁻¹⁵ (no cancellation for small x): a degree-7 Taylor
     * polynomial at y = x/2¹⁰ followed by ten doublings E ← E (2 + E), each exact in exact arithmetic because
     * e^(−2y) − 1 = (e^(−y) − 1)(e^(−y) + 1). Beyond x = 40 the argument is clamped to 40; there 1 + E
     * is below 2·10⁻¹⁶ (the rounding of E near −1), i.e. the layer is opaque. The solver inlines the same
     * steps as separate vectorisable loops; this scalar form documents and tests them.
     *
     * @param x non-negative argument
     * @return e^(−x) − 1
     */
    static double negativeExpm1(double x) {
        double e = taylorAtScaled(x);
        for (int k = 0; k < 10; k++) {
            e = e * (2 + e);
        }
        return e;
    }

    private static double taylorAtScaled(double x) {
        double y = Math.min(x, EXP_ARGUMENT_MAX) * HALVINGS_SCALE;
        return -y * (1 - y * (1.0 / 2 - y * (1.0 / 6 - y * (1.0 / 24 - y * (1.0 / 120 - y * (1.0 / 720 - y * (1.0 / 5040)))))));
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
        boolean uniform = !Double.isNaN(uniformStep);
        if (work.inverseTemperature.length != levels) {
            work.inverseTemperature = new double[levels];
            work.height = new double[levels];
            work.planckPowers = uniform ? new double[levels][BLOCK] : new double[0][];
        }
        double[] invT = work.inverseTemperature;
        double[] dz = work.height;
        for (int j = 0; j < levels; j++) {
            invT[j] = 1.0 / temperatureK[j];
            dz[j] = j == 0 ? 0.0 : 0.5 * (radiusCm[j - 1] - radiusCm[j]);
            if (uniform) {
                double[] powers = work.planckPowers[j];
                double c = Units.SECOND_RADIATION_CM_K * uniformStep * invT[j];
                for (int i = 0; i < BLOCK; i++) {
                    powers[i] = Math.exp(c * i);
                }
            }
        }
        for (int from = 0; from < nu; from += BLOCK) {
            block(from, Math.min(BLOCK, nu - from), levels, uniform, extinctionPerCm, work, fluxOut);
        }
    }

    private void block(int from, int n, int levels, boolean uniform, double[][] chi, Workspace w, double[] fluxOut) {
        double[] tau = w.tau;
        double[] dtau = w.thickness;
        double[] invDtau = w.inverseThickness;
        double[] bTop = w.planckTop;
        double[] dB = w.planckStep;
        double[] factor = w.planckFactor;
        double[] pre = planckPrefactor;
        int dirs = invMu.length;
        planckFactors(from, n, 0, uniform, w);
        for (int i = 0; i < n; i++) {
            bTop[i] = pre[from + i] / (factor[i] - 1.0);
            tau[i] = 0.0;
        }
        for (int a = 0; a < dirs; a++) {
            java.util.Arrays.fill(w.transmission[a], 0, n, 1.0);
            java.util.Arrays.fill(w.intensity[a], 0, n, 0.0);
        }
        boolean allOpaque = false;
        for (int j = 1; j < levels && !allOpaque; j++) {
            planckFactors(from, n, j, uniform, w);
            double[] chiTop = chi[j - 1];
            double[] chiBot = chi[j];
            double dzj = w.height[j];
            double cut = tauCutoff;
            for (int i = 0; i < n; i++) {
                dtau[i] = (chiTop[from + i] + chiBot[from + i]) * dzj + THINNEST;
            }
            for (int i = 0; i < n; i++) {
                double top = tau[i];
                double d = dtau[i];
                tau[i] = top + d;
                dtau[i] = top > cut ? OPAQUE : d;
            }
            for (int i = 0; i < n; i++) {
                double fm1 = factor[i] - 1.0;
                double de = dtau[i];
                double q = 1.0 / (fm1 * de); // one division for B_bot = pre/(f − 1) and for 1/Δτ
                invDtau[i] = fm1 * q;
                dB[i] = pre[from + i] * de * q - bTop[i];
            }
            double shallowest = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                shallowest = Math.min(shallowest, tau[i]);
            }
            allOpaque = shallowest > cut; // the next layer would be opaque everywhere: this one is the last
            // e^(−x) − 1 as in negativeExpm1, split into loops small enough to be vectorised
            double[] e = w.expm1;
            for (int a = 0; a < dirs; a++) {
                double im = invMu[a] * HALVINGS_SCALE;
                for (int i = 0; i < n; i++) {
                    double y = Math.min(dtau[i] * im, EXP_ARGUMENT_MAX * HALVINGS_SCALE);
                    e[i] = -y * (1 - y * (1.0 / 2 - y * (1.0 / 6 - y * (1.0 / 24 - y * (1.0 / 120 - y * (1.0 / 720 - y * (1.0 / 5040)))))));
                }
                for (int i = 0; i < n; i++) {
                    double v = e[i];
                    v = v * (2 + v);
                    v = v * (2 + v);
                    v = v * (2 + v);
                    v = v * (2 + v);
                    v = v * (2 + v);
                    e[i] = v;
                }
                for (int i = 0; i < n; i++) {
                    double v = e[i];
                    v = v * (2 + v);
                    v = v * (2 + v);
                    v = v * (2 + v);
                    v = v * (2 + v);
                    v = v * (2 + v);
                    e[i] = v;
                }
                double[] tr = w.transmission[a];
                double[] in = w.intensity[a];
                double m = mu[a];
                for (int i = 0; i < n; i++) {
                    double v = e[i];
                    double t = tr[i];
                    double g = -v * (invDtau[i] * m) - 1.0 - v;
                    in[i] += t * (dB[i] * g - bTop[i] * v);
                    tr[i] = t + t * v;
                }
            }
            for (int i = 0; i < n; i++) {
                bTop[i] += dB[i];
            }
        }
        java.util.Arrays.fill(fluxOut, from, from + n, 0.0);
        for (int a = 0; a < dirs; a++) {
            double[] tr = w.transmission[a];
            double[] in = w.intensity[a];
            double wa = fluxWeight[a];
            for (int i = 0; i < n; i++) {
                fluxOut[from + i] += wa * (in[i] + tr[i] * bTop[i]);
            }
        }
    }

    /** Fills e^(c₂ν̃/T_j) for the block: one exponential times precomputed powers on a uniform grid, else directly. */
    private void planckFactors(int from, int n, int level, boolean uniform, Workspace w) {
        double[] factor = w.planckFactor;
        double invT = w.inverseTemperature[level];
        if (uniform) {
            double f = Math.exp(planckExponent[from] * invT);
            double[] powers = w.planckPowers[level];
            for (int i = 0; i < n; i++) {
                factor[i] = f * powers[i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                factor[i] = Math.exp(planckExponent[from + i] * invT);
            }
        }
    }
}
