package org.exoret.dataset;

import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of a generation, counted over the whole set (chunks from earlier runs included).
 *
 * @param sampleCount design samples drawn
 * @param accepted samples stored
 * @param rejections rejected design samples by the forward model's reason
 * @param chunksWritten chunks written by this run
 * @param chunksReused chunks found complete from an earlier run
 */
public record GenerationReport(long sampleCount, long accepted, Map<String, Long> rejections,
                               int chunksWritten, int chunksReused) {

    /** Copies. */
    public GenerationReport {
        rejections = Map.copyOf(new TreeMap<>(rejections));
    }
}
