package org.exoret.posterior;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.rng.simple.RandomSource;
import org.exoret.ExoretException;
import org.junit.jupiter.api.Test;

class CredibleRegionsTest {

    @Test
    void hpdOfAGaussianIsMeanPlusMinusZSigma() {
        double mu = 3;
        double sigma = 2;
        double[] x = Samples.normal(21, 200_000, mu, sigma);
        List<CredibleRegion> r = CredibleRegions.hpd(x, CredibleRegions.SIGMA_LEVELS);
        // KDE smoothing widens by √(1 + (h/σ)²) − 1 ≈ 0.4 %; sampling scatter of a quantile ≈ 0.005σ.
        double[] tolerance = {0.02 * sigma, 0.03 * sigma, 0.08 * sigma};
        for (int k = 0; k < 3; k++) {
            assertEquals(1, r.get(k).intervals().size(), r.get(k).toString());
            Interval i = r.get(k).intervals().get(0);
            assertEquals(mu - (k + 1) * sigma, i.lower(), tolerance[k], "lower bound of level " + k);
            assertEquals(mu + (k + 1) * sigma, i.upper(), tolerance[k], "upper bound of level " + k);
        }
        Interval central = CredibleRegions.central(x, CredibleRegions.SIGMA_LEVELS[0]);
        assertEquals(mu - sigma, central.lower(), 0.02 * sigma);
        assertEquals(mu + sigma, central.upper(), 0.02 * sigma);
        assertEquals(mu, CredibleRegions.median(x), 0.01 * sigma);
    }

    @Test
    void bimodalMixtureGivesTwoIntervals() {
        // Equal mixture of N(−4, 1) and N(4, 1): the 68.27 % and 95.45 % HPD regions are two intervals around ±4.
        var z = Samples.gaussian(31);
        var u = RandomSource.XO_RO_SHI_RO_128_PP.create(32);
        double[] x = new double[100_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = (u.nextBoolean() ? 4 : -4) + z.sample();
        }
        for (int k = 0; k < 2; k++) {
            CredibleRegion r = CredibleRegions.hpd(x, CredibleRegions.SIGMA_LEVELS[k]);
            assertEquals(2, r.intervals().size(), r.toString());
            Interval left = r.intervals().get(0);
            Interval right = r.intervals().get(1);
            assertEquals(-4, (left.lower() + left.upper()) / 2, 0.05);
            assertEquals(4, (right.lower() + right.upper()) / 2, 0.05);
            assertEquals(left.width(), right.width(), 0.1);
            assertTrue(left.upper() < 0 && right.lower() > 0);
        }
        // Each mode holds half the mass, so the 68.27 % region of each is ±1σ' around its mode, where the kernel
        // estimate of N(±4, 1) with bandwidth h is N(±4, 1 + h²) (one global bandwidth oversmooths narrow modes).
        double h = CredibleRegions.Density.bandwidth(x);
        assertEquals(2 * Math.sqrt(1 + h * h), CredibleRegions.hpd(x, CredibleRegions.SIGMA_LEVELS[0])
                .intervals().get(0).width(), 0.03);
    }

    @Test
    void summaryTablesListEveryParameter() {
        Posterior p = PosteriorFilesTest.twoChains();
        List<MarginalSummary> s = Summaries.of(p);
        String text = Summaries.toText(s);
        String csv = Summaries.toCsv(s);
        String md = Summaries.toMarkdown(s);
        for (String name : p.names()) {
            assertTrue(text.contains(name) && csv.contains(name) && md.contains("| " + name + " |"), name);
        }
        assertEquals(p.parameterCount() + 1, csv.split("\n").length);
        assertTrue(md.startsWith("| parameter | unit | median"), md);
    }

    @Test
    void badInputIsRefused() {
        assertThrows(ExoretException.class, () -> CredibleRegions.hpd(new double[] {1}, 0.5));
        assertThrows(ExoretException.class, () -> CredibleRegions.hpd(new double[] {1, 2, 3}, 1.0));
        assertThrows(ExoretException.class, () -> new Interval(2, 1));
    }
}
