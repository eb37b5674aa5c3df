package org.exoret.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DesignTest {

    private static final ParameterSpace BOX = new ParameterSpace(List.of("a", "b", "c"), List.of("", "K", "dex"),
            new double[] {0, 500, -3}, new double[] {1, 3000, 1});

    /** The box designs; the kernel-density design has its own test (KernelDensityDesignTest). */
    @ParameterizedTest
    @EnumSource(value = Design.class, names = {"UNIFORM", "SOBOL"})
    void pointIsAPureFunctionOfSeedAndIndex(Design design) {
        double[][] all = design.points(BOX, 11, 0, 40);
        double[][] tail = design.points(BOX, 11, 25, 15);
        for (int i = 0; i < 15; i++) {
            assertArrayEquals(all[25 + i], tail[i], 0.0, "sample " + (25 + i));
        }
        assertFalse(Arrays.equals(all[3], design.points(BOX, 12, 3, 1)[0]), "another seed gives another design");
        for (double[] x : all) {
            for (int k = 0; k < 3; k++) {
                assertTrue(x[k] >= BOX.lower()[k] && x[k] <= BOX.upper()[k]);
            }
        }
    }

    @Test
    void uniformMarginalsPassKolmogorovSmirnov() {
        double[][] x = Design.UNIFORM.points(BOX, 3, 0, 4000);
        for (int k = 0; k < 3; k++) {
            final int col = k;
            double[] v = Arrays.stream(x).mapToDouble(r -> r[col]).toArray();
            double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(
                    new UniformRealDistribution(BOX.lower()[k], BOX.upper()[k]), v);
            assertTrue(p > 1e-3, "KS p-value of column " + k + " is " + p);
        }
    }

    @Test
    void shiftedSobolStaysStratified() {
        // The first 2^m Sobol points put exactly one point in each 1/2^m interval of every coordinate
        // (a (0, m, 1)-net per coordinate; Joe & Kuo 2008, SIAM J. Sci. Comput. 30, 2635); a shift modulo 1
        // moves the intervals, so any interval of width 1/16 then holds 256/16 = 16 ± 1 of 256 points.
        double[][] x = Design.SOBOL.points(BOX, 5, 0, 256);
        for (int k = 0; k < 3; k++) {
            int[] count = new int[16];
            for (double[] r : x) {
                double u = (r[k] - BOX.lower()[k]) / (BOX.upper()[k] - BOX.lower()[k]);
                count[Math.min(15, (int) (u * 16))]++;
            }
            for (int c : count) {
                assertTrue(Math.abs(c - 16) <= 1, "coordinate " + k + " bin counts " + Arrays.toString(count));
            }
        }
    }

    @Test
    void parsesNames() {
        assertEquals(Design.SOBOL, Design.parse(" Sobol "));
        assertEquals(org.exoret.ExoretException.Kind.INVALID_ARGUMENT,
                org.junit.jupiter.api.Assertions.assertThrows(org.exoret.ExoretException.class,
                        () -> Design.parse("latin")).kind());
        assertEquals(Design.KERNEL_DENSITY, Design.parse("kernel_density"));
        assertEquals(org.exoret.ExoretException.Kind.INVALID_ARGUMENT,
                org.junit.jupiter.api.Assertions.assertThrows(org.exoret.ExoretException.class,
                        () -> Design.KERNEL_DENSITY.points(BOX, 1, 0, 3)).kind(), "it needs its samples");
    }
}
