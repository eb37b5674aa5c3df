package org.exoret.mcmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** Moves on a hand-made context: geometry and Hastings factors. */
class MoveTest {

    /** A fixed archive and chain set. */
    private record Context(double[][] archive, double[][] chains) implements ProposalContext {
        @Override
        public int dimension() {
            return archive[0].length;
        }

        @Override
        public int chainCount() {
            return chains.length;
        }

        @Override
        public int archiveSize() {
            return archive.length;
        }

        @Override
        public double archive(int row, int j) {
            return archive[row][j];
        }

        @Override
        public double chainState(int chain, int j) {
            return chains[chain][j];
        }

        @Override
        public double parameterScale(int j) {
            return 1;
        }
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += (a[j] - b[j]) * (a[j] - b[j]);
        }
        return Math.sqrt(s);
    }

    @Test
    void snookerMovesAlongTheLineThroughZWithTheRightFactor() {
        // archive of three distinct points; whatever z is drawn, x* − x must be parallel to x − z and the log
        // factor must be (d−1)·ln(‖x*−z‖/‖x−z‖) (ter Braak & Vrugt 2008, eq. 4)
        double[][] archive = {{0, 0, 0}, {1, 2, 0}, {-1, 0, 3}};
        Context ctx = new Context(archive, new double[][] {{0.5, 0.5, 0.5}});
        ChainRandom rng = ChainRandom.streams(4, 1)[0];
        double[] x = {0.5, 0.5, 0.5};
        double[] p = new double[3];
        for (int trial = 0; trial < 50; trial++) {
            double logFactor = new SnookerMove().propose(ctx, 0, x, p, rng);
            boolean matched = false;
            for (double[] z : archive) {
                double[] dx = {p[0] - x[0], p[1] - x[1], p[2] - x[2]};
                double[] dz = {x[0] - z[0], x[1] - z[1], x[2] - z[2]};
                double[] cross = {dx[1] * dz[2] - dx[2] * dz[1], dx[2] * dz[0] - dx[0] * dz[2], dx[0] * dz[1] - dx[1] * dz[0]};
                double expected = 2 * Math.log(distance(p, z) / distance(x, z));
                if (Math.abs(cross[0]) + Math.abs(cross[1]) + Math.abs(cross[2]) < 1e-12 && Math.abs(expected - logFactor) < 1e-12) {
                    matched = true;
                }
            }
            assertEquals(true, matched, "proposal not on a line through an archive point with the snooker factor");
        }
    }

    @Test
    void chainDifferentialMoveUsesTwoOtherChains() {
        // chains at distinct powers of two: the jump γ(x_r1 − x_r2) identifies r1 and r2
        int n = 5;
        double[][] chains = new double[n][1];
        for (int c = 0; c < n; c++) {
            chains[c][0] = Math.pow(2, c);
        }
        Context ctx = new Context(new double[][] {{0}, {1}}, chains);
        ChainRandom rng = ChainRandom.streams(8, 1)[0];
        ChainDifferentialMove move = new ChainDifferentialMove(1, 1e-300);
        double gamma = 2.38 / Math.sqrt(2);
        int[] seen = new int[n];
        for (int trial = 0; trial < 400; trial++) {
            int i = trial % n;
            double[] p = new double[1];
            move.propose(ctx, i, chains[i], p, rng);
            double diff = (p[0] - chains[i][0]) / gamma;
            int r1 = -1;
            int r2 = -1;
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    if (a != b && Math.abs(chains[a][0] - chains[b][0] - diff) < 1e-9) {
                        r1 = a;
                        r2 = b;
                    }
                }
            }
            assertNotEquals(-1, r1, "jump is not a difference of two chains");
            assertNotEquals(i, r1);
            assertNotEquals(i, r2);
            seen[r1]++;
        }
        for (int c = 0; c < n; c++) {
            assertNotEquals(0, seen[c], "chain " + c + " never used");
        }
    }

    @Test
    void moveMixSelectsByWeight() {
        Move a = new DifferentialMove();
        Move b = new SnookerMove();
        MoveMix mix = new MoveMix(java.util.List.of(new MoveMix.Weighted(a, 3), new MoveMix.Weighted(b, 1)));
        assertEquals(a, mix.select(0.0));
        assertEquals(a, mix.select(0.7499));
        assertEquals(b, mix.select(0.75));
        assertEquals(b, mix.select(0.9999));
    }
}
