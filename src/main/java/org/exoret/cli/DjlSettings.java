package org.exoret.cli;

/** DJL settings the command line applies before the engine starts, unless the user chose otherwise. */
final class DjlSettings {

    /** DJL's system property for libtorch's intra-op thread pool. */
    static final String THREADS = "ai.djl.pytorch.num_threads";

    private DjlSettings() {
    }

    /** Offline: nothing may be downloaded at run time; libtorch comes from the Maven jar. */
    static void offline() {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
    }

    /**
     * One libtorch thread: a retrieval evaluates one small batch (one row per chain) at a time, too small to split,
     * and a multi-threaded pool then costs far more in hand-offs than it saves (measured in benchmarks/results/surrogate.md).
     */
    static void singleThreadedInference() {
        if (System.getProperty(THREADS) == null) {
            System.setProperty(THREADS, "1");
        }
    }
}
