package org.exoret.dataset;

/** Observes a training-set generation, e.g. to drive a progress bar. Called from the generating thread. */
public interface GenerationListener {

    /** A listener that ignores every event. */
    GenerationListener NONE = new GenerationListener() { };

    /**
     * @param sampleCount design samples of the whole set
     * @param alreadyDone design samples found in chunks written by an earlier run
     */
    default void started(long sampleCount, long alreadyDone) {
    }

    /** @param count design samples just evaluated */
    default void evaluated(int count) {
    }

    /**
     * @param chunk the chunk number just written
     * @param accepted accepted samples in it
     * @param attempted design samples it covers
     */
    default void chunkWritten(int chunk, int accepted, int attempted) {
    }
}
