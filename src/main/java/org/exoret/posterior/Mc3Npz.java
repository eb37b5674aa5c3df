package org.exoret.posterior;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exoret.ExoretException;
import org.exoret.io.NpyArray;
import org.exoret.io.Npz;

/**
 * Posterior files in the layout of MC3's {@code savefile} (Cubillos et al. 2017, Astronomical Journal 153, 3;
 * {@code mc3.sample} → {@code numpy.savez}), as read and written by BART and HOMER users. Keys:
 * <ul>
 *   <li>{@code posterior} (n × d float64): every stored draw Z, burn-in included. Older MC3 versions call it
 *       {@code Z}; both are read.</li>
 *   <li>{@code zchain} (n int): chain index of each draw; −1 marks MC3's initial archive draws, which are
 *       never part of the posterior ({@code Zchain} in older versions).</li>
 *   <li>{@code zmask} (int64): indices into {@code posterior} of the post-burn-in draws, grouped by chain
 *       ({@code mc3.utils.burn} with sort=True). When absent, {@code burnin} is applied.</li>
 *   <li>{@code burnin} (int scalar): burned draws per chain; {@code log_post} (n float64): log-posterior;</li>
 *   <li>{@code pnames}, {@code texnames} (Unicode): parameter names and figure labels (exoret writes plain
 *       text; LaTeX labels are converted to plain text on reading); {@code ifree} (int64): indices of the
 *       free parameters when {@code pnames} also lists fixed ones;</li>
 *   <li>{@code bestp}, {@code best_log_post}, {@code acceptance_rate} (percent), {@code meanp},
 *       {@code stdp}: best fit, its log-posterior, acceptance rate, mean and standard deviation of the
 *       post-burn-in draws; {@code CRlo}, {@code CRhi}: outer bounds of the 68.27 % HPD region minus
 *       {@code bestp}.</li>
 * </ul>
 * exoret adds {@code punits} (units per parameter), {@code rhat} and {@code ess} (R̂ and effective sample
 * size per parameter); Python ignores keys it does not ask for. Stateless and thread-safe.
 */
public final class Mc3Npz {

    private Mc3Npz() {
    }

    /**
     * Writes a posterior with no extras.
     *
     * @param file the {@code .npz} file (replaced)
     * @param posterior the draws
     */
    public static void write(Path file, Posterior posterior) {
        write(file, posterior, PosteriorExtras.none());
    }

    /**
     * Writes a posterior in MC3's layout.
     *
     * @param file the {@code .npz} file (replaced)
     * @param posterior all draws, burn-in included when {@code extras.burnIn() > 0}
     * @param extras run information; when it has no best fit, the maximum-log-posterior draw is used if known
     */
    public static void write(Path file, Posterior posterior, PosteriorExtras extras) {
        int n = posterior.sampleCount();
        int d = posterior.parameterCount();
        extras.requireParameterCount(d);
        int[] chain = posterior.chains();
        int[] kept = BurnIn.keptRows(chain, extras.burnIn());
        if (kept.length == 0) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT,
                    "a burn-in of " + extras.burnIn() + " draws per chain leaves no samples to write");
        }
        Map<String, NpyArray> out = new LinkedHashMap<>();
        out.put("posterior", NpyArray.ofMatrix(posterior.samples()));
        out.put("zchain", NpyArray.ofLongs(Arrays.stream(chain).asLongStream().toArray()));
        out.put("zmask", NpyArray.ofLongs(Arrays.stream(kept).asLongStream().toArray()));
        out.put("burnin", NpyArray.scalar((long) extras.burnIn()));
        double[] logPost = posterior.hasLogPosterior() ? posterior.logPosterior() : null;
        if (logPost != null) {
            out.put("log_post", NpyArray.ofDoubles(logPost));
        }
        out.put("pnames", NpyArray.ofStrings(posterior.names().toArray(new String[0])));
        out.put("texnames", NpyArray.ofStrings(posterior.labels().toArray(new String[0])));
        out.put("punits", NpyArray.ofStrings(posterior.units().toArray(new String[0])));
        out.put("ifree", NpyArray.ofLongs(java.util.stream.LongStream.range(0, d).toArray()));
        double[] bestp = extras.bestFit();
        double bestLogPost = extras.bestLogPosterior();
        if (bestp == null && logPost != null) {
            int best = 0;
            for (int i = 1; i < n; i++) {
                if (logPost[i] > logPost[best]) {
                    best = i;
                }
            }
            bestp = posterior.samples()[best];
            bestLogPost = logPost[best];
        }
        if (bestp != null) {
            out.put("bestp", NpyArray.ofDoubles(bestp));
            out.put("best_log_post", NpyArray.scalar(bestLogPost));
        }
        if (!Double.isNaN(extras.acceptanceRate())) {
            out.put("acceptance_rate", NpyArray.scalar(100.0 * extras.acceptanceRate()));
        }
        Posterior burned = posterior.select(kept);
        double[] mean = new double[d];
        double[] std = new double[d];
        for (int j = 0; j < d; j++) {
            double[] c = burned.column(j);
            mean[j] = Arrays.stream(c).average().orElseThrow();
            double m = mean[j];
            std[j] = Math.sqrt(Arrays.stream(c).map(v -> (v - m) * (v - m)).sum() / c.length);
        }
        out.put("meanp", NpyArray.ofDoubles(mean));
        out.put("stdp", NpyArray.ofDoubles(std));
        if (bestp != null && burned.sampleCount() >= 2) {
            // MC3: outer bounds of the 68.27 % HPD region, relative to the best fit.
            double[] crLo = new double[d];
            double[] crHi = new double[d];
            for (int j = 0; j < d; j++) {
                List<Interval> hpd = CredibleRegions.hpd(burned.column(j), CredibleRegions.SIGMA_LEVELS[0]).intervals();
                crLo[j] = hpd.get(0).lower() - bestp[j];
                crHi[j] = hpd.get(hpd.size() - 1).upper() - bestp[j];
            }
            out.put("CRlo", NpyArray.ofDoubles(crLo));
            out.put("CRhi", NpyArray.ofDoubles(crHi));
        }
        if (extras.rHat() != null) {
            out.put("rhat", NpyArray.ofDoubles(extras.rHat()));
        }
        if (extras.effectiveSampleSize() != null) {
            out.put("ess", NpyArray.ofDoubles(extras.effectiveSampleSize()));
        }
        Npz.write(file, out);
    }

    /**
     * Reads the post-burn-in draws of an MC3 (or exoret) {@code .npz} file.
     *
     * @param file the file
     * @return the posterior (draws selected by {@code zmask}, or by {@code burnin} when there is no mask)
     */
    public static Posterior read(Path file) {
        Map<String, NpyArray> npz = Npz.read(file);
        NpyArray zArray = first(npz, file, "posterior", "Z");
        double[][] z = zArray.toDoubleMatrix();
        int n = z.length;
        int d = zArray.shape()[1];
        int[] chain = toInts(first(npz, file, "zchain", "Zchain").toLongArray(), file, "zchain");
        requireLength(file, "zchain", chain.length, n);
        double[] logPost = null;
        if (npz.containsKey("log_post")) {
            logPost = npz.get("log_post").toDoubleArray();
            requireLength(file, "log_post", logPost.length, n);
        }
        int[] rows;
        if (npz.containsKey("zmask")) {
            int[] mask = toInts(npz.get("zmask").toLongArray(), file, "zmask");
            rows = Arrays.stream(mask).filter(i -> {
                if (i < 0 || i >= n) {
                    throw malformed(file, "zmask index " + i + " is outside the " + n + " stored draws");
                }
                return chain[i] >= 0;
            }).toArray();
        } else {
            rows = BurnIn.keptRows(chain, burnIn(npz));
        }
        if (rows.length == 0) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT,
                    file + ": no post-burn-in samples (zmask/burnin leave none)");
        }
        List<String> names = freeStrings(npz, file, "pnames", d);
        if (names == null) {
            names = new ArrayList<>();
            int width = String.valueOf(d).length();
            for (int j = 0; j < d; j++) {
                names.add(String.format("Param %0" + width + "d", j + 1));
            }
        }
        List<String> tex = freeStrings(npz, file, "texnames", d);
        List<String> labels = tex == null ? names : tex.stream().map(PlainLabels::fromLatex).toList();
        List<String> units = freeStrings(npz, file, "punits", d);
        if (units == null) {
            units = java.util.Collections.nCopies(d, "");
        }
        double[][] s = new double[rows.length][];
        int[] c = new int[rows.length];
        double[] lp = logPost == null ? null : new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            s[k] = z[rows[k]];
            c[k] = chain[rows[k]];
            if (lp != null) {
                lp[k] = logPost[rows[k]];
            }
        }
        return new Posterior(names, units, labels, s, c, lp);
    }

    /**
     * Reads the extras of an MC3 (or exoret) {@code .npz} file: best fit (free parameters), its log-posterior,
     * burn-in, acceptance rate (converted from percent), R̂ and ESS where present.
     *
     * @param file the file
     * @return the extras
     */
    public static PosteriorExtras readExtras(Path file) {
        Map<String, NpyArray> npz = Npz.read(file);
        int d = first(npz, file, "posterior", "Z").shape()[1];
        PosteriorExtras extras = PosteriorExtras.none().withBurnIn(burnIn(npz));
        if (npz.containsKey("bestp")) {
            double[] bestp = npz.get("bestp").toDoubleArray();
            if (bestp.length != d && npz.containsKey("ifree")) {
                long[] ifree = npz.get("ifree").toLongArray();
                bestp = Arrays.stream(ifree).mapToDouble(i -> npz.get("bestp").toDoubleArray()[(int) i]).toArray();
            }
            double best = npz.containsKey("best_log_post") ? npz.get("best_log_post").scalarDouble() : Double.NaN;
            extras = extras.withBestFit(bestp, best);
        }
        if (npz.containsKey("acceptance_rate")) {
            extras = extras.withAcceptanceRate(npz.get("acceptance_rate").scalarDouble() / 100.0);
        }
        if (npz.containsKey("rhat")) {
            extras = extras.withRHat(npz.get("rhat").toDoubleArray());
        }
        if (npz.containsKey("ess")) {
            extras = extras.withEffectiveSampleSize(npz.get("ess").toDoubleArray());
        }
        extras.requireParameterCount(d);
        return extras;
    }

    private static int burnIn(Map<String, NpyArray> npz) {
        return npz.containsKey("burnin") ? (int) npz.get("burnin").scalarLong() : 0;
    }

    /** Strings for the d free parameters: the array itself, or its {@code ifree} entries when it lists all. */
    private static List<String> freeStrings(Map<String, NpyArray> npz, Path file, String key, int d) {
        if (!npz.containsKey(key)) {
            return null;
        }
        String[] all = npz.get(key).toStringArray();
        if (all.length == d) {
            return List.of(all);
        }
        if (npz.containsKey("ifree")) {
            long[] ifree = npz.get("ifree").toLongArray();
            if (ifree.length == d && Arrays.stream(ifree).allMatch(i -> i >= 0 && i < all.length)) {
                return Arrays.stream(ifree).mapToObj(i -> all[(int) i]).toList();
            }
        }
        throw malformed(file, "'" + key + "' has " + all.length + " entries for " + d
                + " posterior columns, and no matching 'ifree' selects the free ones");
    }

    private static NpyArray first(Map<String, NpyArray> npz, Path file, String key, String oldKey) {
        NpyArray a = npz.containsKey(key) ? npz.get(key) : npz.get(oldKey);
        if (a == null) {
            throw malformed(file, "no '" + key + "' (or '" + oldKey + "') array; keys present: " + npz.keySet());
        }
        if (key.equals("posterior") && a.ndim() != 2) {
            throw malformed(file, "'" + key + "' must be two-dimensional (draws × parameters), got shape "
                    + Arrays.toString(a.shape()));
        }
        return a;
    }

    private static int[] toInts(long[] values, Path file, String key) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] < Integer.MIN_VALUE || values[i] > Integer.MAX_VALUE) {
                throw malformed(file, "'" + key + "' value " + values[i] + " is out of range");
            }
            out[i] = (int) values[i];
        }
        return out;
    }

    private static void requireLength(Path file, String key, int length, int n) {
        if (length != n) {
            throw malformed(file, "'" + key + "' has " + length + " entries for " + n + " draws in 'posterior'");
        }
    }

    private static ExoretException malformed(Path file, String problem) {
        return new ExoretException(ExoretException.Kind.MALFORMED_FILE, file + ": " + problem);
    }
}
