package org.exoret.rt;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.exoret.ExoretException;
import org.exoret.atmosphere.Composition;
import org.exoret.atmosphere.Hydrostatics;
import org.exoret.atmosphere.LineTemperatureProfile;
import org.exoret.atmosphere.Units;
import org.exoret.data.DataRoot;
import org.exoret.forward.BandProjection;
import org.exoret.forward.ForwardModel;
import org.exoret.forward.ForwardResult;
import org.exoret.opacity.AbsorberOpacity;
import org.exoret.opacity.CiaTable;
import org.exoret.opacity.CollisionOpacity;
import org.exoret.opacity.CrossSectionTable;

/**
 * The radiative-transfer reference forward model in BART's emission set-up: Line et al. (2013) temperature
 * profile, uniform composition scaled per molecule, hydrostatic radii, tabulated molecular cross sections and
 * collision-induced absorption, layer-by-layer emission ({@link EmissionSolver}) and band integration against
 * the stellar spectrum. Parameters, in order: log10 κ, log10 γ1, log10 γ2, α, β, then one log10 scale factor per
 * fitted molecule ({@code molfit}).
 *
 * <p>Band depth b of a spectrum is (R_p/R_*)² Σ_j w_bj F_p(ν̃_j) / F_*(ν̃_j) with w_b the band's normalised weights
 * ({@link Passband#weights}); R_p is {@code refradius}. {@link #bandProjection()} exposes that linear map.
 * Rows whose profile leaves [Tmin, Tmax], whose metals exceed unity or whose atmosphere is unbound are rejected
 * with a reason.
 *
 * <p>Thread-safe: immutable tables plus a pool of per-thread workspaces; a batch is spread over the common
 * fork-join pool. Memory per workspace ≈ 8 bytes × levels × wavenumbers.
 */
public final class RtForwardModel implements ForwardModel {

    private final RtConfig config;
    private final double[] wavenumber;
    private final double[] pressureBar;
    private final TemperatureRange temperatureRange;
    private final Composition composition;
    private final AbsorberOpacity[] absorbers;
    private final int[] absorberSpecies;
    private final CollisionOpacity[] collisions;
    private final int[] collisionA;
    private final int[] collisionB;
    private final EmissionSolver solver;
    private final double[] stellarFlux;
    private final double radiusRatioSquared;
    private final double[][] bandWeight;
    private final double[][] projection;
    private final List<String> parameterNames;
    private final List<String> bandNames;
    private final ConcurrentLinkedQueue<Workspace> pool = new ConcurrentLinkedQueue<>();

    private RtForwardModel(RtConfig config, List<AbsorberOpacity> absorbers, List<CollisionOpacity> collisions,
            StellarSpectrum star, List<Passband> passbands) {
        this.config = config;
        this.wavenumber = config.wavenumberGrid();
        this.pressureBar = config.pressureBar();
        double starRadiusCm = config.starRadiusSolar() * Units.CM_PER_SOLAR_RADIUS_BART;
        this.temperatureRange = new TemperatureRange(config);
        this.composition = new Composition(config.species(), config.uniform(), config.molfit());
        this.absorbers = absorbers.toArray(new AbsorberOpacity[0]);
        this.absorberSpecies = new int[this.absorbers.length];
        for (int k = 0; k < this.absorbers.length; k++) {
            checkGrid(this.absorbers[k].wavenumberPerCm(), "opacity of " + this.absorbers[k].species());
            absorberSpecies[k] = speciesIndex(this.absorbers[k].species(), "opacity table");
        }
        this.collisions = collisions.toArray(new CollisionOpacity[0]);
        this.collisionA = new int[this.collisions.length];
        this.collisionB = new int[this.collisions.length];
        for (int k = 0; k < this.collisions.length; k++) {
            CollisionOpacity c = this.collisions[k];
            checkGrid(c.wavenumberPerCm(), "CIA " + c.speciesA() + "-" + c.speciesB());
            collisionA[k] = speciesIndex(c.speciesA(), "CIA");
            collisionB[k] = speciesIndex(c.speciesB(), "CIA");
        }
        this.solver = new EmissionSolver(wavenumber, config.quadrature(), config.tauCutoff());
        this.stellarFlux = star.onGrid(wavenumber);
        double rp = config.referenceRadiusKm() * Units.CM_PER_KM;
        this.radiusRatioSquared = (rp / starRadiusCm) * (rp / starRadiusCm);
        if (passbands.isEmpty()) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "the forward model needs at least one passband");
        }
        this.bandWeight = new double[passbands.size()][];
        this.projection = new double[passbands.size()][];
        List<String> names = new ArrayList<>();
        for (int b = 0; b < passbands.size(); b++) {
            bandWeight[b] = passbands.get(b).weights(wavenumber, config.photonCounting());
            projection[b] = new double[wavenumber.length];
            for (int j = 0; j < wavenumber.length; j++) {
                projection[b][j] = bandWeight[b][j] * radiusRatioSquared / stellarFlux[j];
            }
            names.add(passbands.get(b).name());
        }
        this.bandNames = List.copyOf(names);
        List<String> params = new ArrayList<>(LineTemperatureProfile.PARAMETERS);
        for (String m : config.molfit()) {
            params.add("log10_scale_" + m);
        }
        this.parameterNames = List.copyOf(params);
    }

    private void checkGrid(double[] grid, String what) {
        if (!Arrays.equals(grid, wavenumber)) {
            throw new ExoretException(ExoretException.Kind.MISMATCH, what + " was resampled to a grid of " + grid.length
                    + " points, the model grid has " + wavenumber.length + " (wnlow/wnhigh/wndelt)");
        }
    }

    private int speciesIndex(String species, String what) {
        int i = composition.indexOf(species);
        if (i < 0) {
            throw new ExoretException(ExoretException.Kind.CONFIGURATION, what + " species " + species
                    + " is not among the configured species " + composition.species());
        }
        return i;
    }

    /**
     * A model from opacities and passbands already in memory.
     *
     * @param config the set-up (grids, planet, star geometry, composition, angles)
     * @param absorbers molecular opacities on {@link RtConfig#wavenumberGrid()}
     * @param collisions CIA opacities on the same grid
     * @param star the stellar surface flux (covering the model grid)
     * @param passbands one passband per band, in output order
     * @return the model
     */
    public static RtForwardModel of(RtConfig config, List<AbsorberOpacity> absorbers, List<CollisionOpacity> collisions,
            StellarSpectrum star, List<Passband> passbands) {
        return new RtForwardModel(config, absorbers, collisions, star, passbands);
    }

    /**
     * Builds the model from its configuration: cross-section tables ({@code xsec}), line-by-line tables built once
     * and cached ({@code linelists}, {@link LineByLineOpacities}), CIA ({@code csfile}),
     * Castelli–Kurucz or blackbody star, and passbands from {@code filters} or the observations' band ids in
     * {@code filterdir}, all read from the data root.
     *
     * @param config the set-up
     * @param root the data root
     * @return the model
     */
    public static RtForwardModel fromConfig(RtConfig config, DataRoot root) {
        double[] grid = config.wavenumberGrid();
        for (RtConfig.LineList list : config.lineLists()) {
            if (config.crossSectionFiles().containsKey(list.species())) {
                throw new ExoretException(ExoretException.Kind.CONFIGURATION, list.species()
                        + " has both an 'xsec' table and a 'linelists' entry; keep one");
            }
        }
        List<AbsorberOpacity> absorbers = new ArrayList<>();
        for (Map.Entry<String, String> e : config.crossSectionFiles().entrySet()) {
            AbsorberOpacity o = CrossSectionTable.readTauRex(root.resolve(e.getValue())).onGrid(grid);
            if (!o.species().equals(e.getKey())) {
                throw new ExoretException(ExoretException.Kind.MISMATCH, "xsec entry " + e.getKey() + " points to "
                        + e.getValue() + ", which holds " + o.species());
            }
            absorbers.add(o);
        }
        for (RtConfig.LineList list : config.lineLists()) {
            absorbers.add(LineByLineOpacities.opacity(config, list, root));
        }
        List<CollisionOpacity> cia = new ArrayList<>();
        for (String f : config.ciaFiles()) {
            cia.add(CiaTable.readHitran(root.resolve(f)).onGrid(grid));
        }
        StellarSpectrum star = config.kurucz().isEmpty()
                ? StellarSpectrum.blackbody(grid, config.starTemperatureK())
                : CastelliKurucz.interpolate(config.kurucz().stream().map(root::resolve).toList(),
                        config.starTemperatureK(), config.starLogg());
        return new RtForwardModel(config, absorbers, cia, star, passbands(config, root));
    }

    /**
     * @param config the set-up
     * @param root the data root
     * @return the passbands named by {@code filters}, or by the observations' band ids in {@code filterdir}
     */
    public static List<Passband> passbands(RtConfig config, DataRoot root) {
        List<Passband> bands = new ArrayList<>();
        if (!config.filters().isEmpty()) {
            for (String f : config.filters()) {
                bands.add(Passband.readFilterFile(root.resolve(f)));
            }
            return bands;
        }
        if (config.observations() == null || config.filterFolder() == null) {
            throw new ExoretException(ExoretException.Kind.CONFIGURATION,
                    "no passbands: set 'filters', or 'observations' together with 'filterdir'");
        }
        Observations obs = Observations.read(config.observations());
        Path folder = root.resolve(config.filterFolder());
        for (int b = 0; b < obs.size(); b++) {
            Path file = obs.filterFile(b, folder);
            bands.add(Passband.readFilterFile(file));
        }
        return bands;
    }

    /** @return the configuration */
    public RtConfig config() {
        return config;
    }

    @Override
    public List<String> parameterNames() {
        return parameterNames;
    }

    /** @return band names (filter file stems and paths), in output order */
    public List<String> bandNames() {
        return bandNames;
    }

    @Override
    public int bandCount() {
        return bandWeight.length;
    }

    @Override
    public double[] wavenumberPerCm() {
        return wavenumber.clone();
    }

    /** @return the level pressures, bar, top to bottom */
    public double[] pressureBar() {
        return pressureBar.clone();
    }

    /** @return the stellar surface flux on the model grid, erg s⁻¹ cm⁻² (cm⁻¹)⁻¹ */
    public double[] stellarSurfaceFlux() {
        return stellarFlux.clone();
    }

    /** @return (R_p/R_*)² with R_p = {@code refradius} */
    public double radiusRatioSquared() {
        return radiusRatioSquared;
    }

    /**
     * @param theta a parameter vector
     * @return the temperature profile, K, on {@link #pressureBar()}
     */
    public double[] temperatureK(double[] theta) {
        checkRow(0, theta);
        double[] t = new double[pressureBar.length];
        temperatureRange.fill(theta, t);
        return t;
    }

    /**
     * The linear map from F_p on the model grid to band depths: weight[b][j] = (R_p/R_*)² w_bj / F_*(ν̃_j).
     *
     * @return the projection
     */
    public BandProjection bandProjection() {
        return new BandProjection(projection);
    }

    @Override
    public ForwardResult evaluate(double[][] theta) {
        return run(theta, false);
    }

    @Override
    public ForwardResult evaluateWithSpectra(double[][] theta) {
        return run(theta, true);
    }

    private void checkRow(int row, double[] t) {
        if (t == null || t.length != parameterNames.size()) {
            throw new ExoretException(ExoretException.Kind.MISMATCH, "parameter row " + row + " has "
                    + (t == null ? "no" : String.valueOf(t.length)) + " values; expected " + parameterNames.size() + ": " + parameterNames);
        }
        for (int k = 0; k < t.length; k++) {
            if (!Double.isFinite(t[k])) {
                throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT,
                        "parameter " + parameterNames.get(k) + " of row " + row + " is " + t[k] + "; it must be finite");
            }
        }
    }

    private ForwardResult run(double[][] theta, boolean withSpectra) {
        int n = theta.length;
        for (int r = 0; r < n; r++) {
            checkRow(r, theta[r]);
        }
        double[][] depth = new double[n][];
        double[][] spectra = withSpectra ? new double[n][] : null;
        String[] reason = new String[n];
        IntStream rows = IntStream.range(0, n);
        (n > 1 ? rows.parallel() : rows).forEach(r -> {
            Workspace w = pool.poll();
            if (w == null) {
                w = new Workspace();
            }
            try {
                double[] flux = new double[wavenumber.length];
                reason[r] = spectrum(theta[r], w, flux);
                if (reason[r] == null) {
                    depth[r] = project(flux);
                    if (withSpectra) {
                        spectra[r] = flux;
                    }
                }
            } finally {
                pool.offer(w);
            }
        });
        return ForwardResult.of(depth, spectra, reason);
    }

    private double[] project(double[] flux) {
        double[] d = new double[projection.length];
        for (int b = 0; b < projection.length; b++) {
            double[] p = projection[b];
            double s = 0;
            for (int j = 0; j < p.length; j++) {
                s += p[j] * flux[j];
            }
            d[b] = s;
        }
        return d;
    }

    /** Per-thread scratch arrays, reused across spectra. */
    private final class Workspace {
        final double[] temperature = new double[pressureBar.length];
        final double[] radius = new double[pressureBar.length];
        final double[] vmr = new double[composition.species().size()];
        final double[] scale = new double[composition.fittedSpecies().size()];
        final double[][] extinction = new double[pressureBar.length][wavenumber.length];
        final double[] buffer = new double[wavenumber.length];
        final EmissionSolver.Workspace solverWork = solver.newWorkspace();
    }

    /**
     * One emission spectrum; visible to the benchmark through {@link #spectrumInto}.
     *
     * @return null, or the rejection reason
     */
    private String spectrum(double[] theta, Workspace w, double[] fluxOut) {
        double[] t = w.temperature;
        String outside = temperatureRange.check(theta, t);
        if (outside != null) {
            return outside;
        }
        System.arraycopy(theta, LineTemperatureProfile.PARAMETERS.size(), w.scale, 0, w.scale.length);
        String bad = composition.fill(w.scale, w.vmr);
        if (bad != null) {
            return bad;
        }
        double mu = composition.meanMolecularMassAmu(w.vmr);
        bad = Hydrostatics.radii(pressureBar, t, mu, config.referencePressureBar(),
                config.referenceRadiusKm() * Units.CM_PER_KM, config.gravityCmPerS2(), w.radius);
        if (bad != null) {
            return bad;
        }
        fillExtinction(w);
        solver.flux(t, w.radius, w.extinction, w.solverWork, fluxOut);
        return null;
    }

    private void fillExtinction(Workspace w) {
        int nu = wavenumber.length;
        double[] sigma = w.buffer;
        for (int j = 0; j < pressureBar.length; j++) {
            double[] row = w.extinction[j];
            double temp = w.temperature[j];
            double density = Hydrostatics.numberDensityPerCm3(pressureBar[j], temp);
            boolean empty = true;
            for (int k = 0; k < absorbers.length; k++) {
                double n = density * w.vmr[absorberSpecies[k]];
                if (n == 0) {
                    continue;
                }
                // the first source is written straight into the row, saving a clearing pass
                absorbers[k].crossSection(temp, pressureBar[j], empty ? row : sigma);
                accumulate(row, empty, n, sigma, nu);
                empty = false;
            }
            for (int k = 0; k < collisions.length; k++) {
                double nn = density * w.vmr[collisionA[k]] * density * w.vmr[collisionB[k]];
                if (nn == 0) {
                    continue;
                }
                collisions[k].crossSection(temp, empty ? row : sigma);
                accumulate(row, empty, nn, sigma, nu);
                empty = false;
            }
            if (empty) {
                Arrays.fill(row, 0.0);
            }
        }
    }

    /** row ← n·row when the row holds the first source's cross section, else row ← row + n·sigma. */
    private static void accumulate(double[] row, boolean first, double n, double[] sigma, int count) {
        if (first) {
            for (int i = 0; i < count; i++) {
                row[i] *= n;
            }
        } else {
            for (int i = 0; i < count; i++) {
                row[i] += n * sigma[i];
            }
        }
    }

    /**
     * Single-threaded spectrum for benchmarking and the {@code spectrum} command, reusing a caller-held workspace.
     *
     * @param theta parameter vector
     * @param fluxOut output F_p, erg s⁻¹ cm⁻² (cm⁻¹)⁻¹
     * @return null, or the rejection reason
     */
    public String spectrumInto(double[] theta, double[] fluxOut) {
        checkRow(0, theta);
        Workspace w = pool.poll();
        if (w == null) {
            w = new Workspace();
        }
        try {
            return spectrum(theta, w, fluxOut);
        } finally {
            pool.offer(w);
        }
    }
}
