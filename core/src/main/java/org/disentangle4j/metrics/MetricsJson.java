package org.disentangle4j.metrics;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.disentangle4j.io.AtomicFiles;

/**
 * The metrics file: {@code {"<metric>": {"<key>": value, ...}, ...}} with exactly the computed
 * metrics and their result keys. Counts are written as integers; a NaN or infinite value (where
 * the reference's formula is undefined) as {@code null}. Metrics that could not be computed are
 * left out (the table and the command line say why).
 */
public final class MetricsJson {
    /** Keys whose values are counts or flags (IRS's and FactorVAE's share the name; LMS's variant flag; vote counts); also disintegration's per-factor counts. */
    /** The key of each metric's entry in a run's metrics.json: the training step of the parameters it scored. */
    public static final String CHECKPOINT_STEP = "checkpoint_step";
    private static final Set<String> COUNT_KEYS = Set.of(IrsScore.ACTIVE_DIMS, LmsScore.TREE, MetricSuite.VOTES_TRAIN, MetricSuite.VOTES_EVAL,
            CHECKPOINT_STEP);

    private MetricsJson() {}

    private static boolean isCount(String key) {
        return COUNT_KEYS.contains(key) || key.startsWith(DisintegrationScore.ABOVE_THRESHOLD_PREFIX); // one count per factor
    }

    public static String toJson(SuiteResult result) {
        StringWriter out = new StringWriter();
        try (JsonWriter json = new JsonWriter(out)) {
            json.setIndent("  ");
            json.beginObject();
            for (Map.Entry<String, Map<String, Double>> metric : result.scores().entrySet()) {
                json.name(metric.getKey()).beginObject();
                for (Map.Entry<String, Double> entry : metric.getValue().entrySet()) {
                    json.name(entry.getKey());
                    double v = entry.getValue();
                    if (!Double.isFinite(v)) json.nullValue();
                    else if (isCount(entry.getKey()) && v == Math.rint(v)) json.value((long) v);
                    else json.value(v);
                }
                json.endObject();
            }
            json.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out + "\n";
    }

    /** Writes the file atomically (complete or absent). */
    public static void write(Path file, SuiteResult result) throws IOException {
        AtomicFiles.writeString(file, toJson(result));
    }

    /**
     * Writes the file atomically with these results and, from the file as it was, every metric
     * they do not replace (a run scored with other metrics earlier keeps them). A file that is
     * not a JSON object is replaced.
     */
    /** The result with the step of the parameters it scored beside every metric's keys (what a run's metrics.json keeps). */
    public static SuiteResult atStep(SuiteResult result, long step) {
        Map<String, Map<String, Double>> scores = new java.util.LinkedHashMap<>();
        result.scores().forEach((name, keys) -> {
            Map<String, Double> withStep = new java.util.LinkedHashMap<>(keys);
            withStep.put(CHECKPOINT_STEP, (double) step);
            scores.put(name, withStep);
        });
        return new SuiteResult(scores, result.notApplicable(), result.notes(), result.seconds());
    }

    public static void merge(Path file, SuiteResult result) throws IOException {
        JsonObject merged = new JsonObject();
        if (Files.isRegularFile(file)) {
            try {
                JsonElement old = JsonParser.parseString(Files.readString(file));
                if (old.isJsonObject()) old.getAsJsonObject().entrySet().forEach(e -> merged.add(e.getKey(), e.getValue()));
            } catch (RuntimeException unreadable) {
                // replaced by the new results
            }
        }
        JsonObject fresh = JsonParser.parseString(toJson(result)).getAsJsonObject();
        fresh.entrySet().forEach(e -> merged.add(e.getKey(), e.getValue()));
        // metrics in the suite's order, then any the suite does not know
        JsonObject ordered = new JsonObject();
        for (String name : MetricSuite.NAMES) if (merged.has(name)) ordered.add(name, merged.get(name));
        merged.entrySet().forEach(e -> {
            if (!ordered.has(e.getKey())) ordered.add(e.getKey(), e.getValue());
        });
        AtomicFiles.writeString(file, new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(ordered) + "\n");
    }
}
