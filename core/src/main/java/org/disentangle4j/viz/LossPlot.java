package org.disentangle4j.viz;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.disentangle4j.io.AtomicFiles;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Training curves: one small panel per logged term (terms differ in scale by orders of
 * magnitude, so they do not share an axis), tiled into one PNG.
 */
public final class LossPlot {
    private static final int PANEL_W = 420, PANEL_H = 260, COLUMNS = 3;

    private LossPlot() {}

    /** One logged point: the step and its values by name. */
    public record Point(long step, java.util.Map<String, Double> values) {}

    /**
     * @param skip names not to plot (e.g. throughput)
     */
    public static void write(Path file, List<Point> points, Set<String> skip) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        for (Point p : points) for (String n : p.values().keySet()) if (!skip.contains(n)) names.add(n);
        if (names.isEmpty()) throw new IllegalArgumentException("nothing to plot");
        List<BufferedImage> panels = new ArrayList<>();
        for (String name : names) panels.add(panel(name, points));
        int cols = Math.min(COLUMNS, panels.size());
        int rows = (panels.size() + cols - 1) / cols;
        BufferedImage image = new BufferedImage(cols * PANEL_W, rows * PANEL_H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        for (int i = 0; i < panels.size(); i++) g.drawImage(panels.get(i), (i % cols) * PANEL_W, (i / cols) * PANEL_H, null);
        g.dispose();
        AtomicFiles.write(file, out -> ImageIO.write(image, "png", out));
    }

    private static BufferedImage panel(String name, List<Point> points) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (Point p : points) {
            Double v = p.values().get(name);
            if (v != null && Double.isFinite(v)) {
                x.add((double) p.step());
                y.add(v);
            }
        }
        XYChart chart = new XYChartBuilder().width(PANEL_W).height(PANEL_H).title(name).xAxisTitle("step").build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesVisible(true);
        chart.getStyler().setDefaultSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setYAxisDecimalPattern("#,##0.###");
        chart.getStyler().setXAxisDecimalPattern("#,##0");
        if (x.isEmpty()) {
            x.add(0.0);
            y.add(0.0);
        }
        chart.addSeries(name, x, y).setMarker(SeriesMarkers.NONE);
        return BitmapEncoder.getBufferedImage(chart);
    }
}
