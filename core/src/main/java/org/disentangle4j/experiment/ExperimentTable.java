package org.disentangle4j.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.disentangle4j.io.AtomicFiles;
import org.disentangle4j.io.UserInputException;
import org.disentangle4j.train.RunDirectory;
import org.disentangle4j.train.TrainingLog;

/**
 * The table of a built-in experiment: one line per group of runs (e.g. a model, or a dataset and
 * a model), one column per quantity, each cell the mean ± standard error over the group's
 * complete runs (its seeds), and the mean training seconds per run. As Markdown, CSV and plain
 * text.
 */
public final class ExperimentTable {
    /** Prefix of a column key that reads the last logged value of a loss term rather than metrics.json. */
    public static final String LOSS = "loss:";

    /**
     * A quantity of the table.
     *
     * @param key a flattened metrics.json key ({@code mig.discrete_mig}) or {@value #LOSS} and a
     *     loss term ({@code loss:recon}: its mean over the run's last logged steps)
     * @param format how a value is printed, e.g. {@code %.3f}
     */
    public record Column(String key, String title, String format) {}

    /** A line of the table: its labels (one per label column) and which runs it holds. */
    public record Group(List<String> labels, Predicate<SweepRun> member) {}

    /** A group's complete runs out of all of them, each column's mean ± s.e. (null without values) and the mean training seconds. */
    public record Summary(Group group, int complete, int total, Map<String, double[]> meanAndError, double trainSeconds) {}

    private final List<String> labelTitles;
    private final List<Column> columns;

    public ExperimentTable(List<String> labelTitles, List<Column> columns) {
        this.labelTitles = List.copyOf(labelTitles);
        this.columns = List.copyOf(columns);
    }

    public List<Column> columns() {
        return columns;
    }

    /** Per group in the order given, over the runs whose state is complete. */
    public List<Summary> summarise(Path out, List<SweepResults.Row> rows, List<Group> groups) {
        List<Summary> summaries = new ArrayList<>();
        for (Group group : groups) {
            List<SweepResults.Row> mine = rows.stream().filter(r -> group.member().test(r.run())).toList();
            List<SweepResults.Row> done = mine.stream().filter(SweepResults.Row::complete).toList();
            Map<String, double[]> values = new LinkedHashMap<>();
            for (Column c : columns) {
                List<Double> v = new ArrayList<>();
                for (SweepResults.Row r : done) {
                    Double value = c.key().startsWith(LOSS) ? r.losses().get(c.key().substring(LOSS.length())) : r.metrics().get(c.key());
                    if (value != null && Double.isFinite(value)) v.add(value);
                }
                values.put(c.key(), v.isEmpty() ? null : SweepResults.meanAndStandardError(v));
            }
            List<Double> seconds = new ArrayList<>();
            for (SweepResults.Row r : done) {
                Double s = trainingSeconds(out.resolve(r.run().name()));
                if (s != null) seconds.add(s);
            }
            summaries.add(new Summary(group, done.size(), mine.size(), values,
                    seconds.isEmpty() ? Double.NaN : SweepResults.meanAndStandardError(seconds)[0]));
        }
        return summaries;
    }

    /** Seconds of training a run logged last (its {@code elapsed_s}); null without a log. */
    public static Double trainingSeconds(Path runDir) {
        try {
            List<TrainingLog.Entry> log = TrainingLog.read(runDir.resolve(RunDirectory.LOG));
            return log.isEmpty() ? null : log.get(log.size() - 1).values().get("elapsed_s");
        } catch (IOException | UncheckedIOException | UserInputException e) {
            return null;
        }
    }

    /** The table as Markdown (no title). */
    public String markdown(List<Summary> summaries) {
        StringBuilder md = new StringBuilder("| ").append(String.join(" | ", labelTitles)).append(" | seeds |");
        for (Column c : columns) md.append(' ').append(c.title()).append(" |");
        md.append(" train s/run |\n|").append("---|".repeat(labelTitles.size() + columns.size() + 2)).append('\n');
        for (Summary s : summaries) {
            md.append("| ").append(String.join(" | ", s.group().labels())).append(" | ").append(s.complete()).append(" of ")
                    .append(s.total()).append(" |");
            for (Column c : columns) md.append(' ').append(cell(s.meanAndError().get(c.key()), c.format())).append(" |");
            md.append(' ').append(Double.isNaN(s.trainSeconds()) ? "" : String.format(Locale.ROOT, "%.0f", s.trainSeconds())).append(" |\n");
        }
        return md.toString();
    }

    /**
     * The table as CSV: label columns, then each quantity's mean and standard error (empty where there
     * is none), named by the metric's own key ({@code rmse_in_support_mean}) or the loss term's.
     */
    public String csv(List<Summary> summaries) {
        StringBuilder csv = new StringBuilder(String.join(",", labelTitles)).append(",seeds_complete,seeds");
        for (Column c : columns) {
            // the key without its metric's name (lms.rmse_in_support → rmse_in_support), as metrics.json's inner keys read
            String name = c.key().startsWith(LOSS) ? c.key().substring(LOSS.length()) : c.key().substring(c.key().indexOf('.') + 1);
            csv.append(',').append(name).append("_mean,").append(name).append("_se");
        }
        csv.append(",train_seconds_mean\n");
        for (Summary s : summaries) {
            csv.append(String.join(",", s.group().labels())).append(',').append(s.complete()).append(',').append(s.total());
            for (Column c : columns) {
                double[] v = s.meanAndError().get(c.key());
                csv.append(',').append(v == null ? "" : number(v[0])).append(',').append(v == null ? "" : number(v[1]));
            }
            csv.append(',').append(number(s.trainSeconds())).append('\n');
        }
        return csv.toString();
    }

    /** Writes an experiment's files: {@code runs.csv} (every run), {@code results.csv} (this table) and {@code results.md}. */
    public void writeResults(Path out, List<SweepResults.Row> rows, List<Summary> summaries, String markdown) throws IOException {
        SweepResults.writeCsv(out.resolve("runs.csv"), rows);
        AtomicFiles.writeString(out.resolve("results.csv"), csv(summaries));
        AtomicFiles.writeString(out.resolve("results.md"), markdown);
    }

    /** A plain-text table for the terminal, columns aligned. */
    public String text(List<Summary> summaries) {
        List<String[]> lines = new ArrayList<>();
        List<String> header = new ArrayList<>(labelTitles);
        header.add("seeds");
        for (Column c : columns) header.add(c.title());
        lines.add(header.toArray(new String[0]));
        for (Summary s : summaries) {
            List<String> row = new ArrayList<>(s.group().labels());
            row.add(s.complete() + "/" + s.total());
            for (Column c : columns) row.add(cell(s.meanAndError().get(c.key()), c.format()));
            lines.add(row.toArray(new String[0]));
        }
        int[] widths = new int[header.size()];
        for (String[] l : lines) for (int i = 0; i < l.length; i++) widths[i] = Math.max(widths[i], l[i].length());
        StringBuilder out = new StringBuilder();
        for (String[] l : lines) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < l.length; i++) line.append(i == 0 ? "" : "  ").append(l[i]).append(" ".repeat(widths[i] - l[i].length()));
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    /** "0.412 ± 0.031" in the column's format, "–" when there is no value. */
    public static String cell(double[] meanAndError, String format) {
        if (meanAndError == null) return "–";
        String mean = String.format(Locale.ROOT, format, meanAndError[0]);
        return Double.isNaN(meanAndError[1]) ? mean + " ± –" : mean + " ± " + String.format(Locale.ROOT, format, meanAndError[1]);
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }
}
