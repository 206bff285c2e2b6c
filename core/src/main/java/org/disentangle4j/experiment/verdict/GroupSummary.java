package org.disentangle4j.experiment.verdict;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One group's per-seed measurements and their mean ± standard error.
 *
 * @param label the group's name
 * @param valuesBySeed the metric of each seed's run, by seed (kept in seed order)
 */
public record GroupSummary(String label, SortedMap<Long, Double> valuesBySeed) {

    /**
     * @throws IllegalArgumentException if a value is NaN or infinite (a diverged run must be left
     *     out by the caller, who knows why it diverged)
     */
    public GroupSummary {
        Objects.requireNonNull(label, "label");
        valuesBySeed = Collections.unmodifiableSortedMap(inSeedOrder(valuesBySeed));
        for (Map.Entry<Long, Double> e : valuesBySeed.entrySet()) {
            if (e.getValue() == null || !Double.isFinite(e.getValue())) {
                throw new IllegalArgumentException("group " + label + ", seed " + e.getKey() + ": value is " + e.getValue());
            }
        }
    }

    /** The group from values by seed in any map. */
    public static GroupSummary of(String label, Map<Long, Double> valuesBySeed) {
        return new GroupSummary(label, inSeedOrder(valuesBySeed));
    }

    /** A copy in ascending seed order, whatever order (or comparator) the given map has. */
    private static SortedMap<Long, Double> inSeedOrder(Map<Long, Double> valuesBySeed) {
        SortedMap<Long, Double> sorted = new TreeMap<>();
        sorted.putAll(valuesBySeed);
        return sorted;
    }

    /** Number of seeds. */
    public int n() {
        return valuesBySeed.size();
    }

    /** The values in seed order. */
    public double[] values() {
        return valuesBySeed.values().stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Mean over the seeds; NaN for none. */
    public double mean() {
        return Samples.mean(values());
    }

    /** Sample standard deviation / √n; NaN for fewer than two seeds. */
    public double standardError() {
        return Math.sqrt(Samples.variance(values()) / n());
    }
}
