package org.disentangle4j.report;

import org.disentangle4j.metrics.MetricsJson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.disentangle4j.io.AtomicFiles;
import org.disentangle4j.model.ExtraFigure;
import org.disentangle4j.train.Divergence;
import org.disentangle4j.train.RunDirectory;
import org.disentangle4j.train.TrainingLog;

/**
 * {@code report.html}: one page per run with its config, final losses, metric scores and
 * figures, so a run can be read in a browser without opening six files.
 */
public final class RunReport {
    public static final String FILE = "report.html";

    private RunReport() {}

    /** The report of a run without figures of its method's own. */
    public static Path write(RunDirectory run) throws IOException {
        return write(run, List.of());
    }

    /** The report of a run; {@code extraFigures} are its method's own ({@code Model.extraFigures}), shown when written. */
    public static Path write(RunDirectory run, List<ExtraFigure> extraFigures) throws IOException {
        JsonObject root = run.readJson(RunDirectory.CONFIG);
        StringBuilder html = new StringBuilder();
        html.append("<!doctype html><html><head><meta charset=\"utf-8\"><title>")
                .append(escape(run.path().getFileName().toString()))
                .append("</title><style>body{font-family:sans-serif;margin:2em;max-width:1400px}"
                        + "table{border-collapse:collapse;margin-bottom:1.5em}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}"
                        + "td.n{text-align:right;font-family:monospace}img{max-width:100%;border:1px solid #ddd}</style></head><body>");
        html.append("<h1>").append(escape(run.path().getFileName().toString())).append("</h1>");
        html.append("<p>state: ").append(run.state().name().toLowerCase()).append("</p>");
        JsonObject status = java.nio.file.Files.exists(run.file(RunDirectory.STATUS)) ? run.readJson(RunDirectory.STATUS) : new JsonObject();
        for (String note : RunDirectory.NOTES) {
            if (status.has(note)) {
                html.append("<p><b>").append(escape(note.replace('_', ' '))).append(":</b> ")
                        .append(escape(status.get(note).getAsString())).append("</p>");
            }
        }
        if (run.state() == RunDirectory.State.DIVERGED) {
            html.append("<p>").append(escape(new Divergence(status.get("step").getAsLong(), status.get("cause").getAsString(),
                    status.get("checkpoint_step").getAsLong()).message()))
                    .append(". The figures show the parameters of that checkpoint (or of best.npz where the model keeps one);"
                            + " train does not score a diverged run.</p>");
        }

        html.append("<h2>Config</h2><table>");
        for (Map.Entry<String, JsonElement> e : root.getAsJsonObject("config").entrySet()) {
            html.append("<tr><th>").append(escape(e.getKey())).append("</th><td>").append(escape(e.getValue().toString())).append("</td></tr>");
        }
        for (Map.Entry<String, JsonElement> e : root.getAsJsonObject("versions").entrySet()) {
            html.append("<tr><th>").append(escape(e.getKey())).append("</th><td>").append(escape(e.getValue().getAsString())).append("</td></tr>");
        }
        html.append("</table>");

        List<TrainingLog.Entry> log = TrainingLog.read(run.file(RunDirectory.LOG));
        if (!log.isEmpty()) {
            TrainingLog.Entry last = log.get(log.size() - 1);
            html.append("<h2>Training (mean over the last ").append("logged steps, at step ").append(last.step()).append(")</h2><table>");
            last.values().forEach((k, v) -> html.append("<tr><th>").append(escape(k)).append("</th><td class=\"n\">")
                    .append(Double.isFinite(v) ? String.format("%.4g", v) : "non-finite").append("</td></tr>"));
            html.append("</table>");
        }

        if (Files.exists(run.file(RunDirectory.METRICS))) {
            html.append("<h2>Metrics</h2><table><tr><th>metric</th><th>key</th><th>value</th></tr>");
            JsonObject metrics = run.readJson(RunDirectory.METRICS);
            long trained = run.statusStep();
            for (Map.Entry<String, JsonElement> m : metrics.entrySet()) {
                for (Map.Entry<String, JsonElement> k : m.getValue().getAsJsonObject().entrySet()) {
                    String value = k.getValue().isJsonNull() ? "n/a" : String.format("%.4f", k.getValue().getAsDouble());
                    if (k.getKey().equals(MetricsJson.CHECKPOINT_STEP) && !k.getValue().isJsonNull()) {
                        long step = k.getValue().getAsLong();
                        // a run trained further after scoring keeps the older scores: say so beside them
                        value = String.format("%,d", step) + (step < trained && !Files.exists(run.file(RunDirectory.BEST))
                                ? " (earlier than the run's " + String.format("%,d", trained) + " steps: score it again)" : "");
                    }
                    html.append("<tr><td>").append(escape(m.getKey())).append("</td><td>").append(escape(k.getKey()))
                            .append("</td><td class=\"n\">").append(value).append("</td></tr>");
                }
            }
            html.append("</table>");
        }

        figure(html, run, RunFigures.RECONSTRUCTIONS, "Reconstructions (top: data, bottom: reconstruction)");
        figure(html, run, RunFigures.TRAVERSALS, "Latent traversals (one row per latent, highest KL first; left: the sample)");
        figure(html, run, RunFigures.SAMPLES, "Samples from the prior");
        figure(html, run, RunFigures.EXTRAPOLATION, "Cartesian-product extrapolation (two learned latents over their 1st-99th percentile,"
                + " columns: first latent left to right, rows: second latent bottom to top; framed: where out-of-support data is encoded)");
        for (ExtraFigure extra : extraFigures) figure(html, run, extra.file(), extra.caption());
        figure(html, run, RunFigures.LOSS, "Training curves");
        html.append("</body></html>\n");
        Path file = run.file(FILE);
        AtomicFiles.writeString(file, html.toString());
        return file;
    }

    private static void figure(StringBuilder html, RunDirectory run, String name, String caption) {
        if (!Files.exists(run.file(name))) return;
        html.append("<h2>").append(escape(caption)).append("</h2><img src=\"").append(name).append("\" alt=\"").append(name).append("\">");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
