package org.disentangle4j.experiment;

import org.disentangle4j.train.RunDirectory;
import org.disentangle4j.train.TrainingLog;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.disentangle4j.io.AtomicFiles;

/**
 * What a sweep's runs gave: per run its state, last logged loss terms ({@code log.jsonl}) and
 * metrics ({@code metrics.json}, {@code {"metric": {"key": value}}} flattened to
 * {@code metric.key}); written as {@code results.csv} (one row per run) and {@code results.md}
 * (per setting, mean ± standard error over the seeds whose run is complete).
 */
public final class SweepResults {
    /** State of a run whose directory does not exist yet. */
    public static final String MISSING = "missing";

    /** One run's results. */
    public record Row(SweepRun run, String state, long step, Map<String, Double> losses, Map<String, Double> metrics) {
        public boolean complete() {
            return state.equals(RunDirectory.State.COMPLETE.name().toLowerCase());
        }

        /** Stopped on a non-finite value: final, but left out of the means. */
        public boolean diverged() {
            return state.equals(RunDirectory.State.DIVERGED.name().toLowerCase());
        }
    }

    private SweepResults() {}

    /** Reads each run's directory under {@code out} (named {@link SweepRun#name()}). */
    public static List<Row> collect(Path out, List<SweepRun> runs) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (SweepRun run : runs) {
            Path dir = out.resolve(run.name());
            if (!Files.isRegularFile(dir.resolve(RunDirectory.CONFIG))) {
                rows.add(new Row(run, MISSING, 0, Map.of(), Map.of()));
                continue;
            }
            RunDirectory rd = RunDirectory.open(dir);
            JsonObject status = Files.exists(rd.file(RunDirectory.STATUS)) ? rd.readJson(RunDirectory.STATUS) : new JsonObject();
            long step = status.has("step") ? status.get("step").getAsLong() : 0;
            List<TrainingLog.Entry> log = TrainingLog.read(rd.file(RunDirectory.LOG));
            Map<String, Double> losses = new LinkedHashMap<>();
            if (!log.isEmpty()) {
                log.get(log.size() - 1).values().forEach((k, v) -> {
                    if (!k.equals("elapsed_s")) losses.put(k, v);
                });
            }
            rows.add(new Row(run, rd.state().name().toLowerCase(), step, losses, metrics(rd)));
        }
        return rows;
    }

    /** metrics.json flattened: {"mig": {"score": 0.2}} → mig.score = 0.2; a bare number keeps its name; the scored step is left out. */
    static Map<String, Double> metrics(RunDirectory rd) {
        Map<String, Double> values = new LinkedHashMap<>();
        if (!Files.isRegularFile(rd.file(RunDirectory.METRICS))) return values;
        JsonObject root = rd.readJson(RunDirectory.METRICS);
        for (Map.Entry<String, JsonElement> metric : root.entrySet()) {
            JsonElement v = metric.getValue();
            if (v.isJsonObject()) {
                for (Map.Entry<String, JsonElement> key : v.getAsJsonObject().entrySet()) {
                    if (key.getKey().equals(org.disentangle4j.metrics.MetricsJson.CHECKPOINT_STEP)) continue; // bookkeeping, not a score
                    if (isNumber(key.getValue())) values.put(metric.getKey() + "." + key.getKey(), key.getValue().getAsDouble());
                }
            } else if (isNumber(v)) {
                values.put(metric.getKey(), v.getAsDouble());
            }
        }
        return values;
    }

    private static boolean isNumber(JsonElement e) {
        return e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber();
    }

    /**
     * A value of each complete run of {@code setting}, by seed: what a verdict compares. A run whose
     * value is missing or not finite ({@code value} gives null or NaN) is left out.
     */
    public static Map<Long, Double> bySeed(List<Row> rows, SweepGrid.Setting setting, java.util.function.Function<Map<String, Double>, Double> value) {
        return bySeed(rows, run -> run.model().equals(setting.model()) && run.hyperParameters().equals(setting.hyperParameters()), value);
    }

    /** As {@link #bySeed(List, SweepGrid.Setting, java.util.function.Function)}, of the runs {@code member} accepts (a table's group). */
    public static Map<Long, Double> bySeed(List<Row> rows, java.util.function.Predicate<SweepRun> member,
            java.util.function.Function<Map<String, Double>, Double> value) {
        Map<Long, Double> values = new java.util.TreeMap<>();
        for (Row r : rows) {
            if (!r.complete() || !member.test(r.run())) continue;
            Double v = value.apply(r.metrics());
            if (v != null && Double.isFinite(v)) values.put(r.run().seed(), v);
        }
        return values;
    }

    /** Mean and standard error (sample standard deviation / √n); the error is NaN for one value. */
    public static double[] meanAndStandardError(List<Double> values) {
        int n = values.size();
        if (n == 0) return new double[] {Double.NaN, Double.NaN};
        double mean = 0;
        for (double v : values) mean += v;
        mean /= n;
        if (n == 1) return new double[] {mean, Double.NaN};
        double squares = 0;
        for (double v : values) squares += (v - mean) * (v - mean);
        return new double[] {mean, Math.sqrt(squares / (n - 1)) / Math.sqrt(n)};
    }

    public static void writeCsv(Path file, List<Row> rows) {
        Set<String> settings = new TreeSet<>();
        Set<String> losses = new LinkedHashSet<>();
        Set<String> metrics = new TreeSet<>();
        for (Row r : rows) {
            settings.addAll(r.run().settings().keySet());
            losses.addAll(r.losses().keySet());
            metrics.addAll(r.metrics().keySet());
        }
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("run", "model", "seed", "state", "step"));
        header.addAll(settings);
        header.addAll(losses);
        header.addAll(metrics);
        csv.append(String.join(",", header.stream().map(SweepResults::csvField).toList())).append('\n');
        for (Row r : rows) {
            List<String> cells = new ArrayList<>(List.of(r.run().name(), r.run().model(), Long.toString(r.run().seed()), r.state(),
                    Long.toString(r.step())));
            for (String s : settings) cells.add(r.run().settings().getOrDefault(s, ""));
            for (String l : losses) cells.add(number(r.losses().get(l)));
            for (String m : metrics) cells.add(number(r.metrics().get(m)));
            csv.append(String.join(",", cells.stream().map(SweepResults::csvField).toList())).append('\n');
        }
        write(file, csv.toString());
    }

    public static void writeMarkdown(Path file, List<Row> rows) {
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        Set<String> metrics = new TreeSet<>();
        Set<String> losses = new LinkedHashSet<>();
        for (Row r : rows) {
            groups.computeIfAbsent(r.run().model() + "\u0000" + r.run().settingsLabel(), k -> new ArrayList<>()).add(r);
            metrics.addAll(r.metrics().keySet());
            losses.addAll(r.losses().keySet());
        }
        List<String> columns = new ArrayList<>(metrics);
        columns.addAll(losses);
        StringBuilder md = new StringBuilder();
        md.append("# Sweep results\n\n");
        md.append("Mean ± standard error over the seeds whose run is complete (the error is the sample standard deviation / √n; "
                + "'–' for a single seed). Losses are the last line of each run's log.jsonl; metrics come from metrics.json. "
                + "Diverged runs (a loss term or parameter turned NaN or infinite; state 'diverged' in results.csv) are counted "
                + "beside the seeds and left out of the means.\n\n");
        if (metrics.isEmpty()) md.append("No run has metrics yet.\n\n");
        md.append("| model | settings | seeds complete |");
        for (String c : columns) md.append(' ').append(c).append(" |");
        md.append("\n|---|---|---|");
        md.append("---|".repeat(columns.size()));
        md.append('\n');
        for (List<Row> group : groups.values()) {
            List<Row> done = group.stream().filter(Row::complete).toList();
            SweepRun first = group.get(0).run();
            md.append("| ").append(first.model()).append(" | ").append(first.settingsLabel().isEmpty() ? "defaults" : first.settingsLabel())
                    .append(" | ").append(done.size()).append(" of ").append(group.size());
            long diverged = group.stream().filter(Row::diverged).count();
            if (diverged > 0) md.append(" (").append(diverged).append(" diverged)");
            md.append(" |");
            for (String c : columns) {
                List<Double> values = new ArrayList<>();
                for (Row r : done) {
                    Double v = r.metrics().containsKey(c) ? r.metrics().get(c) : r.losses().get(c);
                    if (v != null) values.add(v);
                }
                md.append(' ').append(meanPlusMinus(values)).append(" |");
            }
            md.append('\n');
        }
        write(file, md.toString());
    }

    /** "0.512 ± 0.031", "0.512 ± –" for one value, "" for none. */
    static String meanPlusMinus(List<Double> values) {
        if (values.isEmpty()) return "";
        double[] ms = meanAndStandardError(values);
        return significant(ms[0]) + " ± " + (Double.isNaN(ms[1]) ? "–" : significant(ms[1]));
    }

    /** Four significant digits, plain notation for everyday magnitudes. */
    static String significant(double v) {
        if (v == 0 || !Double.isFinite(v)) return v == 0 ? "0" : Double.toString(v);
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e6) {
            int decimals = Math.max(0, 3 - (int) Math.floor(Math.log10(a)));
            return String.format(java.util.Locale.ROOT, "%." + decimals + "f", v);
        }
        return String.format(java.util.Locale.ROOT, "%.3e", v);
    }

    private static String number(Double v) {
        return v == null ? "" : Double.toString(v);
    }

    private static String csvField(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) return '"' + s.replace("\"", "\"\"") + '"';
        return s;
    }

    private static void write(Path file, String text) {
        try {
            AtomicFiles.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
