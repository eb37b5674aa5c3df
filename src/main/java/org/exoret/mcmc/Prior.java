package org.exoret.mcmc;

import org.apache.commons.math3.special.Erf;
import org.apache.commons.rng.UniformRandomProvider;
import org.exoret.ExoretException;

/**
 * The prior of one model parameter. Log densities follow MC3's convention (Cubillos et al. 2017, AJ 153, 3):
 * they are given up to an additive constant, a uniform prior contributes 0 inside its bounds and −∞ outside,
 * a Gaussian prior contributes −½((x−μ)/σ)². Priors are immutable and hold no random generator; draws take one.
 */
public sealed interface Prior permits Prior.Uniform, Prior.Gaussian, Prior.Fixed {

    /**
     * @param x parameter value
     * @return log prior density up to a constant; −∞ outside the support
     */
    double logDensity(double x);

    /**
     * @param x parameter value
     * @return whether x lies inside the support (bounds inclusive)
     */
    boolean contains(double x);

    /**
     * Draws one value.
     *
     * @param rng the generator to use
     * @return a value distributed as the prior
     */
    double sample(UniformRandomProvider rng);

    /** @return a typical width of the prior (uniform: max − min, Gaussian: σ, fixed: 0), in parameter units */
    double scale();

    /**
     * A flat prior on [min, max].
     *
     * @param min lower bound, finite
     * @param max upper bound, finite, greater than min
     */
    record Uniform(double min, double max) implements Prior {
        /** Validates the bounds. */
        public Uniform {
            ExoretException.requireFinite("uniform prior minimum", min);
            ExoretException.requireFinite("uniform prior maximum", max);
            if (!(min < max)) {
                throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT,
                        "uniform prior needs min < max, got min = " + min + ", max = " + max);
            }
        }

        @Override
        public double logDensity(double x) {
            return contains(x) ? 0.0 : Double.NEGATIVE_INFINITY;
        }

        @Override
        public boolean contains(double x) {
            return x >= min && x <= max;
        }

        @Override
        public double sample(UniformRandomProvider rng) {
            return min + (max - min) * rng.nextDouble();
        }

        @Override
        public double scale() {
            return max - min;
        }
    }

    /**
     * A Gaussian prior N(mean, sigma²), optionally truncated to [min, max] (use ±∞ for no bound).
     *
     * @param mean centre, finite
     * @param sigma standard deviation, finite and positive
     * @param min lower bound (may be −∞)
     * @param max upper bound (may be +∞), greater than min
     */
    record Gaussian(double mean, double sigma, double min, double max) implements Prior {
        /** Validates mean, width and bounds. */
        public Gaussian {
            ExoretException.requireFinite("Gaussian prior mean", mean);
            ExoretException.requirePositive("Gaussian prior sigma", sigma);
            if (Double.isNaN(min) || Double.isNaN(max) || !(min < max)) {
                throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT,
                        "Gaussian prior bounds need min < max, got min = " + min + ", max = " + max);
            }
            if (!(cdf(max, mean, sigma) > cdf(min, mean, sigma))) {
                throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "Gaussian prior N(" + mean + ", " + sigma
                        + "²) has no numerical mass inside [" + min + ", " + max + "]; move the bounds or the mean");
            }
        }

        /**
         * An untruncated Gaussian prior.
         *
         * @param mean centre
         * @param sigma standard deviation
         */
        public Gaussian(double mean, double sigma) {
            this(mean, sigma, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        }

        @Override
        public double logDensity(double x) {
            if (!contains(x)) {
                return Double.NEGATIVE_INFINITY;
            }
            double u = (x - mean) / sigma;
            return -0.5 * u * u;
        }

        @Override
        public boolean contains(double x) {
            return x >= min && x <= max;
        }

        /** Inverse-CDF draw restricted to [Φ(min), Φ(max)], so truncation costs no rejections. */
        @Override
        public double sample(UniformRandomProvider rng) {
            double lo = cdf(min, mean, sigma);
            double hi = cdf(max, mean, sigma);
            double p = lo + (hi - lo) * rng.nextDouble();
            double x = mean + sigma * Math.sqrt(2) * Erf.erfInv(2 * p - 1);
            // p rounding to 0 or 1 (probability ~1e-16) gives ±∞; erfInv's tail rounding can step past a bound
            return Double.isFinite(x) ? Math.min(max, Math.max(min, x)) : Math.min(max, Math.max(min, mean));
        }

        private static double cdf(double x, double mean, double sigma) {
            if (x == Double.NEGATIVE_INFINITY) {
                return 0;
            }
            if (x == Double.POSITIVE_INFINITY) {
                return 1;
            }
            return 0.5 * Erf.erfc(-(x - mean) / (sigma * Math.sqrt(2)));
        }

        @Override
        public double scale() {
            return sigma;
        }
    }

    /**
     * A parameter held at one value; it is not sampled.
     *
     * @param value the value, finite
     */
    record Fixed(double value) implements Prior {
        /** Validates the value. */
        public Fixed {
            ExoretException.requireFinite("fixed parameter value", value);
        }

        @Override
        public double logDensity(double x) {
            return x == value ? 0.0 : Double.NEGATIVE_INFINITY;
        }

        @Override
        public boolean contains(double x) {
            return x == value;
        }

        @Override
        public double sample(UniformRandomProvider rng) {
            return value;
        }

        @Override
        public double scale() {
            return 0;
        }
    }
}
