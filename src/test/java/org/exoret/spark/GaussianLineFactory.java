package org.exoret.spark;

import java.util.concurrent.atomic.AtomicInteger;
import org.exoret.forward.ForwardModel;
import org.exoret.testmodel.GaussianLineModel;

/**
 * Ships the cheap analytic {@link GaussianLineModel} to executors. {@link #CREATED} counts builds in this JVM (tests
 * run Spark in local mode, so driver and executors share it); each instance gets its own hash, so each test sees a
 * fresh per-JVM cache entry.
 */
record GaussianLineFactory(int channels, String configurationHash) implements ForwardModelFactory {

    static final AtomicInteger CREATED = new AtomicInteger();

    @Override
    public ForwardModel create() {
        CREATED.incrementAndGet();
        return new GaussianLineModel(channels);
    }
}
