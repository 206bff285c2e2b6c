package org.disentangle4j.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.disentangle4j.io.AtomicFiles;
import org.disentangle4j.metrics.stats.Covariance;
import org.disentangle4j.metrics.stats.GaussianTc;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The theory of issue 14 in one table and one figure ({@code disentangle theory mean-tc}): a mean
 * representation with arbitrarily high total correlation can have sampled codes whose total
 * correlation stays bounded, so penalising the TC of sampled codes need not factorise the means.
 *
 * <p>Model: means μ ~ N(0, [[1, ρ], [ρ, 1]]), sampled codes z = μ + s·ε with ε ~ N(0, I). Then
 * cov(z) = [[1 + s², ρ], [ρ, 1 + s²]], so corr(z) = ρ / (1 + s²), and for a bivariate Gaussian of
 * correlation r the total correlation is −½ log(1 − r²) nats:
 * <ul>
 *   <li>TC(μ) = −½ log(1 − ρ²), unbounded as ρ → 1;</li>
 *   <li>TC(z) = −½ log(1 − ρ² / (1 + s²)²) ≤ −½ log(1 − (1 + s²)⁻²), its limit as ρ → 1.</li>
 * </ul>
 * The Monte-Carlo check draws n pairs (seeded) and computes the Gaussian TC of their sample
 * covariance ({@link GaussianTc}, the formula the {@code mean_tc} metric uses). Its standard error
 * is about |r|/√n for true correlation r (delta method: the sample correlation has variance
 * (1 − r²)²/n and dTC/dr = r/(1 − r²)), so at most 1/√n ≈ 0.0022 nats for 200,000 draws.
 *
 * <p>This lives in {@code report/} (what is left for people: tables and figures) rather than in
 * {@code metrics/stats/}: it draws with XChart, and the statistics it needs are the metric's own
 * ({@link GaussianTc}), which it reuses rather than restates.
 */
public final class MeanTcTheory {
    /** The correlations of the means in the table. */
    public static final double[] CORRELATIONS = {0, 0.5, 0.9, 0.99, 0.999, 0.9999};
    /** The noise scales s of the sampled codes (a posterior standard deviation against a unit prior). */
    public static final double[] NOISE_SCALES = {0.5, 1, 2};
    public static final int DEFAULT_DRAWS = 200_000;
    public static final long DEFAULT_SEED = 0;

    private static final int WIDTH = 900, HEIGHT = 600;
    /** The figure's x axis, −log10(1 − ρ), runs from ρ = 0 to ρ = 1 − 10^−MAX_X. */
    private static final double MAX_X = 4.5;
    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c)};

    private MeanTcTheory() {}

    /** TC(μ) = −½ log(1 − ρ²) nats. */
    public static double tcMean(double rho) {
        return bivariate(rho);
    }

    /** corr(z) = ρ / (1 + s²). */
    public static double sampledCorrelation(double rho, double s) {
        return rho / (1 + s * s);
    }

    /** TC(z) = −½ log(1 − ρ²/(1 + s²)²) nats. */
    public static double tcSampled(double rho, double s) {
        return bivariate(sampledCorrelation(rho, s));
    }

    /** The bound TC(z) ≤ −½ log(1 − (1 + s²)⁻²) for every ρ, approached as ρ → 1. */
    public static double tcSampledBound(double s) {
        return bivariate(1 / (1 + s * s));
    }

    /** −½ log(1 − r²) of a bivariate Gaussian of correlation r; 1 − r² as (1 − r)(1 + r) keeps its digits near r = 1. */
    static double bivariate(double r) {
        double tc = -0.5 * Math.log((1 - r) * (1 + r));
        return tc == 0 ? 0.0 : tc; // −½ log 1 is −0.0, which would print as "-0.0000"
    }

    /** The Monte-Carlo standard error of a Gaussian TC of correlation r estimated from n draws, |r|/√n. */
    public static double standardError(double r, int draws) {
        return Math.abs(r) / Math.sqrt(draws);
    }

    /** One line of the table: closed forms and Monte-Carlo estimates for (ρ, s). */
    public record Row(double rho, double s, double tcMean, double tcSampled, double bound, double monteCarloMean, double monteCarloSampled) {}

    /**
     * Every (ρ, s) of {@link #CORRELATIONS} × {@link #NOISE_SCALES}. Per ρ one sample of n means
     * (its estimate of TC(μ) is shared by that ρ's rows) and, per s, one noise sample added to it.
     */
    public static List<Row> table(int draws, long seed) {
        if (draws < 2) throw new IllegalArgumentException("need at least 2 draws, got " + draws);
        SplittableRandom rng = new SplittableRandom(seed);
        List<Row> rows = new ArrayList<>();
        double[] mu1 = new double[draws];
        double[] mu2 = new double[draws];
        double[] z1 = new double[draws];
        double[] z2 = new double[draws];
        for (double rho : CORRELATIONS) {
            double c = Math.sqrt((1 - rho) * (1 + rho));
            for (int i = 0; i < draws; i++) {
                double e1 = rng.nextGaussian();
                mu1[i] = e1;
                mu2[i] = rho * e1 + c * rng.nextGaussian();
            }
            double mcMean = tcOfPairs(mu1, mu2);
            for (double s : NOISE_SCALES) {
                for (int i = 0; i < draws; i++) {
                    z1[i] = mu1[i] + s * rng.nextGaussian();
                    z2[i] = mu2[i] + s * rng.nextGaussian();
                }
                rows.add(new Row(rho, s, tcMean(rho), tcSampled(rho, s), tcSampledBound(s), mcMean, tcOfPairs(z1, z2)));
            }
        }
        return rows;
    }

    /** The Gaussian TC of the sample covariance of the pairs (a_i, b_i). */
    static double tcOfPairs(double[] a, double[] b) {
        double[] v = Covariance.pair(a, b);
        return GaussianTc.ofCovariance(new double[][] {{v[0], v[1]}, {v[1], v[2]}});
    }

    /** The table for people, with a header saying what each column is. */
    public static String text(List<Row> rows, int draws, long seed) {
        StringBuilder sb = new StringBuilder();
        sb.append("Total correlation (nats) of means μ ~ N(0, [[1, ρ], [ρ, 1]]) and sampled codes z = μ + s·ε, ε ~ N(0, I)\n");
        sb.append("closed forms: TC(μ) = −½ log(1 − ρ²); corr(z) = ρ/(1 + s²), TC(z) = −½ log(1 − ρ²/(1 + s²)²) ≤ bound = −½ log(1 − (1 + s²)⁻²)\n");
        sb.append(String.format(Locale.ROOT, "Monte-Carlo (MC): %,d draws, seed %d, Gaussian TC of the sample covariance; standard error ≈ |corr|/√n ≤ %.4f%n",
                draws, seed, 1 / Math.sqrt(draws)));
        String format = "%-8s %-5s %10s %10s %9s %10s %10s %10s%n";
        sb.append(String.format(Locale.ROOT, format, "ρ", "s", "TC(μ)", "MC TC(μ)", "corr(z)", "TC(z)", "MC TC(z)", "bound"));
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, format, plain(r.rho()), plain(r.s()), num(r.tcMean()), num(r.monteCarloMean()),
                    String.format(Locale.ROOT, "%.5f", sampledCorrelation(r.rho(), r.s())), num(r.tcSampled()), num(r.monteCarloSampled()),
                    num(r.bound())));
        }
        return sb.toString();
    }

    private static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    /**
     * The figure: x = −log10(1 − ρ) (0 is ρ = 0, 4 is ρ = 0.9999), y = TC in nats; TC(μ) (black),
     * and per s its TC(z) (solid) and bound (dashed) in one colour; the table's Monte-Carlo
     * estimates as markers.
     */
    public static void writeFigure(Path file, List<Row> rows) throws IOException {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Total correlation of mean vs sampled codes (bivariate Gaussian)")
                .xAxisTitle("-log10(1 - ρ)   (0: ρ = 0,  2: ρ = 0.99,  4: ρ = 0.9999)").yAxisTitle("total correlation (nats)").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesVisible(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setXAxisDecimalPattern("0.#");
        chart.getStyler().setYAxisDecimalPattern("0.#");

        int points = 181;
        List<Double> x = new ArrayList<>();
        List<Double> mean = new ArrayList<>();
        for (int i = 0; i < points; i++) {
            double xi = MAX_X * i / (points - 1);
            x.add(xi);
            mean.add(tcMean(rhoAt(xi)));
        }
        line(chart, "TC(μ)", x, mean, Color.BLACK, SeriesLines.SOLID, true);
        for (int k = 0; k < NOISE_SCALES.length; k++) {
            double s = NOISE_SCALES[k];
            List<Double> sampled = new ArrayList<>();
            List<Double> bound = new ArrayList<>();
            for (double xi : x) {
                sampled.add(tcSampled(rhoAt(xi), s));
                bound.add(tcSampledBound(s));
            }
            line(chart, "TC(z), s = " + plain(s), x, sampled, COLORS[k], SeriesLines.SOLID, true);
            line(chart, "bound, s = " + plain(s), x, bound, COLORS[k], SeriesLines.DASH_DASH, true);
        }
        markers(chart, "Monte-Carlo", rows, -1, Color.BLACK, true);
        for (int k = 0; k < NOISE_SCALES.length; k++) markers(chart, "MC s = " + plain(NOISE_SCALES[k]), rows, NOISE_SCALES[k], COLORS[k], false);
        BufferedImage image = BitmapEncoder.getBufferedImage(chart);
        AtomicFiles.write(file, out -> ImageIO.write(image, "png", out));
    }

    /** ρ = 1 − 10^−x. */
    private static double rhoAt(double x) {
        return 1 - Math.pow(10, -x);
    }

    /** −log10(1 − ρ), 0 at ρ = 0. */
    private static double xOf(double rho) {
        return -Math.log10(1 - rho);
    }

    private static void line(XYChart chart, String name, List<Double> x, List<Double> y, Color color, BasicStroke stroke, boolean legend) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(color);
        series.setLineStyle(stroke);
        series.setShowInLegend(legend);
    }

    /** The Monte-Carlo estimates of TC(μ) (s < 0) or of TC(z) for noise scale s, as markers. */
    private static void markers(XYChart chart, String name, List<Row> rows, double s, Color color, boolean legend) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (Row r : rows) {
            if (s < 0 ? r.s() == NOISE_SCALES[0] : r.s() == s) {
                x.add(xOf(r.rho()));
                y.add(s < 0 ? r.monteCarloMean() : r.monteCarloSampled());
            }
        }
        if (x.isEmpty()) return;
        XYSeries series = chart.addSeries(name, x, y);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        series.setMarker(SeriesMarkers.CIRCLE);
        series.setMarkerColor(color);
        series.setShowInLegend(legend);
    }
}
