package org.exoret.mcmc;

import org.apache.commons.rng.JumpableUniformRandomProvider;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.RandomProviderDefaultState;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The random stream of one chain: a XoRoShiRo128++ generator (Commons RNG) and a ziggurat Gaussian sampler on
 * it (McFarland 2016; it keeps no cached deviates, so the generator state is the whole stream state). Streams
 * for a run come from one master seed by successive jumps of 2⁶⁴ outputs, so they never overlap. Not
 * thread-safe: each chain's stream is used by one thread at a time.
 */
public final class ChainRandom {

    private static final RandomSource SOURCE = RandomSource.XO_RO_SHI_RO_128_PP;

    private final RestorableUniformRandomProvider rng;
    private final ContinuousSampler gaussian;

    private ChainRandom(UniformRandomProvider rng) {
        this.rng = (RestorableUniformRandomProvider) rng;
        this.gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
    }

    /**
     * Independent streams from one master seed: stream k is the master generator after k jumps.
     *
     * @param seed master seed
     * @param count number of streams
     * @return the streams
     */
    static ChainRandom[] streams(long seed, int count) {
        JumpableUniformRandomProvider master = (JumpableUniformRandomProvider) SOURCE.create(seed);
        ChainRandom[] s = new ChainRandom[count];
        for (int k = 0; k < count; k++) {
            s[k] = new ChainRandom(master.jump());
        }
        return s;
    }

    /**
     * A stream restored from a saved state.
     *
     * @param state bytes from {@link #saveState()}
     * @return the stream
     */
    static ChainRandom restore(byte[] state) {
        RestorableUniformRandomProvider r = SOURCE.create(0L);
        r.restoreState(new RandomProviderDefaultState(state));
        return new ChainRandom(r);
    }

    /** @return the generator state, enough to continue the stream exactly */
    byte[] saveState() {
        return ((RandomProviderDefaultState) rng.saveState()).getState();
    }

    /** @return the underlying generator (for prior draws) */
    public UniformRandomProvider provider() {
        return rng;
    }

    /** @return a uniform deviate in [0, 1) */
    public double nextDouble() {
        return rng.nextDouble();
    }

    /**
     * @param lo lower end
     * @param hi upper end
     * @return a uniform deviate in [lo, hi)
     */
    public double nextDouble(double lo, double hi) {
        return lo + (hi - lo) * rng.nextDouble();
    }

    /**
     * @param n exclusive upper bound, positive
     * @return a uniform integer in [0, n)
     */
    public int nextInt(int n) {
        return rng.nextInt(n);
    }

    /** @return a standard normal deviate */
    public double nextGaussian() {
        return gaussian.sample();
    }
}
