package org.disentangle4j.train;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.disentangle4j.io.AtomicFiles;

/**
 * {@code log.jsonl}: one JSON object per logged step with the step, elapsed seconds, images/s and
 * every loss term by name. Lines are flushed as they are written, so an interrupted run keeps
 * its log.
 *
 * <p>Every line is strict JSON: a non-finite value (a diverged step's NaN term) is written as
 * {@code null}, since JSON has no NaN or Infinity, and the line gets a {@value #NON_FINITE} object
 * naming each such term with what it was ({@code "NaN"}, {@code "Infinity"} or {@code "-Infinity"}),
 * e.g. {@code {"step":7,"recon":null,"loss":null,"non_finite":{"recon":"NaN","loss":"NaN"}}};
 * {@link #read} gives those values back as they were.
 */
public final class TrainingLog implements AutoCloseable {
    /** One logged step: its number and its values by name. */
    public record Entry(long step, Map<String, Double> values) {}

    /** The field of a line that names its non-finite values. */
    public static final String NON_FINITE = "non_finite";

    private final Path file;
    private BufferedWriter writer;

    public TrainingLog(Path file) {
        this.file = file;
    }

    /**
     * Keeps only lines up to {@code step}: after a crash the log may be ahead of the last
     * checkpoint, and the resumed run will write those steps again.
     */
    public void truncateAfter(long step) throws IOException {
        if (!Files.exists(file)) return;
        StringBuilder kept = new StringBuilder();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) continue;
            try {
                if (JsonParser.parseString(line).getAsJsonObject().get("step").getAsLong() <= step) kept.append(line).append('\n');
            } catch (RuntimeException torn) {
                // a line cut off by a crash is dropped
            }
        }
        AtomicFiles.writeString(file, kept.toString());
    }

    public void append(long step, Map<String, Double> values) {
        JsonObject line = new JsonObject();
        line.addProperty("step", step);
        JsonObject nonFinite = new JsonObject();
        values.forEach((name, value) -> {
            if (value == null || !Double.isFinite(value)) {
                line.add(name, JsonNull.INSTANCE);
                nonFinite.addProperty(name, String.valueOf(value == null ? Double.NaN : value));
            } else {
                line.addProperty(name, value);
            }
        });
        if (nonFinite.size() > 0) line.add(NON_FINITE, nonFinite);
        try {
            if (writer == null) {
                writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            writer.write(line.toString());
            writer.write('\n');
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file, e);
        }
    }

    /** Every well-formed line of a log file, in order; a non-finite value is read back as it was logged (NaN if unnamed). */
    public static List<Entry> read(Path file) throws IOException {
        List<Entry> entries = new ArrayList<>();
        if (!Files.exists(file)) return entries;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) continue;
            try {
                JsonObject o = JsonParser.parseString(line).getAsJsonObject();
                JsonObject nonFinite = o.has(NON_FINITE) ? o.getAsJsonObject(NON_FINITE) : new JsonObject();
                Map<String, Double> values = new LinkedHashMap<>();
                for (String key : o.keySet()) {
                    if (key.equals("step") || key.equals(NON_FINITE)) continue;
                    values.put(key, !o.get(key).isJsonNull() ? o.get(key).getAsDouble()
                            : nonFinite.has(key) ? Double.parseDouble(nonFinite.get(key).getAsString()) : Double.NaN);
                }
                entries.add(new Entry(o.get("step").getAsLong(), values));
            } catch (RuntimeException torn) {
                // skip a line cut off by a crash
            }
        }
        return entries;
    }

    @Override
    public void close() throws IOException {
        if (writer != null) writer.close();
        writer = null;
    }
}
