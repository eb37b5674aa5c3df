package org.exoret.rt;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.exoret.ExoretException;
import org.exoret.atmosphere.Units;
import org.exoret.atmosphere.PressureGrid;
import org.exoret.atmosphere.LineTemperatureProfile;
import org.exoret.config.IniFile;

/**
 * Immutable set-up of the radiative-transfer forward model, read from a BART-style INI section
 * (default {@code [rt]}; keys in docs/configuration.md) or assembled with {@link Builder}. Units follow BART:
 * pressures in bar, wavenumbers in cm⁻¹, {@code refradius} in km, {@code rstar} in solar radii (BART's
 * 6.96 × 10¹⁰ cm), {@code smaxis} in AU, {@code gsurf} in cm s⁻². Data paths ({@code kurucz}, {@code xsec},
 * {@code linelists}, {@code csfile}, {@code filters}, {@code filterdir}) are relative to the data root; the
 * {@code observations} and {@code tepfile} paths are relative to the configuration file's folder. A {@code tepfile}
 * (BART's planet-and-star table, {@link TepFile}) supplies {@code refradius}, {@code gsurf}, {@code rstar},
 * {@code tstar}, {@code loggstar} and {@code smaxis} where the section does not set them; {@code PTtype} may only
 * be {@code line}. {@code opacity_cache} is absolute or
 * relative to the working directory ({@link #opacityCacheFolder()}).
 */
public final class RtConfig {

    /** Keys accepted in the INI section. */
    public static final Set<String> KEYS = Set.of("n_layers", "p_top", "p_bottom", "wnlow", "wnhigh", "wndelt",
            "Tmin", "Tmax", "tint", "refpress", "refradius", "gsurf", "rstar", "tstar", "smaxis", "loggstar",
            "kurucz", "species", "uniform", "molfit", "xsec", "linelists", "csfile", "quadrature", "angles",
            "gauss_order", "toomuch", "photon_counting", "observations", "filters", "filterdir", "params",
            "opacity_cache", "tepfile", "PTtype");

    /** System property naming the line-by-line cache folder when the configuration sets no {@code opacity_cache}. */
    public static final String CACHE_PROPERTY = "exoret.cache.dir";

    /**
     * A HITRAN line list for line-by-line cross sections.
     *
     * @param species molecule, e.g. {@code CO}
     * @param parFile HITRAN {@code .par} file (data-root relative)
     * @param partitionFile TIPS partition-function table (data-root relative)
     * @param isotopologueFile isotopologue parameters CSV (data-root relative)
     */
    public record LineList(String species, String parFile, String partitionFile, String isotopologueFile) {
    }

    private final Builder b;

    private RtConfig(Builder b) {
        this.b = b.copy();
    }

    /** @return number of pressure levels ({@code n_layers}) */
    public int layers() { return b.layers; }
    /** @return top pressure, bar ({@code p_top}) */
    public double topPressureBar() { return b.topBar; }
    /** @return bottom pressure, bar ({@code p_bottom}) */
    public double bottomPressureBar() { return b.bottomBar; }
    /** @return lowest wavenumber, cm⁻¹ ({@code wnlow}) */
    public double wavenumberLowPerCm() { return b.wnLow; }
    /** @return highest wavenumber, cm⁻¹ ({@code wnhigh}) */
    public double wavenumberHighPerCm() { return b.wnHigh; }
    /** @return wavenumber step, cm⁻¹ ({@code wndelt}) */
    public double wavenumberStepPerCm() { return b.wnStep; }
    /** @return lowest allowed temperature, K ({@code Tmin}) */
    public double minTemperatureK() { return b.tMin; }
    /** @return highest allowed temperature, K ({@code Tmax}) */
    public double maxTemperatureK() { return b.tMax; }
    /** @return internal temperature, K ({@code tint}) */
    public double internalTemperatureK() { return b.tInt; }
    /** @return pressure at the reference radius, bar ({@code refpress}) */
    public double referencePressureBar() { return b.refPressure; }
    /** @return planet radius at {@code refpress}, km ({@code refradius}) */
    public double referenceRadiusKm() { return b.refRadiusKm; }
    /** @return gravity at the reference radius, cm s⁻² ({@code gsurf}) */
    public double gravityCmPerS2() { return b.gravity; }
    /** @return stellar radius, solar radii ({@code rstar}) */
    public double starRadiusSolar() { return b.starRadius; }
    /** @return stellar effective temperature, K ({@code tstar}) */
    public double starTemperatureK() { return b.starTemperature; }
    /** @return semi-major axis, AU ({@code smaxis}) */
    public double semiMajorAxisAu() { return b.semiMajorAxis; }
    /** @return stellar log g, cgs ({@code loggstar}) */
    public double starLogg() { return b.starLogg; }
    /**
     * The planet and star values as one line of text, for hashes of a configuration whose values may come from a
     * {@code tepfile} rather than from the configuration's own text.
     *
     * @return {@code refradius gsurf rstar tstar loggstar smaxis}, each in {@link Double#toString(double)} form
     */
    public String planetAndStar() {
        return b.refRadiusKm + " " + b.gravity + " " + b.starRadius + " " + b.starTemperature + " " + b.starLogg + " "
                + b.semiMajorAxis;
    }

    /** @return Castelli–Kurucz FITS files (data-root relative); empty for a blackbody star ({@code kurucz}) */
    public List<String> kurucz() { return List.copyOf(b.kurucz); }
    /** @return species ({@code species}) */
    public List<String> species() { return List.copyOf(b.species); }
    /** @return base volume mixing ratios ({@code uniform}) */
    public double[] uniform() { return b.uniform.clone(); }
    /** @return fitted molecules ({@code molfit}) */
    public List<String> molfit() { return List.copyOf(b.molfit); }
    /** @return cross-section tables by species ({@code xsec}) */
    public Map<String, String> crossSectionFiles() { return new LinkedHashMap<>(b.xsec); }
    /** @return line lists ({@code linelists}) */
    public List<LineList> lineLists() { return List.copyOf(b.lineLists); }
    /** @return CIA files ({@code csfile}) */
    public List<String> ciaFiles() { return List.copyOf(b.cia); }
    /** @return zenith angles in degrees, used when {@link #gaussOrder()} is 0 ({@code angles}) */
    public double[] anglesDeg() { return b.angles.clone(); }
    /** @return Gauss–Legendre order, or 0 for the angle list ({@code quadrature = gauss}, {@code gauss_order}) */
    public int gaussOrder() { return b.gaussOrder; }
    /** @return optical-depth cut-off ({@code toomuch}) */
    public double tauCutoff() { return b.tauCutoff; }
    /** @return whether band integration weights by photon number ({@code photon_counting}) */
    public boolean photonCounting() { return b.photonCounting; }
    /** @return the observations CSV (absolute or relative to the working directory) */
    public Path observations() { return b.observations; }
    /** @return filter files (data-root relative), one per band, or empty to use {@link #filterFolder()} */
    public List<String> filters() { return List.copyOf(b.filters); }
    /** @return folder of filter files named after band ids (data-root relative) ({@code filterdir}) */
    public String filterFolder() { return b.filterFolder; }
    /** @return start values of the free parameters ({@code params}), may be empty */
    public double[] startParameters() { return b.params.clone(); }
    /** @return the {@code opacity_cache} folder as configured, or null when the key is absent */
    public Path configuredOpacityCache() { return b.opacityCache; }

    /**
     * Where line-by-line tables are cached: {@code opacity_cache} if set, else the system property
     * {@value #CACHE_PROPERTY}, else {@code ${user.home}/.cache/exoret}. Never the data root: tables are derived
     * data, and the data kit may be read-only and shared.
     *
     * @return the cache folder (not created here)
     */
    public Path opacityCacheFolder() {
        if (b.opacityCache != null) {
            return b.opacityCache;
        }
        String property = System.getProperty(CACHE_PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property.strip());
        }
        return Path.of(System.getProperty("user.home"), ".cache", "exoret");
    }

    /** @return the angular quadrature these settings describe */
    public AngularQuadrature quadrature() {
        return b.gaussOrder > 0 ? AngularQuadrature.gaussLegendre(b.gaussOrder) : AngularQuadrature.fromZenithAngles(b.angles);
    }

    /** @return the Line et al. (2013) temperature profile of this planet and star ({@code tint}, {@code rstar}, {@code tstar}, {@code smaxis}, {@code gsurf}) */
    public LineTemperatureProfile temperatureProfile() {
        return new LineTemperatureProfile(internalTemperatureK(), starRadiusSolar() * Units.CM_PER_SOLAR_RADIUS_BART,
                starTemperatureK(), semiMajorAxisAu() * Units.CM_PER_AU, gravityCmPerS2());
    }

    /** @return the level pressures, bar, log-spaced from {@code p_top} to {@code p_bottom} */
    public double[] pressureBar() {
        return PressureGrid.logSpaced(layers(), topPressureBar(), bottomPressureBar()).pressureBar();
    }

    /** @return the model wavenumber grid wnlow, wnlow + wndelt, … ≤ wnhigh, cm⁻¹ */
    public double[] wavenumberGrid() {
        int n = (int) Math.floor((b.wnHigh - b.wnLow) / b.wnStep + 1e-9) + 1;
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = b.wnLow + i * b.wnStep;
        }
        return g;
    }

    /** @return a builder holding these settings */
    public Builder toBuilder() {
        return b.copy();
    }

    /**
     * Reads a section of an INI file, refusing unknown keys.
     *
     * @param ini the file
     * @param sectionName the section, normally {@code rt}
     * @return the configuration
     */
    public static RtConfig fromIni(IniFile ini, String sectionName) {
        IniFile.Section s = ini.section(sectionName);
        s.refuseUnknown(KEYS);
        Builder b = new Builder();
        b.layers = s.integer("n_layers", b.layers);
        b.topBar = s.number("p_top", b.topBar);
        b.bottomBar = s.number("p_bottom", b.bottomBar);
        b.wnLow = s.number("wnlow");
        b.wnHigh = s.number("wnhigh");
        b.wnStep = s.number("wndelt");
        b.tMin = s.number("Tmin", b.tMin);
        b.tMax = s.number("Tmax", b.tMax);
        b.tInt = s.number("tint", b.tInt);
        b.refPressure = s.number("refpress");
        Path base = ini.file().toAbsolutePath().getParent();
        TepFile tep = s.has("tepfile") ? TepFile.read(base.resolve(s.string("tepfile")).normalize()) : null;
        b.refRadiusKm = fromTep(s, "refradius", tep, TepFile::planetRadiusKm);
        b.gravity = fromTep(s, "gsurf", tep, TepFile::surfaceGravityCgs);
        b.starRadius = fromTep(s, "rstar", tep, t -> t.value("Rs"));
        b.starTemperature = fromTep(s, "tstar", tep, t -> t.value("Ts"));
        b.semiMajorAxis = fromTep(s, "smaxis", tep, t -> t.value("a"));
        b.starLogg = s.has("loggstar") || tep == null ? s.number("loggstar", b.starLogg)
                : tep.entry("loggstar").map(TepFile.Entry::value).orElse(b.starLogg);
        String profile = s.string("PTtype", "line");
        if (!profile.equalsIgnoreCase("line")) {
            throw s.error("PTtype", "'" + profile + "' is not available: exoret retrieves the Line et al. (2013) "
                    + "profile, BART's PTtype = line");
        }
        b.kurucz = s.has("kurucz") ? new ArrayList<>(s.list("kurucz")) : new ArrayList<>();
        b.species = new ArrayList<>(s.list("species"));
        b.uniform = s.numbers("uniform");
        b.molfit = new ArrayList<>(s.list("molfit"));
        b.xsec = new LinkedHashMap<>();
        if (s.has("xsec")) {
            for (String line : s.string("xsec").split("\n")) {
                String[] p = line.strip().split("\\s+");
                if (p.length != 2) {
                    throw s.error("xsec", "needs one 'SPECIES file' pair per line, got '" + line.strip() + "'");
                }
                b.xsec.put(p[0], p[1]);
            }
        }
        b.lineLists = new ArrayList<>();
        if (s.has("linelists")) {
            for (String line : s.string("linelists").split("\n")) {
                String[] p = line.strip().split("\\s+");
                if (p.length != 4) {
                    throw s.error("linelists", "needs 'SPECIES par-file partition-file isotopologue-csv' per line, got '"
                            + line.strip() + "'");
                }
                b.lineLists.add(new LineList(p[0], p[1], p[2], p[3]));
            }
        }
        b.cia = s.has("csfile") ? new ArrayList<>(s.list("csfile")) : new ArrayList<>();
        String quadrature = s.string("quadrature", "angles");
        if (quadrature.equals("gauss")) {
            b.gaussOrder = s.integer("gauss_order");
        } else if (!quadrature.equals("angles")) {
            throw s.error("quadrature", "must be 'angles' (BART's rays) or 'gauss', got '" + quadrature + "'");
        } else if (s.has("angles")) {
            b.angles = s.numbers("angles");
        }
        b.tauCutoff = s.number("toomuch", b.tauCutoff);
        b.photonCounting = s.flag("photon_counting", b.photonCounting);
        b.observations = s.has("observations") ? base.resolve(s.string("observations")).normalize() : null;
        b.filters = s.has("filters") ? new ArrayList<>(s.list("filters")) : new ArrayList<>();
        b.filterFolder = s.string("filterdir", null);
        b.params = s.has("params") ? s.numbers("params") : new double[0];
        b.opacityCache = s.has("opacity_cache") ? Path.of(s.string("opacity_cache")) : null;
        try {
            return b.build();
        } catch (ExoretException e) {
            throw new ExoretException(ExoretException.Kind.CONFIGURATION,
                    "section [" + sectionName + "] of " + ini.file() + ": " + e.getMessage(), e);
        }
    }

    /** A planet or star value: the key where the section has it, else derived from the TEP file, else required. */
    private static double fromTep(IniFile.Section s, String key, TepFile tep, ToDoubleFunction<TepFile> derived) {
        return s.has(key) || tep == null ? s.number(key) : derived.applyAsDouble(tep);
    }

    /** Mutable builder; {@link #build()} validates and names the bad key. Defaults are BART's. */
    public static final class Builder {
        private int layers = 100;
        private double topBar = 1e-8;
        private double bottomBar = 100;
        private double wnLow = Double.NaN;
        private double wnHigh = Double.NaN;
        private double wnStep = Double.NaN;
        private double tMin = 600;
        private double tMax = 3000;
        private double tInt = 100;
        private double refPressure = Double.NaN;
        private double refRadiusKm = Double.NaN;
        private double gravity = Double.NaN;
        private double starRadius = Double.NaN;
        private double starTemperature = Double.NaN;
        private double semiMajorAxis = Double.NaN;
        private double starLogg = 4.5;
        private List<String> kurucz = new ArrayList<>();
        private List<String> species = new ArrayList<>();
        private double[] uniform = new double[0];
        private List<String> molfit = new ArrayList<>();
        private Map<String, String> xsec = new LinkedHashMap<>();
        private List<LineList> lineLists = new ArrayList<>();
        private List<String> cia = new ArrayList<>();
        private double[] angles = {0, 20, 40, 60, 80};
        private int gaussOrder;
        private double tauCutoff = EmissionSolver.BART_TAU_CUTOFF;
        private boolean photonCounting;
        private Path observations;
        private List<String> filters = new ArrayList<>();
        private String filterFolder;
        private double[] params = new double[0];
        private Path opacityCache;

        /** Creates a builder with BART's defaults (100 layers, 1e-8–100 bar, 600–3000 K, T_int 100 K, five angles). */
        public Builder() {
        }

        private Builder copy() {
            Builder c = new Builder();
            c.layers = layers; c.topBar = topBar; c.bottomBar = bottomBar; c.wnLow = wnLow; c.wnHigh = wnHigh;
            c.wnStep = wnStep; c.tMin = tMin; c.tMax = tMax; c.tInt = tInt; c.refPressure = refPressure;
            c.refRadiusKm = refRadiusKm; c.gravity = gravity; c.starRadius = starRadius;
            c.starTemperature = starTemperature; c.semiMajorAxis = semiMajorAxis; c.starLogg = starLogg;
            c.kurucz = new ArrayList<>(kurucz); c.species = new ArrayList<>(species); c.uniform = uniform.clone();
            c.molfit = new ArrayList<>(molfit); c.xsec = new LinkedHashMap<>(xsec); c.lineLists = new ArrayList<>(lineLists);
            c.cia = new ArrayList<>(cia); c.angles = angles.clone(); c.gaussOrder = gaussOrder; c.tauCutoff = tauCutoff;
            c.photonCounting = photonCounting; c.observations = observations; c.filters = new ArrayList<>(filters);
            c.filterFolder = filterFolder; c.params = params.clone();
            c.opacityCache = opacityCache;
            return c;
        }

        /** @param n levels @param top bar @param bottom bar @return this */
        public Builder setPressure(int n, double top, double bottom) { layers = n; topBar = top; bottomBar = bottom; return this; }
        /** @param low cm⁻¹ @param high cm⁻¹ @param step cm⁻¹ @return this */
        public Builder setWavenumbers(double low, double high, double step) { wnLow = low; wnHigh = high; wnStep = step; return this; }
        /** @param min K @param max K @return this */
        public Builder optTemperatureRange(double min, double max) { tMin = min; tMax = max; return this; }
        /** @param kelvin internal temperature @return this */
        public Builder optInternalTemperature(double kelvin) { tInt = kelvin; return this; }
        /** @param pressureBar refpress @param radiusKm refradius @param gravityCgs gsurf @return this */
        public Builder setPlanet(double pressureBar, double radiusKm, double gravityCgs) {
            refPressure = pressureBar; refRadiusKm = radiusKm; gravity = gravityCgs; return this;
        }
        /** @param radiusSolar rstar @param temperatureK tstar @param logg loggstar @param smaxisAu smaxis @return this */
        public Builder setStar(double radiusSolar, double temperatureK, double logg, double smaxisAu) {
            starRadius = radiusSolar; starTemperature = temperatureK; starLogg = logg; semiMajorAxis = smaxisAu; return this;
        }
        /** @param files ck04 FITS files (data-root relative); none for a blackbody @return this */
        public Builder optKurucz(List<String> files) { kurucz = new ArrayList<>(files); return this; }
        /** @param names species @param vmr base mixing ratios @param fitted molfit @return this */
        public Builder setComposition(List<String> names, double[] vmr, List<String> fitted) {
            species = new ArrayList<>(names); uniform = vmr.clone(); molfit = new ArrayList<>(fitted); return this;
        }
        /** @param species molecule @param file cross-section table @return this */
        public Builder addCrossSection(String species, String file) { xsec.put(species, file); return this; }
        /** @param list line list @return this */
        public Builder addLineList(LineList list) { lineLists.add(list); return this; }
        /** @param file HITRAN CIA file @return this */
        public Builder addCia(String file) { cia.add(file); return this; }
        /** @param anglesDeg zenith angles (BART rays) @return this */
        public Builder optAngles(double... anglesDeg) { angles = anglesDeg.clone(); gaussOrder = 0; return this; }
        /** @param order Gauss–Legendre order @return this */
        public Builder optGaussOrder(int order) { gaussOrder = order; return this; }
        /** @param tau optical-depth cut-off @return this */
        public Builder optTauCutoff(double tau) { tauCutoff = tau; return this; }
        /** @param photons photon-counting band weights @return this */
        public Builder optPhotonCounting(boolean photons) { photonCounting = photons; return this; }
        /** @param csv observations file @param filterDir folder of filter files (data-root relative) @return this */
        public Builder setObservations(Path csv, String filterDir) { observations = csv; filterFolder = filterDir; return this; }
        /** @param files one filter file per band (data-root relative) @return this */
        public Builder optFilters(List<String> files) { filters = new ArrayList<>(files); return this; }
        /** @param start start values of the free parameters @return this */
        public Builder optStartParameters(double... start) { params = start.clone(); return this; }

        /** @param folder line-by-line cache folder ({@code opacity_cache}); null for the default @return this */
        public Builder optOpacityCache(Path folder) { opacityCache = folder; return this; }

        /** @return the validated configuration */
        public RtConfig build() {
            check("n_layers", layers >= 2, layers);
            check("p_top", topBar > 0, topBar);
            check("p_bottom", bottomBar > topBar, bottomBar);
            check("wnlow", wnLow > 0, wnLow);
            check("wnhigh", wnHigh > wnLow, wnHigh);
            check("wndelt", wnStep > 0 && wnStep <= wnHigh - wnLow, wnStep);
            check("Tmin", tMin > 0, tMin);
            check("Tmax", tMax > tMin, tMax);
            check("tint", tInt > 0, tInt);
            check("refpress", refPressure >= topBar && refPressure <= bottomBar, refPressure);
            check("refradius", refRadiusKm > 0, refRadiusKm);
            check("gsurf", gravity > 0, gravity);
            check("rstar", starRadius > 0, starRadius);
            check("tstar", starTemperature > 0, starTemperature);
            check("smaxis", semiMajorAxis > 0, semiMajorAxis);
            check("loggstar", Double.isFinite(starLogg), starLogg);
            check("toomuch", tauCutoff > 0, tauCutoff);
            check("gauss_order", gaussOrder >= 0 && gaussOrder <= 64, gaussOrder);
            if (species.size() != uniform.length) {
                throw new ExoretException(ExoretException.Kind.CONFIGURATION, "key 'uniform' has " + uniform.length
                        + " values but 'species' lists " + species.size() + " species");
            }
            for (String m : molfit) {
                if (!species.contains(m)) {
                    throw new ExoretException(ExoretException.Kind.CONFIGURATION, "key 'molfit' names " + m
                            + ", which is not in 'species' " + species);
                }
            }
            if (params.length != 0 && params.length != 5 + molfit.size()) {
                throw new ExoretException(ExoretException.Kind.CONFIGURATION, "key 'params' has " + params.length
                        + " values; the model has " + (5 + molfit.size()) + " (5 temperature + one per molfit molecule)");
            }
            return new RtConfig(this);
        }

        private static void check(String key, boolean ok, double value) {
            if (!ok || Double.isNaN(value)) {
                throw new ExoretException(ExoretException.Kind.CONFIGURATION,
                        "key '" + key + "' is missing or invalid (value " + value + ")");
            }
        }
    }
}
