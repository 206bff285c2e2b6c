package org.disentangle4j.experiment.study;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.disentangle4j.experiment.SweepResults;
import org.disentangle4j.io.AtomicFiles;
import org.disentangle4j.train.Run;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;

/**
 * A study's page: {@code study.html} (one static file, opens from disk) with, per dataset, the
 * models × metrics table (best per column in bold, each line linking to its runs' report.html),
 * the metrics' rank-correlation heatmap, every run's score by model (strip plots), reconstruction
 * against each metric, and unsupervised model selection; the same as {@code study.md}, CSV and PNG
 * beside it; the study's config, versions, machine, wall time and every run that did not complete.
 */
public final class StudyPage {
    public static final String HTML = "study.html";
    public static final String MARKDOWN = "study.md";
    static final int PANEL_WIDTH = 420, PANEL_HEIGHT = 280, COLUMNS = 3;

    private StudyPage() {}

    /** Writes the page and its files into {@code dir}; returns the page. */
    public static Path write(Path dir, Study study, List<SweepResults.Row> rows, String wallTime) throws IOException {
        List<StudyReport.DatasetView> views = StudyReport.views(study, rows);
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>disentangle4j study</title><style>"
                + "body{font-family:sans-serif;margin:2em;max-width:1400px} table{border-collapse:collapse;margin:1em 0} "
                + "td,th{border:1px solid #ccc;padding:3px 6px;font-size:13px} td.n{text-align:right} img{max-width:100%} "
                + "pre{background:#f6f6f6;padding:1em} div.wide{overflow-x:auto} td a{white-space:nowrap}</style></head><body>\n<h1>Study</h1>\n");
        StringBuilder md = new StringBuilder("# Study\n\n");
        long complete = rows.stream().filter(SweepResults.Row::complete).count();
        String summary = String.format(Locale.ROOT, "%d models × %d datasets; %d of %d runs complete. %s", study.models().size(),
                study.datasets().size(), complete, rows.size(), wallTime);
        html.append("<p>").append(escape(summary)).append("</p>\n");
        md.append(summary).append("\n\n");
        List<SweepResults.Row> notComplete = rows.stream().filter(r -> !r.complete()).toList();
        if (!notComplete.isEmpty()) {
            html.append("<h2>Runs that did not complete</h2><ul>\n");
            md.append("## Runs that did not complete\n\n");
            for (SweepResults.Row r : notComplete) {
                html.append("<li>").append(escape(r.run().name())).append(": ").append(escape(r.state())).append(" at step ").append(r.step())
                        .append("</li>\n");
                md.append("- ").append(r.run().name()).append(": ").append(r.state()).append(" at step ").append(r.step()).append('\n');
            }
            html.append("</ul>\n");
            md.append('\n');
        }
        for (StudyReport.DatasetView view : views) writeDataset(dir, view, html, md);
        html.append("<h2>Study, versions, machine</h2><pre>").append(escape(new com.google.gson.GsonBuilder().setPrettyPrinting().create()
                .toJson(study.source()))).append("</pre><table>");
        Map<String, String> versions = Run.versions();
        versions.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        versions.put("memory", String.format(Locale.ROOT, "%.1f GB", org.disentangle4j.train.ResourceBounds.machineMemory() / 1e9));
        versions.forEach((k, v) -> html.append("<tr><td>").append(escape(k)).append("</td><td>").append(escape(v)).append("</td></tr>"));
        html.append("</table>\n</body></html>\n");
        Path page = dir.resolve(HTML);
        AtomicFiles.writeString(page, html.toString());
        AtomicFiles.writeString(dir.resolve(MARKDOWN), md.toString());
        return page;
    }

    private static void writeDataset(Path dir, StudyReport.DatasetView view, StringBuilder html, StringBuilder md) throws IOException {
        String d = view.dataset();
        html.append("<h2>").append(escape(d)).append("</h2>\n");
        md.append("## ").append(d).append("\n\n");
        if (view.completeRuns() == 0) {
            html.append("<p>No complete run yet.</p>\n");
            md.append("No complete run yet.\n\n");
            return;
        }
        StudyReport.writeCsv(dir.resolve("study-" + d + ".csv"), view);
        // models × metrics, the best (highest) supervised score per column in bold
        html.append("<h3>Models × metrics (mean ± s.e. over seeds; best per column in bold)</h3><div class=\"wide\"><table><tr><th>model</th><th>runs</th>");
        md.append("| model | runs |");
        for (String k : view.metrics()) {
            html.append("<th>").append(escape(k)).append("</th>");
            md.append(' ').append(k).append(" |");
        }
        html.append("</tr>\n");
        md.append("\n|---|---|").append("---|".repeat(view.metrics().size())).append('\n');
        for (String line : view.models()) {
            html.append("<tr><td>").append(escape(line)).append("</td><td>");
            List<SweepResults.Row> runs = view.runs().get(line);
            for (SweepResults.Row r : runs) {
                html.append("<a href=\"").append(escape(r.run().name())).append("/report.html\">seed ").append(r.run().seed()).append("</a> ");
            }
            html.append("</td>");
            md.append("| ").append(line).append(" | ").append(runs.size()).append(" |");
            for (String k : view.metrics()) {
                double[] me = view.table().get(line).get(k);
                String cell = me == null ? "–" : Double.isNaN(me[1]) ? fmt(me[0]) : fmt(me[0]) + " ± " + fmt(me[1]);
                // scores only: not the unsupervised quantities (no direction is better) nor counts (num_active_dims)
                boolean best = me != null && !k.startsWith("unsupervised.") && !k.contains(".num_") && isBest(view, line, k);
                html.append("<td class=\"n\">").append(best ? "<b>" + cell + "</b>" : cell).append("</td>");
                md.append(' ').append(best ? "**" + cell + "**" : cell).append(" |");
            }
            html.append("</tr>\n");
            md.append('\n');
        }
        html.append("</table></div>\n");
        md.append('\n');
        if (view.correlated().size() >= 2) {
            String file = "correlation-" + d + ".png";
            writeHeatmap(dir.resolve(file), view.correlated(), view.correlated(), view.correlation());
            StudyReport.writeMatrixCsv(dir.resolve("correlation-" + d + ".csv"), view.correlated(), view.correlated(), view.correlation());
            html.append("<h3>How the metrics agree: Spearman rank correlation over all ").append(view.completeRuns())
                    .append(" runs</h3><img src=\"").append(file).append("\">\n");
            md.append("Rank correlation of the metrics: ").append(file).append("\n\n");
        }
        if (!view.correlated().isEmpty()) {
            String strips = "strips-" + d + ".png";
            writePanels(dir.resolve(strips), view.correlated().stream().map(k -> (java.util.function.Supplier<BufferedImage>) () -> strip(view, k)).toList());
            html.append("<h3>Seed against model: every run's score</h3><img src=\"").append(strips).append("\">\n");
            md.append("Every run's score by model: ").append(strips).append("\n\n");
            if (view.unsupervised().contains("recon")) {
                String recon = "recon-" + d + ".png";
                writePanels(dir.resolve(recon), view.correlated().stream().map(k -> (java.util.function.Supplier<BufferedImage>) () -> scatter(view, k)).toList());
                html.append("<h3>Reconstruction against each metric</h3><img src=\"").append(recon).append("\">\n");
                md.append("Reconstruction against each metric: ").append(recon).append("\n\n");
            }
        }
        if (!view.unsupervised().isEmpty() && !view.supervised().isEmpty()) {
            StudyReport.writeMatrixCsv(dir.resolve("selection-" + d + ".csv"), view.unsupervised(), view.supervised(), view.selection());
            html.append("<h3>Unsupervised model selection: Spearman correlation of each unsupervised quantity with each supervised "
                    + "metric over the runs (a good selector ranks runs as the metric does: |ρ| near 1)</h3><table><tr><th></th>");
            md.append("Unsupervised model selection (Spearman ρ over runs):\n\n| |");
            for (String k : view.supervised()) {
                html.append("<th>").append(escape(k)).append("</th>");
                md.append(' ').append(k).append(" |");
            }
            html.append("</tr>\n");
            md.append("\n|---|").append("---|".repeat(view.supervised().size())).append('\n');
            for (int i = 0; i < view.unsupervised().size(); i++) {
                html.append("<tr><td>").append(escape(view.unsupervised().get(i))).append("</td>");
                md.append("| ").append(view.unsupervised().get(i)).append(" |");
                for (int j = 0; j < view.supervised().size(); j++) {
                    double r = view.selection()[i][j];
                    String cell = Double.isNaN(r) ? "–" : String.format(Locale.ROOT, "%.2f", r);
                    html.append("<td class=\"n\" style=\"background:").append(hex(colour(r))).append("\">").append(cell).append("</td>");
                    md.append(' ').append(cell).append(" |");
                }
                html.append("</tr>\n");
                md.append('\n');
            }
            html.append("</table>\n");
            md.append('\n');
        }
    }

    private static boolean isBest(StudyReport.DatasetView view, String line, String key) {
        double mine = view.table().get(line).get(key)[0];
        for (String other : view.models()) {
            double[] me = view.table().get(other).get(key);
            if (me != null && me[0] > mine) return false;
        }
        return view.models().size() > 1;
    }

    private static BufferedImage strip(StudyReport.DatasetView view, String key) {
        CategoryChart chart = new CategoryChartBuilder().width(PANEL_WIDTH).height(PANEL_HEIGHT).title(key).build();
        style(chart.getStyler());
        chart.getStyler().setDefaultSeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisLabelRotation(20);
        int seeds = view.runs().values().stream().mapToInt(List::size).max().orElse(0);
        for (int s = 0; s < seeds; s++) {
            List<String> categories = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            for (String line : view.models()) {
                List<SweepResults.Row> runs = view.runs().get(line);
                if (s >= runs.size()) continue;
                double v = StudyReport.column(List.of(runs.get(s)), key)[0];
                if (!Double.isFinite(v)) continue;
                categories.add(line);
                values.add(v);
            }
            if (!categories.isEmpty()) chart.addSeries("run " + s, categories, values);
        }
        return BitmapEncoder.getBufferedImage(chart);
    }

    private static BufferedImage scatter(StudyReport.DatasetView view, String key) {
        XYChart chart = new XYChartBuilder().width(PANEL_WIDTH).height(PANEL_HEIGHT).title(key).xAxisTitle("recon").build();
        style(chart.getStyler());
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        for (String line : view.models()) {
            double[] x = StudyReport.column(view.runs().get(line), "recon"), y = StudyReport.column(view.runs().get(line), key);
            List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
            for (int i = 0; i < x.length; i++) if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                xs.add(x[i]);
                ys.add(y[i]);
            }
            if (!xs.isEmpty()) chart.addSeries(line, xs, ys);
        }
        return BitmapEncoder.getBufferedImage(chart);
    }

    private static void style(org.knowm.xchart.style.AxesChartStyler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotGridLinesVisible(true);
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    }

    /** Panels in a grid of {@value #COLUMNS} columns, one PNG. */
    private static void writePanels(Path file, List<java.util.function.Supplier<BufferedImage>> panels) throws IOException {
        int rows = (panels.size() + COLUMNS - 1) / COLUMNS;
        BufferedImage grid = new BufferedImage(PANEL_WIDTH * Math.min(COLUMNS, panels.size()), PANEL_HEIGHT * rows, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = grid.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, grid.getWidth(), grid.getHeight());
        for (int i = 0; i < panels.size(); i++) g.drawImage(panels.get(i).get(), (i % COLUMNS) * PANEL_WIDTH, (i / COLUMNS) * PANEL_HEIGHT, null);
        g.dispose();
        AtomicFiles.write(file, out -> ImageIO.write(grid, "png", out));
    }

    /** A heatmap of a matrix in [−1, 1] (blue − white − red), the value in each cell. */
    static void writeHeatmap(Path file, List<String> rows, List<String> columns, double[][] values) throws IOException {
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
        Graphics2D measure = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        FontMetrics fm = measure.getFontMetrics(font);
        int label = 12;
        for (String name : rows) label = Math.max(label, fm.stringWidth(name) + 12);
        for (String name : columns) label = Math.max(label, fm.stringWidth(name) + 12);
        measure.dispose();
        int cell = 46;
        BufferedImage image = new BufferedImage(label + cell * columns.size() + 10, label + cell * rows.size() + 10, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setFont(font);
        for (int i = 0; i < rows.size(); i++) {
            g.setColor(Color.BLACK);
            g.drawString(rows.get(i), label - 6 - fm.stringWidth(rows.get(i)), label + i * cell + cell / 2 + fm.getAscent() / 2);
            for (int j = 0; j < columns.size(); j++) {
                double v = values[i][j];
                g.setColor(colour(v));
                g.fillRect(label + j * cell, label + i * cell, cell, cell);
                g.setColor(Color.GRAY);
                g.setStroke(new BasicStroke(1));
                g.drawRect(label + j * cell, label + i * cell, cell, cell);
                String text = Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.2f", v);
                g.setColor(Color.BLACK);
                g.drawString(text, label + j * cell + (cell - fm.stringWidth(text)) / 2, label + i * cell + cell / 2 + fm.getAscent() / 2);
            }
        }
        for (int j = 0; j < columns.size(); j++) { // column names written upwards
            Graphics2D r = (Graphics2D) g.create();
            r.translate(label + j * cell + cell / 2 + fm.getAscent() / 2, label - 6);
            r.rotate(-Math.PI / 2);
            r.setColor(Color.BLACK);
            r.drawString(columns.get(j), 0, 0);
            r.dispose();
        }
        g.dispose();
        AtomicFiles.write(file, out -> ImageIO.write(image, "png", out));
    }

    /** Blue for −1, white for 0, red for +1; light grey for a missing value. */
    static Color colour(double v) {
        if (Double.isNaN(v)) return new Color(235, 235, 235);
        double a = Math.min(1, Math.abs(v));
        int fade = (int) Math.round(255 * (1 - a));
        return v >= 0 ? new Color(255, fade, fade) : new Color(fade, fade, 255);
    }

    private static String hex(Color c) {
        return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    private static String fmt(double v) {
        if (Math.abs(v) >= 100) return String.format(Locale.ROOT, "%.1f", v);
        if (v == 0 || Math.abs(v) >= 0.01) return String.format(Locale.ROOT, "%.3f", v);
        return String.format(Locale.ROOT, "%.2e", v);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
