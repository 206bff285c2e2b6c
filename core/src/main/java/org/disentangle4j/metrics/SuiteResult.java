package org.disentangle4j.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link MetricSuite} computed: the scores of every metric that could be computed, in the
 * order of {@link MetricSuite#NAMES}; for the others the reason they could not; notes on what was
 * done to the input (skipped constant factors, a held-out test set); and seconds per metric.
 */
public record SuiteResult(Map<String, Map<String, Double>> scores, Map<String, String> notApplicable, List<String> notes,
        Map<String, Double> seconds) {

    public SuiteResult {
        scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));
        notApplicable = Collections.unmodifiableMap(new LinkedHashMap<>(notApplicable));
        notes = List.copyOf(notes);
        seconds = Collections.unmodifiableMap(new LinkedHashMap<>(seconds));
    }
}
