package org.disentangle4j.experiment.verdict;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import javax.imageio.ImageIO;
import org.disentangle4j.io.AtomicFiles;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * {@code claims-curve.png}: each claim's measure for both of its groups (mean ± standard error
 * over seeds) against the training steps of the budgets an experiment holds, one panel per claim,
 * so that a reader sees whether the gap between the groups grows or shrinks with training.
 */
public final class ClaimsCurve {
    public static final String FILE = "claims-curve.png";
    static final int WIDTH = 720, PANEL_HEIGHT = 260;

    private ClaimsCurve() {}

    /** One panel's points: the claim and, per budget, both groups' summaries. */
    public record Panel(Claim claim, List<Long> steps, List<GroupSummary> a, List<GroupSummary> b) {}

    /**
     * The panels of the claims judged at two or more budgets, in the order of their first
     * appearance; a budget where a group has no value leaves that group's point out.
     */
    public static List<Panel> panels(SortedMap<Long, List<ClaimVerdict>> byBudget) {
        Map<String, List<Long>> steps = new LinkedHashMap<>();
        Map<String, Claim> claims = new LinkedHashMap<>();
        Map<String, List<GroupSummary>> as = new LinkedHashMap<>(), bs = new LinkedHashMap<>();
        byBudget.forEach((budget, verdicts) -> {
            for (ClaimVerdict v : verdicts) {
                String id = v.claim().id();
                claims.putIfAbsent(id, v.claim());
                steps.computeIfAbsent(id, k -> new ArrayList<>()).add(budget);
                as.computeIfAbsent(id, k -> new ArrayList<>()).add(v.a());
                bs.computeIfAbsent(id, k -> new ArrayList<>()).add(v.b());
            }
        });
        List<Panel> panels = new ArrayList<>();
        for (String id : claims.keySet()) {
            if (steps.get(id).size() >= 2) panels.add(new Panel(claims.get(id), steps.get(id), as.get(id), bs.get(id)));
        }
        return panels;
    }

    /** Writes the figure; false, and nothing written, when no claim was judged at two budgets or more. */
    public static boolean write(Path file, SortedMap<Long, List<ClaimVerdict>> byBudget) throws IOException {
        List<Panel> panels = panels(byBudget);
        if (panels.isEmpty()) return false;
        BufferedImage figure = new BufferedImage(WIDTH, PANEL_HEIGHT * panels.size(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = figure.createGraphics();
        for (int i = 0; i < panels.size(); i++) g.drawImage(BitmapEncoder.getBufferedImage(chart(panels.get(i))), 0, i * PANEL_HEIGHT, null);
        g.dispose();
        AtomicFiles.write(file, out -> ImageIO.write(figure, "png", out));
        return true;
    }

    private static XYChart chart(Panel p) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(PANEL_HEIGHT)
                .title(p.claim().id() + ": expected " + p.claim().groupA() + " " + p.claim().expected().symbol() + " " + p.claim().groupB())
                .xAxisTitle("training steps").yAxisTitle(p.claim().metric()).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setPlotGridLinesVisible(true);
        series(chart, p.claim().groupA(), p.steps(), p.a(), new Color(0, 90, 181));
        series(chart, p.claim().groupB(), p.steps(), p.b(), new Color(220, 50, 32));
        return chart;
    }

    private static void series(XYChart chart, String name, List<Long> steps, List<GroupSummary> groups, Color color) {
        List<Double> x = new ArrayList<>(), y = new ArrayList<>(), error = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            GroupSummary g = groups.get(i);
            if (g.n() == 0) continue;
            x.add((double) steps.get(i));
            y.add(g.mean());
            error.add(g.n() > 1 ? g.standardError() : 0.0);
        }
        if (x.isEmpty()) return;
        XYSeries s = chart.addSeries(name + " (mean ± s.e.)", x, y, error);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setLineColor(color);
        s.setMarkerColor(color);
    }
}
