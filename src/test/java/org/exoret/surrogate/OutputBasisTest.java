package org.exoret.surrogate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.stat.correlation.Covariance;
import org.exoret.ExoretException;
import org.exoret.forward.BandProjection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The reduced output basis against a direct eigen-decomposition, exact reconstruction and the loss identity. */
class OutputBasisTest {

    static NDManager manager;

    @BeforeAll
    static void open() {
        manager = NDManager.newBaseManager(Device.cpu());
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    /** Rows with a decaying spectrum of variances: y = m + Σ_k a_k·0.5^k·v_k + small noise. */
    static float[][] rows(int n, int channels, int rank, double noise, long seed) {
        Random r = new Random(seed);
        double[][] directions = new double[rank][channels];
        for (double[] d : directions) {
            Arrays.setAll(d, j -> r.nextGaussian());
        }
        float[][] y = new float[n][channels];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < channels; j++) {
                y[i][j] = (float) (0.3 + 0.01 * j + noise * r.nextGaussian());
            }
            for (int k = 0; k < rank; k++) {
                double a = r.nextGaussian() * Math.pow(0.5, k);
                for (int j = 0; j < channels; j++) {
                    y[i][j] += (float) (a * directions[k][j]);
                }
            }
        }
        return y;
    }

    static OutputBasis fit(float[][] y, int count) {
        return OutputBasis.fit(count, y[0].length, y.length, (i, into) -> System.arraycopy(y[i], 0, into, 0,
                y[i].length), 7, manager);
    }

    static float[] flat(float[][] y) {
        float[] f = new float[y.length * y[0].length];
        for (int i = 0; i < y.length; i++) {
            System.arraycopy(y[i], 0, f, i * y[i].length, y[i].length);
        }
        return f;
    }

    @Test
    void eigenvaluesAndTruncationMatchADirectDecomposition() {
        float[][] y = rows(600, 30, 12, 0.01, 1);
        OutputBasis basis = fit(y, 5);
        double[][] data = new double[y.length][y[0].length];
        for (int i = 0; i < y.length; i++) {
            for (int j = 0; j < y[0].length; j++) {
                data[i][j] = y[i][j];
            }
        }
        // population covariance (divide by n), as the basis uses
        double[][] cov = new Covariance(data, false).getCovarianceMatrix().getData();
        double[] direct = new EigenDecomposition(new Array2DRowRealMatrix(cov)).getRealEigenvalues();
        Arrays.sort(direct);
        double total = Arrays.stream(direct).sum();
        double[] got = basis.eigenvalues();
        double captured = 0;
        for (int k = 0; k < 5; k++) {
            double expected = direct[direct.length - 1 - k];
            assertEquals(expected, got[k], 1e-9 * total, "eigenvalue " + k);
            captured += expected;
        }
        assertEquals((total - captured) / 30, basis.truncationMse(), 1e-9 * total);
    }

    @Test
    void spectraInsideTheBasisAreReconstructedExactly() {
        float[][] y = rows(400, 50, 6, 0, 2);
        OutputBasis basis = fit(y, 6);
        OutputBasis.Projection p = basis.project(flat(y), y.length, manager);
        double[] columnMean = new double[50];
        for (float[] row : y) {
            for (int j = 0; j < 50; j++) {
                columnMean[j] += row[j] / (double) y.length;
            }
        }
        for (int i = 0; i < y.length; i += 37) {
            // the residual is (|d|² − |c|²)/channels: d holds float32 differences and c comes from a float32 matrix
            // product whose summation order depends on the BLAS kernel, so |c|² may differ from |d|² by a relative
            // error of order channels × 2⁻²⁴; the bar allows twice that (a missing component would leave ~0.1)
            double meanSquare = 0;
            for (int j = 0; j < 50; j++) {
                double d = y[i][j] - columnMean[j];
                meanSquare += d * d / 50;
            }
            assertEquals(0, p.residuals()[i], 2 * 50 * 0x1p-24 * meanSquare, "residual of row " + i);
            assertTargetsGiveTheSpectrumBack(basis, p, y, i, 1e-4);
        }
    }

    /** A last layer with no weights and row {@code i}'s targets as bias must give the row's spectrum back. */
    static void assertTargetsGiveTheSpectrumBack(OutputBasis basis, OutputBasis.Projection p, float[][] y, int i,
                                                 double tolerance) {
        int count = basis.eigenvalues().length;
        float[][] layer = basis.merge(new float[count * 3], Arrays.copyOfRange(p.targets(), i * count, (i + 1) * count));
        for (int j = 0; j < y[i].length; j++) {
            assertEquals(y[i][j], layer[1][j], tolerance, "row " + i + " channel " + j);
        }
    }

    @Test
    void bandWeightedTargetsTurnTheMeanSquaredErrorIntoTheCombinedLoss() {
        int channels = 40;
        float[][] y = rows(500, channels, 10, 0.001, 3);
        // three top-hat bands of unit area over the grid, physical = 2·normalised + 5
        double[][] filters = new double[3][channels];
        for (int b = 0; b < 3; b++) {
            for (int j = 10 * b; j < 10 * b + 8; j++) {
                filters[b][j] = 1.0 / 8;
            }
        }
        double[] sigma = {0.01, 0.02, 0.05};
        double[] mean = new double[channels];
        double[] std = new double[channels];
        Arrays.fill(std, 1);
        double[] min = new double[channels];
        double[] max = new double[channels];
        Arrays.fill(min, -1);
        Arrays.fill(max, 1);
        AffineScaling out = new AffineScaling(new FeatureScaling(new boolean[channels], mean, std, min, max));
        double weight = 0.7;
        OutputBasis basis = fit(y, 8).bandWeighted(new BandProjection(filters), sigma, out, weight);
        Random r = new Random(4);
        float[] errorTargets = new float[8];
        for (int k = 0; k < 8; k++) {
            errorTargets[k] = (float) (0.1 * r.nextGaussian());
        }
        double targetMse = 0;
        for (float e : errorTargets) {
            targetMse += e * e / 8.0;
        }
        // the spectral error of a target error: the merged bias of a weightless layer, less the basis mean
        float[] zero = basis.merge(new float[8], new float[8])[1];
        float[] shifted = basis.merge(new float[8], errorTargets)[1];
        double spectral = 0;
        double[] band = new double[3];
        for (int j = 0; j < channels; j++) {
            double dy = shifted[j] - zero[j];
            spectral += dy * dy / channels;
            for (int b = 0; b < 3; b++) {
                band[b] += filters[b][j] * out.slope(j) * dy;
            }
        }
        double bandTerm = 0;
        for (int b = 0; b < 3; b++) {
            bandTerm += Math.pow(band[b] / sigma[b], 2) / 3;
        }
        assertEquals(targetMse, spectral + weight * bandTerm, 1e-5 * targetMse);
    }

    @Test
    void aBasisAsWideAsTheSpectrumIsARotationThatLosesNothing() {
        float[][] y = rows(200, 10, 3, 0.01, 5);
        OutputBasis basis = fit(y, 10);
        assertEquals(0, basis.truncationMse(), 1e-12);
        OutputBasis.Projection p = basis.project(flat(y), y.length, manager);
        for (int i = 0; i < y.length; i += 23) {
            assertTargetsGiveTheSpectrumBack(basis, p, y, i, 1e-5);
        }
    }

    @Test
    void refusesMoreComponentsThanChannels() {
        float[][] y = rows(20, 10, 3, 0.01, 5);
        ExoretException e = assertThrows(ExoretException.class, () -> fit(y, 11));
        assertEquals(ExoretException.Kind.INVALID_ARGUMENT, e.kind());
        assertTrue(e.getMessage().contains("at most the 10 channels"), e.getMessage());
    }
}
