package org.exoret.mcmc;

import java.util.ArrayList;
import java.util.List;
import org.exoret.forward.ForwardModel;
import org.exoret.forward.ForwardResult;

/**
 * Shared target distributions with closed-form answers for sampler tests and the benchmark.
 */
final class TestProblems {

    private TestProblems() {
    }

    /** Wide flat priors for targets that carry their own density. */
    static ParameterSpace flatSpace(int d, double halfWidth) {
        List<Parameter> ps = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            ps.add(Parameter.of("x" + j, new Prior.Uniform(-halfWidth, halfWidth)));
        }
        return new ParameterSpace(ps);
    }

    /**
     * Haario, Saksman &amp; Tamminen (2001, Bernoulli 7, 223) "banana": y = (x₁, x₂ + b(x₁² − 100), x₃, …) is
     * N(0, diag(100, 1, 1, …)). Hence E[x] = 0, Var x₁ = 100, Var x₂ = 1 + 2·10⁴·b².
     */
    record Banana(int dimension, double b) implements LogDensity {
        double twisted(double x1, double x2) {
            return x2 + b * (x1 * x1 - 100);
        }

        @Override
        public double[] logDensity(double[][] x) {
            double[] out = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                double[] v = x[i];
                double y2 = twisted(v[0], v[1]);
                double s = v[0] * v[0] / 100 + y2 * y2;
                for (int j = 2; j < dimension; j++) {
                    s += v[j] * v[j];
                }
                out[i] = -0.5 * s;
            }
            return out;
        }
    }

    /** Equal mixture of N(−μe₁, I) and N(+μe₁, I) in d dimensions. */
    record TwoModes(int dimension, double mu) implements LogDensity {
        @Override
        public double[] logDensity(double[][] x) {
            double[] out = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                double rest = 0;
                for (int j = 1; j < dimension; j++) {
                    rest += x[i][j] * x[i][j];
                }
                double a = -0.5 * (x[i][0] - mu) * (x[i][0] - mu);
                double b = -0.5 * (x[i][0] + mu) * (x[i][0] + mu);
                double m = Math.max(a, b);
                out[i] = m + Math.log(Math.exp(a - m) + Math.exp(b - m)) - 0.5 * rest;
            }
            return out;
        }
    }

    /**
     * A linear "forward model" depth_b = Σ_j design[b][j]·θ_j, with optional rejection of rows whose first
     * parameter exceeds a limit and an optional wrong output length (to test error handling).
     */
    static final class LinearModel implements ForwardModel {
        private final List<String> names;
        private final double[][] design;
        private final double rejectAbove;
        private final int reportedLength;

        LinearModel(List<String> names, double[][] design, double rejectAbove, int reportedLength) {
            this.names = List.copyOf(names);
            this.design = design;
            this.rejectAbove = rejectAbove;
            this.reportedLength = reportedLength;
        }

        LinearModel(List<String> names, double[][] design) {
            this(names, design, Double.POSITIVE_INFINITY, design.length);
        }

        @Override
        public List<String> parameterNames() {
            return names;
        }

        @Override
        public int bandCount() {
            return design.length;
        }

        @Override
        public double[] wavenumberPerCm() {
            return new double[0];
        }

        @Override
        public ForwardResult evaluate(double[][] theta) {
            double[][] depth = new double[theta.length][];
            String[] reason = new String[theta.length];
            for (int i = 0; i < theta.length; i++) {
                if (theta[i][0] > rejectAbove) {
                    reason[i] = "first parameter above " + rejectAbove;
                    continue;
                }
                depth[i] = new double[reportedLength];
                for (int b = 0; b < Math.min(reportedLength, design.length); b++) {
                    double s = 0;
                    for (int j = 0; j < theta[i].length; j++) {
                        s += design[b][j] * theta[i][j];
                    }
                    depth[i][b] = s;
                }
            }
            return ForwardResult.of(depth, null, reason);
        }

        @Override
        public ForwardResult evaluateWithSpectra(double[][] theta) {
            return evaluate(theta);
        }
    }

    /** Mean of a column. */
    static double mean(double[][] samples, int j) {
        double s = 0;
        for (double[] row : samples) {
            s += row[j];
        }
        return s / samples.length;
    }

    /** Sample covariance of two columns. */
    static double covariance(double[][] samples, int i, int j) {
        double mi = mean(samples, i);
        double mj = mean(samples, j);
        double s = 0;
        for (double[] row : samples) {
            s += (row[i] - mi) * (row[j] - mj);
        }
        return s / (samples.length - 1);
    }
}
