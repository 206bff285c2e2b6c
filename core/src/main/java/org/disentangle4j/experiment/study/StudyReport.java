package org.disentangle4j.experiment.study;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.disentangle4j.experiment.SweepResults;
import org.disentangle4j.io.AtomicFiles;
import org.disentangle4j.metrics.MetricSuite;
import org.disentangle4j.metrics.UnsupervisedScores;
import org.disentangle4j.metrics.stats.Spearman;

/**
 * What a study shows, per dataset: models × metrics (mean ± standard error over seeds), the rank
 * correlation between every pair of metrics over all runs, and how well each unsupervised
 * quantity (reconstruction, KL, the unsupervised scores) ranks the runs by each supervised metric.
 * Computed from a sweep's rows; {@link StudyPage} writes them as study.html, Markdown, CSV and PNG.
 */
public final class StudyReport {
    /** Loss terms read as unsupervised quantities: a run's last logged reconstruction and KL. */
    static final List<String> UNSUPERVISED_LOSSES = List.of("recon", "kl");

    private StudyReport() {}

    /** One dataset's numbers. */
    public record DatasetView(String dataset, List<String> models, List<String> metrics, Map<String, Map<String, double[]>> table,
            Map<String, List<SweepResults.Row>> runs, List<String> correlated, double[][] correlation,
            List<String> unsupervised, List<String> supervised, double[][] selection, int completeRuns) {}

    /** Every dataset of the study in its order, from the complete runs among {@code rows}. */
    public static List<DatasetView> views(Study study, List<SweepResults.Row> rows) {
        List<DatasetView> views = new ArrayList<>();
        for (String dataset : study.datasets()) {
            List<SweepResults.Row> complete = rows.stream()
                    .filter(r -> r.complete() && dataset.equals(r.run().options().get("dataset"))).toList();
            views.add(view(dataset, study.models(), complete));
        }
        return views;
    }

    static DatasetView view(String dataset, List<String> studyModels, List<SweepResults.Row> complete) {
        // metric keys in the suite's order of metrics, then the order they appear
        Set<String> keys = new LinkedHashSet<>();
        for (String metric : MetricSuite.NAMES) {
            for (SweepResults.Row r : complete) {
                r.metrics().keySet().stream().filter(k -> k.startsWith(metric + ".")).forEach(keys::add);
            }
        }
        List<String> metrics = new ArrayList<>(keys);
        // a line per model and setting (hyper-parameters beyond the model's defaults)
        Map<String, List<SweepResults.Row>> runs = new LinkedHashMap<>();
        for (String model : studyModels) {
            for (SweepResults.Row r : complete) {
                if (r.run().model().equals(model)) runs.computeIfAbsent(label(r), k -> new ArrayList<>()).add(r);
            }
        }
        Map<String, Map<String, double[]>> table = new LinkedHashMap<>();
        for (Map.Entry<String, List<SweepResults.Row>> line : runs.entrySet()) {
            List<SweepResults.Row> lineRuns = line.getValue();
            Map<String, double[]> cells = new LinkedHashMap<>();
            for (String key : metrics) {
                List<Double> values = new ArrayList<>();
                for (SweepResults.Row r : lineRuns) {
                    Double v = r.metrics().get(key);
                    if (v != null && Double.isFinite(v)) values.add(v);
                }
                if (!values.isEmpty()) cells.put(key, SweepResults.meanAndStandardError(values));
            }
            table.put(line.getKey(), cells);
        }
        // metrics that vary over the runs can be rank-correlated
        List<String> correlated = metrics.stream().filter(k -> varies(column(complete, k))).toList();
        double[][] correlation = new double[correlated.size()][correlated.size()];
        for (int i = 0; i < correlated.size(); i++) {
            for (int j = 0; j < correlated.size(); j++) correlation[i][j] = rankCorrelation(complete, correlated.get(i), correlated.get(j));
        }
        List<String> unsupervised = new ArrayList<>();
        for (String loss : UNSUPERVISED_LOSSES) if (varies(column(complete, loss))) unsupervised.add(loss);
        for (String k : correlated) if (k.startsWith(UnsupervisedScores.NAME + ".")) unsupervised.add(k);
        List<String> supervised = correlated.stream().filter(k -> !k.startsWith(UnsupervisedScores.NAME + ".")).toList();
        double[][] selection = new double[unsupervised.size()][supervised.size()];
        for (int i = 0; i < unsupervised.size(); i++) {
            for (int j = 0; j < supervised.size(); j++) selection[i][j] = rankCorrelation(complete, unsupervised.get(i), supervised.get(j));
        }
        return new DatasetView(dataset, new ArrayList<>(runs.keySet()), metrics, table, runs, correlated, correlation, unsupervised,
                supervised, selection, complete.size());
    }

    /** The model, with the hyper-parameters its study entry sets: "beta-vae (beta=4)". */
    static String label(SweepResults.Row r) {
        if (r.run().hyperParameters().isEmpty()) return r.run().model();
        List<String> parts = new ArrayList<>();
        r.run().hyperParameters().forEach((k, v) -> parts.add(k + "=" + org.disentangle4j.experiment.SweepRun.format(v)));
        return r.run().model() + " (" + String.join(", ", parts) + ")";
    }

    /** A metric key's or loss's value per run, NaN where a run lacks it. */
    static double[] column(List<SweepResults.Row> rows, String key) {
        double[] v = new double[rows.size()];
        for (int i = 0; i < v.length; i++) {
            Double x = rows.get(i).metrics().containsKey(key) ? rows.get(i).metrics().get(key) : rows.get(i).losses().get(key);
            v[i] = x == null ? Double.NaN : x;
        }
        return v;
    }

    /** Spearman's rank correlation over the runs that have both values; NaN for fewer than three such runs. */
    static double rankCorrelation(List<SweepResults.Row> rows, String a, String b) {
        double[] x = column(rows, a), y = column(rows, b);
        List<double[]> both = new ArrayList<>();
        for (int i = 0; i < x.length; i++) if (Double.isFinite(x[i]) && Double.isFinite(y[i])) both.add(new double[] {x[i], y[i]});
        if (both.size() < 3) return Double.NaN;
        double[] xs = both.stream().mapToDouble(p -> p[0]).toArray(), ys = both.stream().mapToDouble(p -> p[1]).toArray();
        if (!varies(xs) || !varies(ys)) return Double.NaN;
        return Spearman.correlation(xs, ys);
    }

    private static boolean varies(double[] v) {
        double first = Double.NaN;
        for (double x : v) {
            if (!Double.isFinite(x)) continue;
            if (Double.isNaN(first)) first = x;
            else if (x != first) return true;
        }
        return false;
    }

    /** The models × metrics table as CSV: mean and standard error per metric key. */
    public static void writeCsv(Path file, DatasetView view) throws IOException {
        StringBuilder csv = new StringBuilder("model");
        for (String k : view.metrics()) csv.append(',').append(k).append("_mean,").append(k).append("_se");
        csv.append('\n');
        for (String line : view.models()) {
            csv.append('"').append(line).append('"');
            for (String k : view.metrics()) {
                double[] me = view.table().get(line).get(k);
                csv.append(',').append(me == null ? "" : num(me[0])).append(',').append(me == null || Double.isNaN(me[1]) ? "" : num(me[1]));
            }
            csv.append('\n');
        }
        AtomicFiles.writeString(file, csv.toString());
    }

    /** A square or rectangular matrix with row and column names as CSV. */
    public static void writeMatrixCsv(Path file, List<String> rows, List<String> columns, double[][] values) throws IOException {
        StringBuilder csv = new StringBuilder("");
        for (String c : columns) csv.append(',').append(c);
        csv.append('\n');
        for (int i = 0; i < rows.size(); i++) {
            csv.append(rows.get(i));
            for (int j = 0; j < columns.size(); j++) csv.append(',').append(Double.isNaN(values[i][j]) ? "" : num(values[i][j]));
            csv.append('\n');
        }
        AtomicFiles.writeString(file, csv.toString());
    }

    static String num(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
