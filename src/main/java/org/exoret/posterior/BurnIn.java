package org.exoret.posterior;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** MC3's burn-in selection ({@code mc3.utils.burn} with sort=True), shared by the file readers and writers. */
final class BurnIn {

    private BurnIn() {
    }

    /**
     * Rows kept after dropping the first {@code burnIn} draws of each chain; rows with chain id &lt; 0
     * (MC3's initial archive draws) are never kept. Rows are grouped by ascending chain id, in file order
     * within a chain.
     */
    static int[] keptRows(int[] chain, int burnIn) {
        TreeMap<Integer, List<Integer>> byChain = new TreeMap<>();
        for (int i = 0; i < chain.length; i++) {
            if (chain[i] >= 0) {
                byChain.computeIfAbsent(chain[i], c -> new ArrayList<>()).add(i);
            }
        }
        List<Integer> kept = new ArrayList<>();
        for (List<Integer> rows : byChain.values()) {
            if (rows.size() > burnIn) {
                kept.addAll(rows.subList(burnIn, rows.size()));
            }
        }
        return kept.stream().mapToInt(Integer::intValue).toArray();
    }
}
