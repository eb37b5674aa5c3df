package org.exoret.spark;

import java.nio.file.Path;

/**
 * The outcome of a batch of retrievals.
 *
 * @param output the summary table written
 * @param rows rows (targets) in the input table
 * @param failed rows whose retrieval failed with an {@link org.exoret.ExoretException} (status {@code failed})
 */
public record RetrievalBatchReport(Path output, int rows, int failed) {
}
