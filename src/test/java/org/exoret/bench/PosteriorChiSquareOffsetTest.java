package org.exoret.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.exoret.dataset.Design;
import org.exoret.forward.ForwardModel;
import org.exoret.forward.ForwardResult;
import org.exoret.testmodel.GaussianLineModel;
import org.junit.jupiter.api.Test;

/** The χ² comparison at posterior draws against an exact offset. */
class PosteriorChiSquareOffsetTest {

    private static final GaussianLineModel RT = new GaussianLineModel(200);

    /** The model with every band depth raised by δ·σ_b: each band then adds 2δr_b + δ² to χ², r_b = (m_b − d_b)/σ_b. */
    private record Shifted(double delta, double[] sigma) implements ForwardModel {
        @Override
        public List<String> parameterNames() {
            return RT.parameterNames();
        }

        @Override
        public int bandCount() {
            return RT.bandCount();
        }

        @Override
        public double[] wavenumberPerCm() {
            return RT.wavenumberPerCm();
        }

        @Override
        public ForwardResult evaluate(double[][] theta) {
            ForwardResult r = RT.evaluate(theta);
            double[][] depth = new double[theta.length][];
            String[] reason = new String[theta.length];
            for (int i = 0; i < theta.length; i++) {
                reason[i] = r.rejection(i);
                if (r.accepted(i)) {
                    depth[i] = r.bandDepth(i).clone();
                    for (int b = 0; b < depth[i].length; b++) {
                        depth[i][b] += delta * sigma[b];
                    }
                }
            }
            return ForwardResult.of(depth, null, reason);
        }

        @Override
        public ForwardResult evaluateWithSpectra(double[][] theta) {
            throw new UnsupportedOperationException("band depths only");
        }
    }

    @Test
    void constantBandShiftGivesTheAnalyticOffset() {
        double[][] posterior = Design.SOBOL.points(GaussianLineModel.space(), 3, 0, 64);
        double[][] one = {{1300, 0.4, 0, 1.8}};
        double[] data = RT.evaluate(one).bandDepth(0);
        double[] sigma = new double[data.length];
        for (int b = 0; b < sigma.length; b++) {
            sigma[b] = 0.05 * Math.abs(data[b]) + 1e-6;
        }
        double[] same = SurrogateBenchmark.posteriorChiSquareOffset(RT, RT, data, sigma, posterior, 40);
        assertEquals(0.0, same[0], 0.0);
        assertEquals(0.0, same[1], 0.0);
        assertEquals(0.0, same[3], 0.0);

        double delta = 0.1;
        double[][] point = {{1250, 0.5, 20, 1.7}};
        double[][] repeated = {point[0], point[0], point[0]};
        double[] shifted = SurrogateBenchmark.posteriorChiSquareOffset(new Shifted(delta, sigma), RT, data, sigma,
                repeated, 40);
        assertEquals(delta, shifted[2], 1e-9, "every band is off by exactly 0.1σ");
        double[] model = RT.evaluate(point).bandDepth(0);
        double expected = 0;
        for (int b = 0; b < data.length; b++) {
            expected += 2 * delta * (model[b] - data[b]) / sigma[b] + delta * delta;
        }
        assertEquals(40, (int) shifted[4]);
        assertEquals(expected, shifted[0], 1e-6 * Math.abs(expected));
        assertEquals(0.0, shifted[1], 1e-9);
    }
}
