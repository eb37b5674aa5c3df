package org.exoret.mcmc;

import org.exoret.ExoretException;

/**
 * The DE-MCz differential move of ter Braak &amp; Vrugt (2008, Statistics and Computing 18, 435–446):
 * x* = x + γ (z_R1 − z_R2) + e, with z_R1 ≠ z_R2 drawn uniformly without replacement from the archive Z,
 * γ = f · 2.38/√(2d), and a small jitter e_j ~ N(0, (ε·s_j)²) that keeps the chain ergodic (s_j the j-th
 * parameter's prior width). Symmetric: log Hastings factor 0. As MC3's "snooker" sampler (Cubillos et al.
 * 2017, AJ 153, 3), whose DE step it matches with fgamma = f.
 *
 * @param gammaFactor f, scales γ (1 for the optimal scaling of a Gaussian target)
 * @param jitter ε, jitter standard deviation relative to the prior width; positive
 */
public record DifferentialMove(double gammaFactor, double jitter) implements Move {

    /** The default relative jitter ε. */
    public static final double DEFAULT_JITTER = 1e-5;

    /** Validates the factors. */
    public DifferentialMove {
        ExoretException.requirePositive("differential move gamma factor", gammaFactor);
        ExoretException.requirePositive("differential move jitter", jitter);
    }

    /** The default move: f = 1, ε = 1e-5. */
    public DifferentialMove() {
        this(1.0, DEFAULT_JITTER);
    }

    @Override
    public double propose(ProposalContext context, int chain, double[] current, double[] proposal, ChainRandom rng) {
        int d = context.dimension();
        int m = context.archiveSize();
        int r1 = rng.nextInt(m);
        int r2 = rng.nextInt(m - 1);
        if (r2 >= r1) {
            r2++;
        }
        double gamma = gammaFactor * 2.38 / Math.sqrt(2.0 * d);
        for (int j = 0; j < d; j++) {
            proposal[j] = current[j] + gamma * (context.archive(r1, j) - context.archive(r2, j))
                    + jitter * context.parameterScale(j) * rng.nextGaussian();
        }
        return 0.0;
    }
}
