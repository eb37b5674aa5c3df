package org.exoret.retrieval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.exoret.ExoretException;
import org.exoret.atmosphere.LineTemperatureProfile;
import org.exoret.atmosphere.StreamSymmetry;
import org.exoret.config.IniFile;
import org.exoret.mcmc.ChainDifferentialMove;
import org.exoret.mcmc.DifferentialMove;
import org.exoret.mcmc.InvolutionMove;
import org.exoret.mcmc.MoveMix;
import org.exoret.mcmc.Parameter;
import org.exoret.mcmc.ParameterSpace;
import org.exoret.mcmc.Prior;
import org.exoret.rt.Observations;
import org.exoret.rt.RtConfig;

/**
 * An immutable retrieval set-up read from a BART-style INI file with three sections:
 * <ul>
 *   <li>{@code [retrieval]}: {@code model} ({@code rt} or {@code surrogate}), {@code bundle}, {@code rtconfig},
 *       {@code output}, {@code reference}, {@code device};</li>
 *   <li>{@code [MCMC]}: BART/MC3 keys {@code params}, {@code pmin}, {@code pmax}, {@code stepsize}, {@code prior},
 *       {@code priorlow}, {@code priorup}, {@code numit}, {@code nchains}, {@code burnin}, {@code thinning},
 *       {@code walk}, {@code data}, {@code uncert}, plus {@code seed}, {@code checkpoint_every}, {@code rhat_stop};</li>
 *   <li>{@code [rt]}: the radiative-transfer set-up ({@link RtConfig}), inline or in the file named by {@code rtconfig}.</li>
 * </ul>
 * Unknown keys are refused with file, section, key and line. Relative paths are relative to the file that names them.
 * Every key is documented in {@code docs/configuration.md}.
 */
public final class RetrievalConfig {

    /** Keys of the {@code [retrieval]} section. */
    public static final Set<String> RETRIEVAL_KEYS = Set.of("model", "bundle", "rtconfig", "output", "reference",
            "device", "name", "rt_check");
    /** Keys of the {@code [MCMC]} section. */
    public static final Set<String> MCMC_KEYS = Set.of("params", "pmin", "pmax", "stepsize", "prior", "priorlow",
            "priorup", "numit", "nchains", "burnin", "thinning", "walk", "data", "uncert", "seed", "checkpoint_every",
            "rhat_stop", "rhat_min_samples", "threads", "fgamma", "fepsilon", "mode_jump", "stream_swap", "temperature");

    private final Path file;
    private final String name;
    private final ForwardModelKind model;
    private final Path bundle;
    private final RtConfig rt;
    private final Path output;
    private final Path reference;
    private final String device;
    private final int rtCheckDraws;
    private final ParameterSpace parameters;
    private final double[] data;
    private final double[] uncertainty;
    private final double[] bandWavelengthUm;
    private final List<String> bandIds;
    private final long iterationsTotal;
    private final int chains;
    private final int burnIn;
    private final int thinning;
    private final double gammaFactor;
    private final double jitter;
    private final double modeJump;
    private final double streamSwap;
    private final StreamSymmetry freeStreamSymmetry;
    private final double temperature;
    private final String walk;
    private final long seed;
    private final int checkpointEvery;
    private final double rhatStop;
    private final int rhatMinSamples;
    private final int threads;

    private RetrievalConfig(Path file, IniFile.Section retrieval, IniFile.Section mcmc, RtConfig rt) {
        this.file = file;
        Path base = file.toAbsolutePath().getParent();
        this.name = retrieval.string("name", stem(file));
        this.model = ForwardModelKind.parse(retrieval.string("model"));
        this.bundle = retrieval.has("bundle") ? base.resolve(retrieval.string("bundle")).normalize() : null;
        if (model == ForwardModelKind.SURROGATE && bundle == null) {
            throw retrieval.error("bundle", "is required when model = surrogate (a folder written by 'exoret train')");
        }
        this.rt = rt;
        this.output = base.resolve(retrieval.string("output", "../target/retrievals/" + name)).normalize();
        this.reference = retrieval.has("reference") ? base.resolve(retrieval.string("reference")).normalize() : null;
        this.device = retrieval.string("device", "cpu").toLowerCase(Locale.ROOT);
        if (!device.equals("cpu") && !device.equals("gpu")) {
            throw retrieval.error("device", "must be 'cpu' or 'gpu', got '" + device + "'");
        }
        this.rtCheckDraws = retrieval.integer("rt_check", 0);
        if (rtCheckDraws < 0) {
            throw retrieval.error("rt_check", "must be a number of posterior draws ≥ 0 (0: no RT check), got "
                    + rtCheckDraws);
        }
        if (rtCheckDraws > 0 && model != ForwardModelKind.SURROGATE) {
            throw retrieval.error("rt_check", "checks a surrogate posterior against the RT; this retrieval already "
                    + "uses model = " + model.name().toLowerCase(Locale.ROOT) + ". Remove the key");
        }

        List<String> names = new ArrayList<>(LineTemperatureProfile.PARAMETERS);
        rt.molfit().forEach(m -> names.add("log10_scale_" + m));
        this.parameters = parameterSpace(mcmc, names);

        if (rt.observations() == null) {
            throw new ExoretException(ExoretException.Kind.CONFIGURATION,
                    "the [rt] set-up of " + file + " has no 'observations' table; it gives band ids, wavelengths and data");
        }
        Observations obs = Observations.read(rt.observations());
        this.bandIds = obs.bandIds();
        this.bandWavelengthUm = obs.bands().stream().mapToDouble(Observations.Band::wavelengthUm).toArray();
        this.data = mcmc.has("data") ? mcmc.numbers("data") : obs.depth();
        this.uncertainty = mcmc.has("uncert") ? mcmc.numbers("uncert") : obs.uncertainty();
        if (data.length != bandIds.size() || uncertainty.length != bandIds.size()) {
            throw mcmc.error(mcmc.has("data") ? "data" : "uncert", data.length + " data and " + uncertainty.length
                    + " uncertainties for " + bandIds.size() + " filters/bands of " + rt.observations()
                    + "; give one value per band");
        }
        for (int b = 0; b < uncertainty.length; b++) {
            if (!(uncertainty[b] > 0) || !Double.isFinite(data[b])) {
                throw mcmc.error("uncert", "band " + bandIds.get(b) + " has data " + data[b] + " ± " + uncertainty[b]
                        + "; data must be finite and uncertainties positive");
            }
        }

        this.chains = mcmc.integer("nchains", 10);
        this.iterationsTotal = (long) mcmc.number("numit");
        this.burnIn = mcmc.integer("burnin", 0);
        this.thinning = mcmc.integer("thinning", 1);
        if (iterationsTotal / Math.max(chains, 1) <= burnIn) {
            throw mcmc.error("numit", "numit = " + iterationsTotal + " over " + chains
                    + " chains leaves no iteration after burnin = " + burnIn + " (numit counts all chains, as in MC3)");
        }
        this.walk = mcmc.string("walk", "snooker").toLowerCase(Locale.ROOT);
        if (!walk.equals("snooker") && !walk.equals("demc")) {
            throw mcmc.error("walk", "must be 'snooker' (DEMC-zs) or 'demc', got '" + walk + "'");
        }
        this.gammaFactor = mcmc.number("fgamma", 1.0);
        this.jitter = mcmc.number("fepsilon", DifferentialMove.DEFAULT_JITTER);
        this.modeJump = mcmc.number("mode_jump", 0.0);
        if (!(gammaFactor > 0) || !Double.isFinite(gammaFactor)) {
            throw mcmc.error("fgamma", "must be a positive number (1 for γ = 2.38/√(2d)), got " + gammaFactor);
        }
        if (!(jitter > 0) || !Double.isFinite(jitter)) {
            throw mcmc.error("fepsilon", "must be a positive jitter relative to the prior width, got " + jitter);
        }
        if (!(modeJump >= 0 && modeJump < 1)) {
            throw mcmc.error("mode_jump", "must be a probability in [0, 1), got " + modeJump);
        }
        this.streamSwap = mcmc.number("stream_swap", 0.0);
        if (!(streamSwap >= 0 && streamSwap < 1) || modeJump + streamSwap >= 1) {
            throw mcmc.error("stream_swap", "must be a probability in [0, 1) that leaves room for the other moves "
                    + "(mode_jump + stream_swap < 1), got " + streamSwap);
        }
        this.freeStreamSymmetry = StreamSymmetry.in(parameters.freeNames()).orElse(null);
        if (streamSwap > 0 && freeStreamSymmetry == null) {
            throw mcmc.error("stream_swap", "exchanges the two streams of the line temperature profile, which needs "
                    + "log10_gamma1, log10_gamma2 and alpha among the free parameters; free here: "
                    + parameters.freeNames() + ". Set stream_swap = 0 or free those parameters");
        }
        this.temperature = mcmc.number("temperature", 1.0);
        if (!(temperature >= 1) || !Double.isFinite(temperature)) {
            throw mcmc.error("temperature", "must be a finite number ≥ 1 (1 samples the posterior), got " + temperature);
        }
        if (temperature != 1 && reference != null) {
            throw mcmc.error("temperature", "a tempered run (temperature = " + temperature + ") samples prior × L^(1/T), "
                    + "not the posterior, so it cannot be compared with the reference posterior; remove 'reference' "
                    + "from [retrieval] or set temperature = 1");
        }
        if (temperature != 1 && rtCheckDraws > 0) {
            throw mcmc.error("temperature", "a tempered run (temperature = " + temperature + ") does not sample the "
                    + "posterior that rt_check reweights; remove rt_check from [retrieval] or set temperature = 1");
        }
        this.seed = (long) mcmc.number("seed", 1);
        this.checkpointEvery = mcmc.integer("checkpoint_every", 0);
        this.rhatStop = mcmc.number("rhat_stop", Double.NaN);
        this.rhatMinSamples = mcmc.integer("rhat_min_samples", 1000);
        this.threads = mcmc.integer("threads", 1);
    }

    private static String stem(Path file) {
        String f = file.getFileName().toString();
        int dot = f.lastIndexOf('.');
        return dot > 0 ? f.substring(0, dot) : f;
    }

    /** MC3's conventions: stepsize 0 fixes a parameter; prior/priorlow/priorup > 0 make a Gaussian prior. */
    private static ParameterSpace parameterSpace(IniFile.Section mcmc, List<String> names) {
        int d = names.size();
        double[] start = checkedLength(mcmc, "params", d);
        double[] pmin = checkedLength(mcmc, "pmin", d);
        double[] pmax = checkedLength(mcmc, "pmax", d);
        double[] step = mcmc.has("stepsize") ? checkedLength(mcmc, "stepsize", d) : filled(d, 1);
        double[] prior = mcmc.has("prior") ? checkedLength(mcmc, "prior", d) : filled(d, 0);
        double[] low = mcmc.has("priorlow") ? checkedLength(mcmc, "priorlow", d) : filled(d, 0);
        double[] up = mcmc.has("priorup") ? checkedLength(mcmc, "priorup", d) : filled(d, 0);
        List<Parameter> list = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            String n = names.get(j);
            if (!(pmin[j] < pmax[j])) {
                throw mcmc.error("pmin", "parameter " + n + " has pmin = " + pmin[j] + " not below pmax = " + pmax[j]);
            }
            if (!(start[j] >= pmin[j] && start[j] <= pmax[j])) {
                throw mcmc.error("params", "parameter " + n + " starts at " + start[j] + ", outside [" + pmin[j] + ", "
                        + pmax[j] + "]");
            }
            if (step[j] < 0) {
                throw mcmc.error("stepsize", "parameter " + n + ": shared (negative) step sizes are not supported");
            }
            Prior p;
            if (step[j] == 0) {
                p = new Prior.Fixed(start[j]);
            } else if (low[j] > 0 || up[j] > 0) {
                if (low[j] != up[j]) {
                    throw mcmc.error("priorlow", "parameter " + n + ": asymmetric Gaussian priors (priorlow " + low[j]
                            + " ≠ priorup " + up[j] + ") are not supported");
                }
                p = new Prior.Gaussian(prior[j], low[j], pmin[j], pmax[j]);
            } else {
                p = new Prior.Uniform(pmin[j], pmax[j]);
            }
            ParameterLabels.Label label = ParameterLabels.of(n);
            list.add(new Parameter(n, label.unit(), label.text(), p, OptionalDouble.of(start[j])));
        }
        return new ParameterSpace(list);
    }

    private static double[] checkedLength(IniFile.Section s, String key, int d) {
        double[] v = s.numbers(key);
        if (v.length != d) {
            throw s.error(key, "has " + v.length + " values, the model has " + d + " parameters");
        }
        return v;
    }

    private static double[] filled(int n, double value) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, value);
        return a;
    }

    /**
     * Reads a retrieval configuration.
     *
     * @param file the INI file
     * @return the configuration
     */
    public static RetrievalConfig read(Path file) {
        return of(IniFile.read(file));
    }

    /**
     * A retrieval configuration from an INI file already parsed, e.g. one whose text was edited in memory; relative
     * paths resolve against {@link IniFile#file()}'s folder.
     *
     * @param ini the parsed file
     * @return the configuration
     */
    public static RetrievalConfig of(IniFile ini) {
        Path file = ini.file();
        for (String section : ini.sectionNames()) {
            if (!Set.of("retrieval", "MCMC", "rt").contains(section)) {
                throw new ExoretException(ExoretException.Kind.CONFIGURATION, "unknown section [" + section + "] in "
                        + file + "; expected [retrieval], [MCMC] and [rt] (or rtconfig)");
            }
        }
        for (String required : List.of("retrieval", "MCMC")) {
            if (!ini.hasSection(required)) {
                throw new ExoretException(ExoretException.Kind.CONFIGURATION, file + " has no [" + required + "] section");
            }
        }
        IniFile.Section retrieval = ini.section("retrieval");
        retrieval.refuseUnknown(RETRIEVAL_KEYS);
        IniFile.Section mcmc = ini.section("MCMC");
        mcmc.refuseUnknown(MCMC_KEYS);
        RtConfig rt;
        if (ini.hasSection("rt")) {
            if (retrieval.has("rtconfig")) {
                throw retrieval.error("rtconfig", "give the RT set-up either inline as [rt] or with rtconfig, not both");
            }
            rt = RtConfig.fromIni(ini, "rt");
        } else if (retrieval.has("rtconfig")) {
            Path rtFile = file.toAbsolutePath().getParent().resolve(retrieval.string("rtconfig")).normalize();
            rt = RtConfig.fromIni(IniFile.read(rtFile), "rt");
        } else {
            throw retrieval.error("rtconfig", "is required when the file has no [rt] section");
        }
        return new RetrievalConfig(file, retrieval, mcmc, rt);
    }

    /** @return the file this was read from */
    public Path file() {
        return file;
    }

    /** @return the retrieval's name (key {@code name}, default the file name) */
    public String name() {
        return name;
    }

    /** @return which forward model to use */
    public ForwardModelKind model() {
        return model;
    }

    /** @return the surrogate bundle folder, when {@code model = surrogate} */
    public Optional<Path> bundle() {
        return Optional.ofNullable(bundle);
    }

    /** @return the radiative-transfer set-up (grids, planet, star, molecules, passbands) */
    public RtConfig rt() {
        return rt;
    }

    /** @return the output folder */
    public Path output() {
        return output;
    }

    /**
     * @return how many posterior draws of a surrogate retrieval the RT evaluates afterwards, to measure the
     *     surrogate's χ² error there and correct the posterior by importance weights ({@link RtReweighting}); 0 for
     *     none (key {@code rt_check})
     */
    public int rtCheckDraws() {
        return rtCheckDraws;
    }

    /** @return a posterior (CSV or .npz) to compare against, if configured */
    public Optional<Path> reference() {
        return Optional.ofNullable(reference);
    }

    /** @return {@code cpu} or {@code gpu} */
    public String device() {
        return device;
    }

    /** @return parameters with priors and start values, in the forward model's order */
    public ParameterSpace parameters() {
        return parameters;
    }

    /** @return observed band depths (a copy) */
    public double[] data() {
        return data.clone();
    }

    /** @return 1σ uncertainties of the band depths (a copy) */
    public double[] uncertainty() {
        return uncertainty.clone();
    }

    /** @return transmission-weighted band centres, µm (a copy) */
    public double[] bandWavelengthUm() {
        return bandWavelengthUm.clone();
    }

    /** @return band ids in data order */
    public List<String> bandIds() {
        return bandIds;
    }

    /** @return the number of chains */
    public int chains() {
        return chains;
    }

    /** @return iterations per chain including burn-in: {@code numit / nchains}, as MC3 counts */
    public int iterationsPerChain() {
        return (int) (iterationsTotal / chains);
    }

    /** @return burn-in iterations per chain */
    public int burnIn() {
        return burnIn;
    }

    /** @return thinning factor */
    public int thinning() {
        return thinning;
    }

    /** @return the master seed */
    public long seed() {
        return seed;
    }

    /** @return checkpoint period in iterations (0: at the end and on interrupt only) */
    public int checkpointEvery() {
        return checkpointEvery;
    }

    /** @return R̂ early-stop threshold, NaN for none */
    public double rhatStop() {
        return rhatStop;
    }

    /** @return fewest post-burn-in samples per chain before the R̂ stop may trigger */
    public int rhatMinSamples() {
        return rhatMinSamples;
    }

    /**
     * @return the likelihood temperature T ≥ 1 (key {@code temperature}): the sampler draws from prior × L^(1/T);
     *     1, the default, is the posterior
     */
    public double temperature() {
        return temperature;
    }

    /** @return sampler worker threads */
    public int threads() {
        return threads;
    }

    /**
     * @return the move mix named by {@code walk} (snooker = DEMC-zs with snooker updates, demc = plain DE-MC), with
     *     {@code fgamma} and {@code fepsilon}, and with differential steps of γ = 1 (mode jumps, {@link MoveMix#with})
     *     in a fraction {@code mode_jump} of proposals, and exchanges of the two streams of the temperature profile
     *     ({@link StreamSymmetry}, an {@link InvolutionMove}) in a fraction {@code stream_swap}
     */
    public MoveMix moves() {
        boolean demc = walk.equals("demc");
        MoveMix mix = demc ? MoveMix.of(new ChainDifferentialMove(gammaFactor, jitter))
                : MoveMix.snooker(gammaFactor, jitter);
        if (modeJump > 0) {
            double unitGamma = Math.sqrt(2.0 * parameters.dimension()) / 2.38;
            // the stream exchange added next scales this fraction by (1 - stream_swap); pre-compensate
            mix = mix.with(demc ? new ChainDifferentialMove(unitGamma, jitter) : new DifferentialMove(unitGamma, jitter),
                    modeJump / (1 - streamSwap));
        }
        if (streamSwap > 0) {
            mix = mix.with(new InvolutionMove("exchange of the two streams (log10_gamma1, log10_gamma2, alpha) -> "
                    + "(log10_gamma2, log10_gamma1, 1 - alpha)", freeStreamSymmetry::mirror), streamSwap);
        }
        return mix;
    }

    /** @return the {@code walk} setting */
    public String walk() {
        return walk;
    }
}
