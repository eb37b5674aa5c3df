package org.exoret.spark;

import java.io.Serializable;
import org.exoret.forward.ForwardModel;

/**
 * A recipe for a forward model that is cheap to ship to Spark executors: it is serialised with each task, and an
 * executor calls {@link #create()} at most once per {@link #configurationHash()} ({@link ExecutorModels}), so
 * costly set-up such as reading opacity tables happens once per executor JVM.
 *
 * <p>Implementations must be immutable and serialisable, and {@link #create()} must give equal models for equal
 * hashes.
 */
public interface ForwardModelFactory extends Serializable {

    /**
     * @return SHA-256 (hex) of everything the model depends on; the key of the per-executor model cache and the
     *         {@code forwardModelHash} recorded in training-set headers
     */
    String configurationHash();

    /** @return a newly built forward model (thread-safe, as {@link ForwardModel} requires) */
    ForwardModel create();
}
