package org.exoret.mcmc;

/**
 * What a {@link Move} may see of the sampler: the dimension, the archive Z of past states, the chains'
 * states at the start of the current iteration and the parameters' prior widths. Read-only; valid only
 * during the {@link Move#propose} call.
 */
public interface ProposalContext {

    /** @return the number of free parameters d */
    int dimension();

    /** @return the number of chains */
    int chainCount();

    /** @return the number of archived states (at least 10·d) */
    int archiveSize();

    /**
     * @param row archive row, 0 ≤ row &lt; {@link #archiveSize()}
     * @param j parameter index
     * @return that archived value
     */
    double archive(int row, int j);

    /**
     * @param chain chain index
     * @param j parameter index
     * @return that chain's current value
     */
    double chainState(int chain, int j);

    /**
     * @param j parameter index
     * @return the parameter's prior width ({@link Prior#scale()}), which sets the jitter scale
     */
    double parameterScale(int j);
}
