package org.exoret.surrogate;

/** Observes training, e.g. to print progress. Called from the training thread. */
public interface TrainingListener {

    /** A listener that ignores every event. */
    TrainingListener NONE = new TrainingListener() { };

    /**
     * @param record the epoch just finished
     * @param improved whether its validation loss is the best so far (its weights are kept)
     */
    default void epochEnded(EpochRecord record, boolean improved) {
    }
}
