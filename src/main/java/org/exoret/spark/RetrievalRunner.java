package org.exoret.spark;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs one retrieval (or any per-target analysis) on an executor and summarises it in one table row. Shipped to
 * executors with each task, so implementations must be serialisable and should hold only small values (paths,
 * options); costly models are best obtained through {@link ExecutorModels} so that rows with the same set-up on one
 * executor share them.
 */
@FunctionalInterface
public interface RetrievalRunner extends Serializable {

    /**
     * @param config the target's configuration file (absolute path)
     * @return the summary: column name → value, iterated in column order (for instance a {@link java.util.LinkedHashMap})
     * @throws org.exoret.ExoretException for a bad configuration or a failed retrieval; the batch records the message
     *         in the row's {@code error} column and carries on with the other rows
     */
    Map<String, String> run(Path config);
}
