package org.exoret.mcmc;

/**
 * A proposal strategy for one chain. Moves are immutable and stateless: everything random comes from the
 * chain's stream, everything else from the {@link ProposalContext}. The move owns its log Hastings factor
 * ln[q(x*→x)/q(x→x*)] (plus any Jacobian term); the sampler owns the batched evaluation and the Metropolis test.
 */
public interface Move {

    /**
     * Writes a proposal for one chain.
     *
     * @param context read-only view of the archive and the chain states
     * @param chain the chain's index
     * @param current the chain's current state (do not modify)
     * @param proposal destination for the proposed state
     * @param rng the chain's random stream
     * @return the log Hastings factor of the proposal (0 for a symmetric move)
     */
    double propose(ProposalContext context, int chain, double[] current, double[] proposal, ChainRandom rng);

    /** @return the fewest chains the move works with */
    default int minimumChains() {
        return 1;
    }
}
