package org.exoret.spark;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.exoret.forward.ForwardModel;

/**
 * The forward models of this JVM, one per configuration hash, built on first use and kept for the life of the JVM.
 * On a Spark executor all tasks (and task retries) share one model per configuration, so opacity tables are read and
 * held once per executor instead of once per task.
 *
 * <p>This is the one piece of static state in exoret, on purpose: a Spark executor offers no object that lives
 * longer than a task other than the JVM itself. Thread-safe; concurrent first requests for the same hash build the
 * model once, the others wait for it.
 */
public final class ExecutorModels {

    private static final Map<String, ForwardModel> MODELS = new ConcurrentHashMap<>();

    private ExecutorModels() {
    }

    /**
     * @param factory the model recipe
     * @return this JVM's model for the factory's configuration hash, built now if it is the first request
     */
    public static ForwardModel get(ForwardModelFactory factory) {
        return MODELS.computeIfAbsent(factory.configurationHash(), hash -> factory.create());
    }
}
