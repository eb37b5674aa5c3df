package org.exoret.mcmc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.exoret.ExoretException;

/**
 * The synchronous population of chains and one iteration of it: every chain draws a move and proposes from
 * the states at the start of the iteration; proposals outside the prior support are rejected at once; the
 * rest form one batch for the log-likelihood; each chain then makes its Metropolis–Hastings test with its
 * own stream. Per-chain work depends only on the chain's stream and read-only shared state, so the result
 * does not depend on the number of worker threads. After the initial allocation an iteration allocates
 * nothing (single-threaded, with a target that overrides {@link LogDensity#logDensity(double[][], double[])}, and
 * without a joint constraint, whose check allocates the full vector).
 */
final class Population implements ProposalContext {

    final int dimension;
    final int chainCount;
    final int thinning;
    final int initialArchiveSize;
    private final ParameterSpace space;
    private final double[] scales;
    private final MoveMix moves;
    private final LogDensity likelihood;

    // chain state (saved in checkpoints)
    final double[][] state;
    final double[] logPosterior;
    final long[] accepted;
    final long[] evaluated;
    final long[][] outOfBounds;
    final double[][] best;
    final double[] bestLogPosterior;
    ChainRandom[] random;
    final Archive archive;
    long iteration;

    // per-iteration scratch
    private final double[][] proposal;
    private final double[] logHastings;
    private final double[] proposalLogPrior;
    private final int[] batchSlot;
    private final double[][][] batchViews;
    private final double[] batchLogLikelihood;

    Population(ParameterSpace space, int chainCount, int thinning, int initialArchiveSize, int archiveCapacity,
            MoveMix moves, LogDensity likelihood) {
        this.space = space;
        this.dimension = space.dimension();
        this.chainCount = chainCount;
        this.thinning = thinning;
        this.initialArchiveSize = initialArchiveSize;
        this.scales = space.scales();
        this.moves = moves;
        this.likelihood = likelihood;
        this.state = new double[chainCount][dimension];
        this.logPosterior = new double[chainCount];
        this.accepted = new long[chainCount];
        this.evaluated = new long[chainCount];
        this.outOfBounds = new long[chainCount][dimension];
        this.best = new double[chainCount][dimension];
        this.bestLogPosterior = new double[chainCount];
        this.archive = new Archive(dimension, archiveCapacity);
        this.proposal = new double[chainCount][dimension];
        this.logHastings = new double[chainCount];
        this.proposalLogPrior = new double[chainCount];
        this.batchSlot = new int[chainCount];
        this.batchViews = new double[chainCount + 1][][];
        for (int m = 0; m <= chainCount; m++) {
            batchViews[m] = new double[m][];
        }
        this.batchLogLikelihood = new double[chainCount];
    }

    /**
     * Seeds the archive with prior draws and sets the chain starts, evaluating them in one batch. A start drawn
     * from the prior that has zero likelihood is redrawn (as MC3 does); a user-given one is an error.
     *
     * @param init stream for the archive draws
     * @param starts explicit starts (chains × d) or null
     * @param initialPoint chain 0's start, or null
     */
    void initialise(ChainRandom init, double[][] starts, double[] initialPoint) {
        double[] draw = new double[dimension];
        for (int i = 0; i < initialArchiveSize; i++) {
            space.sample(init.provider(), draw);
            archive.append(draw, Double.NaN, -1);
        }
        boolean[] userGiven = new boolean[chainCount];
        for (int c = 0; c < chainCount; c++) {
            if (starts != null) {
                System.arraycopy(starts[c], 0, state[c], 0, dimension);
                userGiven[c] = true;
            } else if (c == 0 && initialPoint != null) {
                System.arraycopy(initialPoint, 0, state[c], 0, dimension);
                userGiven[c] = true;
            } else {
                for (int j = 0; j < dimension; j++) {
                    state[c][j] = archive.value(c, j);
                }
            }
        }
        final int maxRounds = 1000;
        List<Integer> pending = new ArrayList<>();
        for (int c = 0; c < chainCount; c++) {
            pending.add(c);
        }
        for (int round = 0; !pending.isEmpty(); round++) {
            if (round == maxRounds) {
                throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "after " + maxRounds
                        + " prior draws no start with non-zero likelihood was found for chains " + pending
                        + "; check the priors against the forward model's valid range");
            }
            double[][] batch = new double[pending.size()][];
            for (int k = 0; k < batch.length; k++) {
                batch[k] = state[pending.get(k)].clone();
            }
            double[] ll = checkedLogDensity(batch, batch.length);
            List<Integer> again = new ArrayList<>();
            for (int k = 0; k < batch.length; k++) {
                int c = pending.get(k);
                double lp = space.logPrior(state[c]) + ll[k];
                if (lp > Double.NEGATIVE_INFINITY) {
                    logPosterior[c] = lp;
                    if (!userGiven[c]) {
                        archive.set(c, state[c], lp);
                    }
                } else if (userGiven[c]) {
                    String why = space.admits(state[c]) ? "zero posterior density"
                            : "a value the joint constraint (" + space.supportDescription().orElseThrow() + ") refuses";
                    throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "the start point of chain " + c + ", "
                            + Arrays.toString(state[c]) + ", has " + why + "; start the chain elsewhere");
                } else {
                    space.sample(init.provider(), state[c]);
                    again.add(c);
                }
            }
            pending = again;
        }
        for (int c = 0; c < chainCount; c++) {
            System.arraycopy(state[c], 0, best[c], 0, dimension);
            bestLogPosterior[c] = logPosterior[c];
        }
    }

    /**
     * One synchronous iteration of all chains.
     *
     * @param executor worker pool, or null to run on the calling thread
     * @param blocks chain ranges per worker (ignored without executor)
     */
    void step(ExecutorService executor, int[][] blocks) {
        if (executor == null) {
            propose(0, chainCount);
        } else {
            runBlocks(executor, blocks, true);
        }
        int m = 0;
        for (int c = 0; c < chainCount; c++) {
            if (batchSlot[c] >= 0) {
                m++;
            }
        }
        double[][] batch = batchViews[m];
        int k = 0;
        for (int c = 0; c < chainCount; c++) {
            if (batchSlot[c] >= 0) {
                batchSlot[c] = k;
                batch[k++] = proposal[c];
            }
        }
        if (m > 0) {
            checkedLogDensity(batch, m);
        }
        if (executor == null) {
            accept(0, chainCount);
        } else {
            runBlocks(executor, blocks, false);
        }
        iteration++;
        if (iteration % thinning == 0) {
            for (int c = 0; c < chainCount; c++) {
                archive.append(state[c], logPosterior[c], c);
            }
        }
    }

    private void propose(int from, int to) {
        for (int c = from; c < to; c++) {
            ChainRandom rng = random[c];
            Move move = moves.select(rng.nextDouble());
            double[] p = proposal[c];
            logHastings[c] = move.propose(this, c, state[c], p, rng);
            boolean inside = true;
            double lp = 0;
            for (int j = 0; j < dimension; j++) {
                Prior prior = space.prior(j);
                if (prior.contains(p[j])) {
                    lp += prior.logDensity(p[j]);
                } else {
                    outOfBounds[c][j]++;
                    inside = false;
                }
            }
            proposalLogPrior[c] = lp;
            batchSlot[c] = inside ? 0 : -1;
        }
    }

    private void accept(int from, int to) {
        for (int c = from; c < to; c++) {
            if (batchSlot[c] < 0) {
                continue;
            }
            evaluated[c]++;
            double lpNew = proposalLogPrior[c] + batchLogLikelihood[batchSlot[c]];
            double logU = Math.log(random[c].nextDouble());
            // the joint constraint (an indicator prior) only for proposals that pass on everything else: exact,
            // since the current state is admitted, and a costly check stays off the rejected majority
            if (logU < lpNew - logPosterior[c] + logHastings[c] && space.admits(proposal[c])) {
                System.arraycopy(proposal[c], 0, state[c], 0, dimension);
                logPosterior[c] = lpNew;
                accepted[c]++;
                if (lpNew > bestLogPosterior[c]) {
                    bestLogPosterior[c] = lpNew;
                    System.arraycopy(proposal[c], 0, best[c], 0, dimension);
                }
            }
        }
    }

    private void runBlocks(ExecutorService executor, int[][] blocks, boolean proposePhase) {
        List<Callable<Void>> tasks = new ArrayList<>(blocks.length);
        for (int[] b : blocks) {
            tasks.add(() -> {
                if (proposePhase) {
                    propose(b[0], b[1]);
                } else {
                    accept(b[0], b[1]);
                }
                return null;
            });
        }
        try {
            for (Future<Void> f : executor.invokeAll(tasks)) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExoretException(ExoretException.Kind.ENGINE, "sampler interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new ExoretException(ExoretException.Kind.ENGINE, "sampler worker failed", e.getCause());
        }
    }

    /** Evaluates a batch into {@link #batchLogLikelihood} (or a fresh array for the start batch) and checks it. */
    private double[] checkedLogDensity(double[][] batch, int m) {
        double[] out = m <= batchLogLikelihood.length ? batchLogLikelihood : new double[m];
        int produced = likelihood.logDensity(batch, out);
        if (produced != m) {
            throw new ExoretException(ExoretException.Kind.MISMATCH,
                    "the log density returned " + produced + " values for a batch of " + m);
        }
        for (int k = 0; k < m; k++) {
            double v = out[k];
            if (Double.isNaN(v) || v == Double.POSITIVE_INFINITY) {
                throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "the log density is " + v + " at "
                        + Arrays.toString(batch[k]) + "; it must be finite or −∞ (zero density)");
            }
        }
        return out;
    }

    /** @return accepted proposals over all chains */
    long totalAccepted() {
        return Arrays.stream(accepted).sum();
    }

    /** @return evaluated proposals over all chains */
    long totalEvaluated() {
        return Arrays.stream(evaluated).sum();
    }

    /** @return the chain with the highest log posterior found (lowest index on ties) */
    int bestChain() {
        int b = 0;
        for (int c = 1; c < chainCount; c++) {
            if (bestLogPosterior[c] > bestLogPosterior[b]) {
                b = c;
            }
        }
        return b;
    }

    // ProposalContext

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public int chainCount() {
        return chainCount;
    }

    @Override
    public int archiveSize() {
        return archive.size();
    }

    @Override
    public double archive(int row, int j) {
        return archive.value(row, j);
    }

    @Override
    public double chainState(int chain, int j) {
        return state[chain][j];
    }

    @Override
    public double parameterScale(int j) {
        return scales[j];
    }
}
