package org.exoret.atmosphere;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StreamSymmetryTest {

    private static final LineTemperatureProfile HD189733B = new LineTemperatureProfile(100.0,
            0.756 * Units.CM_PER_SOLAR_RADIUS_BART, 5000.0, 0.031 * Units.CM_PER_AU, 2189.7);
    private static final StreamSymmetry PROFILE = StreamSymmetry.in(LineTemperatureProfile.PARAMETERS).orElseThrow();

    @Test
    void mirrorImagesHaveTheSameTemperatureProfile() {
        double[] pressureBar = new double[60];
        for (int i = 0; i < pressureBar.length; i++) {
            pressureBar[i] = Math.pow(10, -6 + 8.0 * i / (pressureBar.length - 1));
        }
        for (double[] theta : new double[][] {{-1.3, -1.34, 0.61, 0.41, 0.97}, {0.4, 1.5, -0.9, 0.05, 1.2},
            {-3.0, 0.2, 0.2, 0.7, 0.8}}) {
            double[] image = new double[theta.length];
            PROFILE.mirror(theta, image);
            double[] t = new double[pressureBar.length];
            double[] tImage = new double[pressureBar.length];
            HD189733B.fill(theta, pressureBar, t);
            HD189733B.fill(image, pressureBar, tImage);
            for (int i = 0; i < t.length; i++) {
                // the two stream terms are added in the other order: equal to rounding
                assertEquals(t[i], tImage[i], t[i] * 1e-14, "level " + i);
            }
        }
    }

    @Test
    void mirrorIsAnInvolutionThatKeepsTheOtherParameters() {
        StreamSymmetry s = StreamSymmetry.in(List.of("log10_scale_H2O", "alpha", "log10_gamma2", "beta", "log10_gamma1"))
                .orElseThrow();
        double[] x = {2.5, 0.3, -0.4, 1.1, 1.2};
        double[] once = new double[5];
        double[] twice = new double[5];
        s.mirror(x, once);
        s.mirror(once, twice);
        assertArrayEquals(new double[] {2.5, 0.7, 1.2, 1.1, -0.4}, once, 1e-15);
        assertArrayEquals(x, twice, 1e-15);
    }

    @Test
    void absentWithoutBothStreams() {
        assertTrue(StreamSymmetry.in(List.of("log10_kappa", "log10_gamma1", "alpha", "beta")).isEmpty());
        assertTrue(StreamSymmetry.in(List.of("temperature")).isEmpty());
    }

    @Test
    void canonicalImageHasTheSmallerGamma1WhenItFitsTheBox() {
        double[] lower = {-5, -2.2, -1.43, 0, 0.5};
        double[] upper = {1, 2.2, 1.43, 1, 1.4};
        double[] canonical = {-1, -1.3, 0.6, 0.4, 1};
        assertSame(canonical, PROFILE.canonical(canonical, lower, upper));
        double[] image = new double[5];
        PROFILE.mirror(canonical, image);
        assertArrayEquals(canonical, PROFILE.canonical(image, lower, upper), 1e-15);
        // log10 gamma1 = 1.8 cannot become log10 gamma2 (at most 1.43): evaluated as it is
        double[] outside = {-1, 1.8, 0.6, 0.4, 1};
        assertSame(outside, PROFILE.canonical(outside, lower, upper));
    }
}
