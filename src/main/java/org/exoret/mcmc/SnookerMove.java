package org.exoret.mcmc;

import org.exoret.ExoretException;

/**
 * The snooker update of ter Braak &amp; Vrugt (2008, Statistics and Computing 18, 435–446, §2.2), as in MC3's
 * "snooker" sampler (Cubillos et al. 2017, AJ 153, 3): draw z from the archive, project the difference of two
 * other archived states z_R1, z_R2 onto the line through x and z, and jump along that line,
 * x* = x + γ_s ((z_R1 − z_R2)·(x − z)) (x − z)/‖x − z‖², with γ_s ~ U(γ_min, γ_max). The log Hastings factor is
 * (d − 1) ln(‖x* − z‖/‖x − z‖).
 *
 * <p>When z equals x the line is undefined; MC3 then makes an unprojected jump whose acceptance factor is
 * ill-defined. Here the proposal is x itself (a null move), which keeps detailed balance exact.
 *
 * @param gammaMin lower end of the γ_s interval (ter Braak &amp; Vrugt: 1.2)
 * @param gammaMax upper end of the γ_s interval (ter Braak &amp; Vrugt: 2.2)
 */
public record SnookerMove(double gammaMin, double gammaMax) implements Move {

    /** Validates the interval. */
    public SnookerMove {
        ExoretException.requirePositive("snooker gamma minimum", gammaMin);
        ExoretException.requirePositive("snooker gamma maximum", gammaMax);
        if (gammaMax < gammaMin) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT,
                    "snooker gamma interval is empty: [" + gammaMin + ", " + gammaMax + "]");
        }
    }

    /** The published move: γ_s ~ U(1.2, 2.2). */
    public SnookerMove() {
        this(1.2, 2.2);
    }

    @Override
    public double propose(ProposalContext context, int chain, double[] current, double[] proposal, ChainRandom rng) {
        int d = context.dimension();
        int m = context.archiveSize();
        int iz = rng.nextInt(m);
        int r1 = rng.nextInt(m);
        int r2 = rng.nextInt(m - 1);
        if (r2 >= r1) {
            r2++;
        }
        double gamma = rng.nextDouble(gammaMin, gammaMax);
        double norm2 = 0;
        double dot = 0;
        for (int j = 0; j < d; j++) {
            double dz = current[j] - context.archive(iz, j);
            norm2 += dz * dz;
            dot += (context.archive(r1, j) - context.archive(r2, j)) * dz;
        }
        if (norm2 == 0) {
            System.arraycopy(current, 0, proposal, 0, d);
            return 0.0;
        }
        double step = gamma * dot / norm2;
        double newNorm2 = 0;
        for (int j = 0; j < d; j++) {
            double z = context.archive(iz, j);
            double dz = current[j] - z;
            proposal[j] = current[j] + step * dz;
            double dn = proposal[j] - z;
            newNorm2 += dn * dn;
        }
        return 0.5 * (d - 1) * Math.log(newNorm2 / norm2);
    }
}
