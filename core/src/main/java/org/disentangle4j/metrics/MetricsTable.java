package org.disentangle4j.metrics;

import java.util.Locale;
import java.util.Map;

/** A plain-text table of a {@link SuiteResult} for people: one line per result key. */
public final class MetricsTable {
    private MetricsTable() {}

    public static String format(SuiteResult result) {
        int metricWidth = "metric".length();
        int keyWidth = "key".length();
        for (Map.Entry<String, Map<String, Double>> m : result.scores().entrySet()) {
            metricWidth = Math.max(metricWidth, m.getKey().length());
            for (String key : m.getValue().keySet()) keyWidth = Math.max(keyWidth, key.length());
        }
        for (String name : result.notApplicable().keySet()) metricWidth = Math.max(metricWidth, name.length());
        String row = "%-" + metricWidth + "s  %-" + keyWidth + "s  %s%n";
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, row, "metric", "key", "value"));
        sb.append("-".repeat(metricWidth + keyWidth + 14)).append('\n');
        for (String name : MetricSuite.NAMES) {
            Map<String, Double> scores = result.scores().get(name);
            if (scores != null) {
                boolean first = true;
                for (Map.Entry<String, Double> e : scores.entrySet()) {
                    sb.append(String.format(Locale.ROOT, row, first ? name : "", e.getKey(), value(e.getValue())));
                    first = false;
                }
            } else if (result.notApplicable().containsKey(name)) {
                sb.append(String.format(Locale.ROOT, row, name, "-", "n/a: " + result.notApplicable().get(name)));
            }
        }
        for (String note : result.notes()) sb.append("note: ").append(note).append('\n');
        return sb.toString();
    }

    private static String value(double v) {
        if (Double.isNaN(v)) return "nan (undefined for this input)";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        if (v == Math.rint(v) && Math.abs(v) < 1e9) return String.format(Locale.ROOT, "%.0f", v);
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
