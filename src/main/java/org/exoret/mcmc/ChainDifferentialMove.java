package org.exoret.mcmc;

import org.exoret.ExoretException;

/**
 * The plain DE-MC move of ter Braak (2006, Statistics and Computing 16, 239–249), MC3's "demc" sampler:
 * x*_i = x_i + γ (x_R1 − x_R2) + e, with R1 ≠ R2 ≠ i drawn from the other chains' current states,
 * γ = f · 2.38/√(2d) and jitter e_j ~ N(0, (ε·s_j)²). Symmetric. Needs at least three chains.
 *
 * @param gammaFactor f, scales γ
 * @param jitter ε, jitter standard deviation relative to the prior width; positive
 */
public record ChainDifferentialMove(double gammaFactor, double jitter) implements Move {

    /** Validates the factors. */
    public ChainDifferentialMove {
        ExoretException.requirePositive("chain differential move gamma factor", gammaFactor);
        ExoretException.requirePositive("chain differential move jitter", jitter);
    }

    /** The default move: f = 1, ε = 1e-5. */
    public ChainDifferentialMove() {
        this(1.0, DifferentialMove.DEFAULT_JITTER);
    }

    @Override
    public double propose(ProposalContext context, int chain, double[] current, double[] proposal, ChainRandom rng) {
        int d = context.dimension();
        int n = context.chainCount();
        // r1 uniform over the n − 1 other chains, r2 over the n − 2 chains that are neither i nor r1
        int r1 = rng.nextInt(n - 1);
        if (r1 >= chain) {
            r1++;
        }
        int r2 = rng.nextInt(n - 2);
        int lo = Math.min(chain, r1);
        int hi = Math.max(chain, r1);
        if (r2 >= lo) {
            r2++;
        }
        if (r2 >= hi) {
            r2++;
        }
        double gamma = gammaFactor * 2.38 / Math.sqrt(2.0 * d);
        for (int j = 0; j < d; j++) {
            proposal[j] = current[j] + gamma * (context.chainState(r1, j) - context.chainState(r2, j))
                    + jitter * context.parameterScale(j) * rng.nextGaussian();
        }
        return 0.0;
    }

    @Override
    public int minimumChains() {
        return 3;
    }
}
