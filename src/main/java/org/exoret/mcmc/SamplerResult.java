package org.exoret.mcmc;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.exoret.posterior.Mc3Npz;
import org.exoret.posterior.Posterior;
import org.exoret.posterior.PosteriorCsv;
import org.exoret.posterior.PosteriorExtras;
import org.exoret.mcmc.convergence.GelmanRubin;
import org.exoret.mcmc.convergence.RankNormalized;

/**
 * The outcome of a {@link Sampler} run: the archived chain states (MC3's Z without its prior draws) with chain
 * index and log posterior, the burn-in, the best fit, the acceptance rate and per-parameter convergence
 * diagnostics. Samples are stored in archive order: one row per chain per archiving step, chains in order.
 * The posterior is what follows each chain's first ⌊burnIn/thinning⌋ archived samples (MC3's convention).
 * Immutable; accessors return copies.
 */
public final class SamplerResult {

    /** Why the run ended. */
    public enum StopReason {
        /** All requested iterations ran. */
        COMPLETED,
        /** Every R̂ fell below the configured threshold. */
        CONVERGED,
        /** {@link Sampler#cancel()} or a JVM shutdown stopped the run; a checkpoint was written when configured. */
        CANCELLED
    }

    private final List<Parameter> parameters;
    private final StopReason stopReason;
    private final int iterations;
    private final int firstIteration;
    private final int chains;
    private final int thinning;
    private final int burnIn;
    private final int burnInSamplesPerChain;
    private final double[][] allSamples;
    private final int[] allChain;
    private final double[] allLogPosterior;
    private final double[] bestFit;
    private final double bestLogPosterior;
    private final long proposals;
    private final long accepted;
    private final long evaluations;
    private final long[] outOfBounds;
    private final double[] gelmanRubin;
    private final double[] splitRhat;
    private final double[] essBulk;
    private final double[] essTail;

    private SamplerResult(SamplerConfig config, Population pop, StopReason reason, int firstIteration) {
        this.parameters = config.parameters().freeParameters();
        this.stopReason = reason;
        this.iterations = (int) pop.iteration;
        this.firstIteration = firstIteration;
        this.chains = pop.chainCount;
        this.thinning = pop.thinning;
        this.burnIn = config.burnIn();
        this.burnInSamplesPerChain = config.burnIn() / pop.thinning;
        int d = pop.dimension;
        int m0 = pop.initialArchiveSize;
        int rows = pop.archive.size() - m0;
        this.allSamples = new double[rows][d];
        this.allChain = new int[rows];
        this.allLogPosterior = new double[rows];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < d; j++) {
                allSamples[r][j] = pop.archive.value(m0 + r, j);
            }
            allChain[r] = pop.archive.chain(m0 + r);
            allLogPosterior[r] = pop.archive.logPosterior(m0 + r);
        }
        int b = pop.bestChain();
        this.bestFit = pop.best[b].clone();
        this.bestLogPosterior = pop.bestLogPosterior[b];
        this.proposals = (long) pop.chainCount * pop.iteration;
        this.accepted = pop.totalAccepted();
        this.evaluations = pop.totalEvaluated();
        this.outOfBounds = new long[d];
        for (long[] perChain : pop.outOfBounds) {
            for (int j = 0; j < d; j++) {
                outOfBounds[j] += perChain[j];
            }
        }
        this.gelmanRubin = new double[d];
        this.splitRhat = new double[d];
        this.essBulk = new double[d];
        this.essTail = new double[d];
        Arrays.fill(gelmanRubin, Double.NaN);
        Arrays.fill(splitRhat, Double.NaN);
        Arrays.fill(essBulk, Double.NaN);
        Arrays.fill(essTail, Double.NaN);
        int kept = keptPerChain(config, pop);
        double[][][] byParameter = kept >= GelmanRubin.MIN_DRAWS ? chainsByParameter(config, pop) : null;
        for (int j = 0; j < d && byParameter != null; j++) {
            gelmanRubin[j] = GelmanRubin.psrf(byParameter[j]);
            if (kept >= RankNormalized.MIN_DRAWS) {
                splitRhat[j] = RankNormalized.splitRhat(byParameter[j]);
                essBulk[j] = RankNormalized.essBulk(byParameter[j]);
                essTail[j] = RankNormalized.essTail(byParameter[j]);
            }
        }
    }

    static SamplerResult of(SamplerConfig config, Population pop, StopReason reason, int firstIteration) {
        return new SamplerResult(config, pop, reason, firstIteration);
    }

    /** Post-burn-in archived samples per chain. */
    static int keptPerChain(SamplerConfig config, Population pop) {
        int steps = (pop.archive.size() - pop.initialArchiveSize) / pop.chainCount;
        return Math.max(0, steps - config.burnIn() / pop.thinning);
    }

    /** Post-burn-in samples as [parameter][chain][draw]. */
    static double[][][] chainsByParameter(SamplerConfig config, Population pop) {
        int kept = keptPerChain(config, pop);
        int n = pop.chainCount;
        int first = pop.initialArchiveSize + n * (config.burnIn() / pop.thinning);
        double[][][] out = new double[pop.dimension][n][kept];
        for (int s = 0; s < kept; s++) {
            for (int c = 0; c < n; c++) {
                int row = first + s * n + c;
                for (int j = 0; j < pop.dimension; j++) {
                    out[j][c][s] = pop.archive.value(row, j);
                }
            }
        }
        return out;
    }

    /** @return the free parameters, in column order */
    public List<Parameter> parameters() {
        return parameters;
    }

    /** @return why the run ended */
    public StopReason stopReason() {
        return stopReason;
    }

    /** @return iterations per chain done */
    public int iterations() {
        return iterations;
    }

    /** @return iterations per chain run by the call that returned this result: all of them, or those after the
     *     checkpoint it resumed from */
    public int iterationsThisRun() {
        return iterations - firstIteration;
    }

    /** @return the number of chains */
    public int chains() {
        return chains;
    }

    /** @return K, iterations between archived samples */
    public int thinning() {
        return thinning;
    }

    /** @return burn-in iterations per chain */
    public int burnIn() {
        return burnIn;
    }

    /** @return archived samples per chain discarded as burn-in, ⌊burnIn/thinning⌋ (MC3's "burnin" output) */
    public int burnInSamplesPerChain() {
        return burnInSamplesPerChain;
    }

    /** @return every archived chain state, burn-in included (rows × d, archive order) */
    public double[][] allSamples() {
        return copy(allSamples, 0, allSamples.length);
    }

    /** @return the chain of each row of {@link #allSamples()} */
    public int[] allChainIndex() {
        return allChain.clone();
    }

    /** @return the log posterior of each row of {@link #allSamples()} */
    public double[] allLogPosterior() {
        return allLogPosterior.clone();
    }

    /** @return for each row of {@link #allSamples()}, whether it is a posterior sample (past the burn-in) */
    public boolean[] posteriorMask() {
        boolean[] mask = new boolean[allSamples.length];
        for (int r = chains * burnInSamplesPerChain; r < mask.length; r++) {
            mask[r] = true;
        }
        return mask;
    }

    /** @return the posterior samples (post burn-in, thinned; rows × d, archive order) */
    public double[][] samples() {
        return copy(allSamples, firstPosteriorRow(), allSamples.length);
    }

    /** @return the chain of each posterior sample */
    public int[] chainIndex() {
        return Arrays.copyOfRange(allChain, firstPosteriorRow(), allChain.length);
    }

    /** @return the log posterior of each posterior sample */
    public double[] logPosterior() {
        return Arrays.copyOfRange(allLogPosterior, firstPosteriorRow(), allLogPosterior.length);
    }

    /**
     * @param j free-parameter index
     * @return that parameter's posterior samples as chains × draws
     */
    public double[][] chainsOf(int j) {
        int kept = (allSamples.length - firstPosteriorRow()) / chains;
        double[][] out = new double[chains][kept];
        for (int s = 0; s < kept; s++) {
            for (int c = 0; c < chains; c++) {
                out[c][s] = allSamples[firstPosteriorRow() + s * chains + c][j];
            }
        }
        return out;
    }

    private int firstPosteriorRow() {
        return Math.min(allSamples.length, chains * burnInSamplesPerChain);
    }

    /** @return the free-parameter vector with the highest log posterior visited (a copy) */
    public double[] bestFit() {
        return bestFit.clone();
    }

    /** @return the highest log posterior visited (MC3 convention: −½χ² + log prior) */
    public double bestLogPosterior() {
        return bestLogPosterior;
    }

    /** @return accepted / proposed over all chains and iterations, burn-in included (MC3 reports it in %) */
    public double acceptanceRate() {
        return proposals == 0 ? Double.NaN : accepted / (double) proposals;
    }

    /** @return proposals made (chains × iterations) */
    public long proposals() {
        return proposals;
    }

    /** @return log-likelihood evaluations (rows passed to the target), excluding out-of-prior proposals */
    public long evaluations() {
        return evaluations;
    }

    /** @return per parameter, how many proposals fell outside its prior (MC3's "out-of-bound trials") */
    public long[] outOfBounds() {
        return outOfBounds.clone();
    }

    /** @return per parameter, the Gelman–Rubin R̂ as MC3 reports it (NaN with fewer than 2 samples per chain) */
    public double[] gelmanRubin() {
        return gelmanRubin.clone();
    }

    /** @return per parameter, rank-normalised split-R̂ (Vehtari et al. 2021; NaN with fewer than 8 per chain) */
    public double[] splitRhat() {
        return splitRhat.clone();
    }

    /** @return per parameter, bulk effective sample size (Vehtari et al. 2021; NaN with fewer than 8 per chain) */
    public double[] essBulk() {
        return essBulk.clone();
    }

    /** @return per parameter, tail effective sample size (Vehtari et al. 2021; NaN with fewer than 8 per chain) */
    public double[] essTail() {
        return essTail.clone();
    }

    /** @return the posterior samples (post burn-in) with chain index and log posterior, names, units and labels */
    public Posterior posterior() {
        int first = firstPosteriorRow();
        return new Posterior(names(), parameters.stream().map(Parameter::unit).toList(),
                parameters.stream().map(Parameter::label).toList(), samples(), chainIndex(),
                Arrays.copyOfRange(allLogPosterior, first, allLogPosterior.length));
    }

    /** @return every archived chain state, burn-in included, as MC3 stores its Z array (see {@link #extras()}) */
    public Posterior allDraws() {
        return new Posterior(names(), parameters.stream().map(Parameter::unit).toList(),
                parameters.stream().map(Parameter::label).toList(), allSamples, allChain, allLogPosterior);
    }

    /**
     * @return the run information for the posterior files: best fit and its log posterior, burn-in in archived
     *     samples per chain, acceptance rate, Gelman–Rubin R̂ (MC3's) and bulk ESS per parameter
     */
    public PosteriorExtras extras() {
        return new PosteriorExtras(bestFit, bestLogPosterior, burnInSamplesPerChain, acceptanceRate(), gelmanRubin, essBulk);
    }

    /**
     * Writes the post-burn-in samples as CSV ({@link PosteriorCsv}) with the run information.
     *
     * @param file the CSV file (replaced)
     */
    public void writeCsv(Path file) {
        PosteriorCsv.write(file, posterior(), extras().withBurnIn(0));
    }

    /**
     * Writes every archived sample with the burn-in mask in MC3's {@code .npz} layout ({@link Mc3Npz}).
     *
     * @param file the {@code .npz} file (replaced)
     */
    public void writeNpz(Path file) {
        Mc3Npz.write(file, allDraws(), extras());
    }

    private List<String> names() {
        return parameters.stream().map(Parameter::name).toList();
    }

    private static double[][] copy(double[][] a, int from, int to) {
        double[][] c = new double[to - from][];
        for (int i = from; i < to; i++) {
            c[i - from] = a[i].clone();
        }
        return c;
    }

    @Override
    public String toString() {
        return "SamplerResult[" + stopReason + ", " + iterations + " iterations × " + chains + " chains, acceptance "
                + String.format("%.3f", acceptanceRate()) + ", R̂ " + Arrays.toString(gelmanRubin) + "]";
    }
}
