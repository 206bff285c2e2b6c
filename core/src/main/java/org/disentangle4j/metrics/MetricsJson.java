package org.disentangle4j.metrics;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
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
    /** Keys whose values are counts (IRS's and FactorVAE's share the name). */
    private static final Set<String> COUNT_KEYS = Set.of(IrsScore.ACTIVE_DIMS);

    private MetricsJson() {}

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
                    else if (COUNT_KEYS.contains(entry.getKey()) && v == Math.rint(v)) json.value((long) v);
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
}
