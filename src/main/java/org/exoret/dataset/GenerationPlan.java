package org.exoret.dataset;

import org.exoret.ExoretException;

/**
 * What a training-set generation draws and how it spreads the work.
 *
 * @param sampleCount design samples to draw (accepted plus rejected), ≥ 1
 * @param seed design seed; sample i is a pure function of (seed, i)
 * @param design sampling design
 * @param chunkSize design samples per chunk file, ≥ 1
 * @param batchSize parameter vectors per forward-model call, ≥ 1
 * @param threads concurrent forward-model calls, ≥ 1
 */
public record GenerationPlan(long sampleCount, long seed, Design design, int chunkSize, int batchSize, int threads) {

    /** Validates. */
    public GenerationPlan {
        if (sampleCount < 1 || chunkSize < 1 || batchSize < 1 || threads < 1) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "sample count, chunk size, batch size and "
                    + "threads must be ≥ 1, got " + sampleCount + ", " + chunkSize + ", " + batchSize + ", " + threads);
        }
        if (design == null) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "a sampling design is required");
        }
    }
}
