package org.disentangle4j.experiment;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.disentangle4j.experiment.IndependentMechanismsToy.Intervention;
import org.disentangle4j.experiment.IndependentMechanismsToy.SeedResult;
import org.disentangle4j.io.AtomicFiles;
import org.disentangle4j.io.UserInputException;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * {@code experiment im-toy} (issue 15): {@link IndependentMechanismsToy} over seeds, as a table and
 * a figure. For each seed a generic truth, a plain gradient-descent fit and an
 * independence-regularised fit (trace condition, λ = 1) of the over-parameterised two-layer linear
 * generator; each intervention on the second layer is applied to the truth and to both fits and
 * scored by the 2-Wasserstein distance of the intervened Gaussians to the truth's. "no change" is
 * the distance of the observed distribution to the true intervened one (a model that ignores the
 * intervention).
 */
public final class ImToyExperiment {
    public static final int DEFAULT_SEEDS = 10;
    /** The mechanism's gains squared and square-rooted (see {@link IndependentMechanismsToy#spectralPower}). */
    public static final List<Intervention> INTERVENTIONS = List.of(IndependentMechanismsToy.spectralPower(2),
            IndependentMechanismsToy.spectralPower(0.5));

    private ImToyExperiment() {}

    /** One line of the table: an intervention's W₂ over seeds. */
    public record Line(String intervention, double[] noChange, double[] plain, double[] regularised, int regularisedBetter) {}

    /** The seeds' results and the table's lines. */
    public record Result(List<SeedResult> seeds, List<Line> lines) {}

    public static Result run(int seeds) {
        if (seeds < 1) throw new UserInputException("--seeds must be at least 1, got " + seeds);
        List<SeedResult> results = IndependentMechanismsToy.compare(IndependentMechanismsToy.DIMENSIONS, IndependentMechanismsToy.TRAINING,
                INTERVENTIONS, seeds);
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < INTERVENTIONS.size(); i++) {
            double[] none = new double[seeds], plain = new double[seeds], reg = new double[seeds];
            int better = 0;
            for (int s = 0; s < seeds; s++) {
                none[s] = results.get(s).baselineW2()[i];
                plain[s] = results.get(s).plainW2()[i];
                reg[s] = results.get(s).regularisedW2()[i];
                if (reg[s] < plain[s]) better++;
            }
            lines.add(new Line(INTERVENTIONS.get(i).name(), none, plain, reg, better));
        }
        return new Result(results, lines);
    }

    /** The Markdown page: the setting, the W₂ table, the fits' trace ratios and errors. */
    public static String markdown(Result r, String wallTime) {
        int n = r.seeds().size();
        IndependentMechanismsToy.Dimensions d = IndependentMechanismsToy.DIMENSIONS;
        IndependentMechanismsToy.Training t = IndependentMechanismsToy.TRAINING;
        StringBuilder b = new StringBuilder("# Independent mechanisms, linear toy: extrapolating an intervention on layer 2\n\n");
        b.append(String.format(Locale.ROOT, "x = A₂A₁z, z ∈ R^%d, true hidden %d, model hidden %d, x ∈ R^%d; %d seeds (truth from seed s, "
                + "initialisation N(0, %s²) from s + 1000003, shared by both fits); full-batch gradient descent, %,d steps of %s on "
                + "‖A₂A₁A₁ᵀA₂ᵀ − Σ_x‖²_F; regularised: + λ(log r)², λ = %s, r the trace ratio of layer 2 with its input covariance. "
                + "Interventions: A₂ = USVᵀ ↦ c·US^γVᵀ (norm kept). W₂: 2-Wasserstein distance of the intervened Gaussian to the "
                + "truth's (mean ± standard error over seeds). %s\n\n",
                d.latent(), d.trueHidden(), d.modelHidden(), d.output(), n, fmt(t.initScale()), t.steps(), fmt(t.learningRate()),
                fmt(t.independenceWeight()), wallTime));
        b.append("| intervention | W₂ no change | W₂ gradient descent | W₂ regularised | regularised better |\n|---|---|---|---|---|\n");
        for (Line l : r.lines()) {
            b.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %d/%d |\n", l.intervention(), meanSe(l.noChange()), meanSe(l.plain()),
                    meanSe(l.regularised()), l.regularisedBetter(), n));
        }
        double[] truth = new double[n], plain = new double[n], reg = new double[n], plainFit = new double[n], regFit = new double[n];
        for (int s = 0; s < n; s++) {
            SeedResult x = r.seeds().get(s);
            truth[s] = x.truthRatio();
            plain[s] = x.plainRatio();
            reg[s] = x.regularisedRatio();
            plainFit[s] = x.plainFitError();
            regFit[s] = x.regularisedFitError();
        }
        b.append("\n| | truth | gradient descent | regularised |\n|---|---|---|---|\n");
        b.append(String.format(Locale.ROOT, "| trace ratio r of layer 2 | %s | %s | %s |\n", meanSe(truth), meanSe(plain), meanSe(reg)));
        b.append(String.format(Locale.ROOT, "| relative covariance fit error (max) | – | %.1e | %.1e |\n", max(plainFit), max(regFit)));
        return b.toString();
    }

    /** The table as CSV: one row per intervention. */
    public static String csv(Result r) {
        StringBuilder b = new StringBuilder("intervention,seeds,w2_no_change_mean,w2_no_change_se,w2_gd_mean,w2_gd_se,w2_regularised_mean,"
                + "w2_regularised_se,regularised_better\n");
        for (Line l : r.lines()) {
            b.append(String.format(Locale.ROOT, "%s,%d,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,%d\n", l.intervention(), l.plain().length,
                    mean(l.noChange()), se(l.noChange()), mean(l.plain()), se(l.plain()), mean(l.regularised()), se(l.regularised()),
                    l.regularisedBetter()));
        }
        return b.toString();
    }

    /** Per seed, W₂ of the regularised fit (y) against the plain fit's (x), one colour per intervention; below the diagonal the regulariser helps. */
    public static void writeFigure(Path file, Result r) throws IOException {
        XYChart chart = new XYChartBuilder().width(640).height(520).title("Linear toy: W2 to the true intervened distribution, per seed")
                .xAxisTitle("W2, gradient descent").yAxisTitle("W2, independence-regularised").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        Color[] colours = {new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115)};
        double top = 0;
        for (int i = 0; i < r.lines().size(); i++) {
            Line l = r.lines().get(i);
            List<Double> x = new ArrayList<>(), y = new ArrayList<>();
            for (int s = 0; s < l.plain().length; s++) {
                x.add(l.plain()[s]);
                y.add(l.regularised()[s]);
                top = Math.max(top, Math.max(l.plain()[s], l.regularised()[s]));
            }
            XYSeries series = chart.addSeries(l.intervention(), x, y);
            series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            series.setMarker(SeriesMarkers.CIRCLE);
            series.setMarkerColor(colours[i % colours.length]);
        }
        XYSeries diagonal = chart.addSeries("equal", List.of(0.0, top * 1.05), List.of(0.0, top * 1.05));
        diagonal.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        diagonal.setMarker(SeriesMarkers.NONE);
        diagonal.setLineColor(Color.GRAY);
        diagonal.setLineStyle(SeriesLines.DASH_DASH);
        BufferedImage image = BitmapEncoder.getBufferedImage(chart);
        AtomicFiles.write(file, out -> ImageIO.write(image, "png", out));
    }

    /** Writes results.md, results.csv and im-toy.png into {@code out}. */
    public static void write(Path out, Result r, String wallTime) throws IOException {
        java.nio.file.Files.createDirectories(out);
        AtomicFiles.writeString(out.resolve("results.md"), markdown(r, wallTime));
        AtomicFiles.writeString(out.resolve("results.csv"), csv(r));
        writeFigure(out.resolve("im-toy.png"), r);
    }

    static String meanSe(double[] v) {
        return String.format(Locale.ROOT, "%.3f ± %.3f", mean(v), se(v));
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }

    /** Standard error of the mean (0 for one value). */
    static double se(double[] v) {
        if (v.length < 2) return 0;
        double m = mean(v), s = 0;
        for (double x : v) s += (x - m) * (x - m);
        return Math.sqrt(s / (v.length - 1) / v.length);
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) m = Math.max(m, x);
        return m;
    }

    private static String fmt(double v) {
        return SweepRun.format(v);
    }
}
