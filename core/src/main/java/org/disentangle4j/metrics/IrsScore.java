package org.disentangle4j.metrics;

import static org.disentangle4j.metrics.MetricSuite.DEFAULT_BATCH_SIZE;
import static org.disentangle4j.metrics.MetricSuite.DEFAULT_NUM_TRAIN;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.disentangle4j.data.GroundTruthDataset;
import org.disentangle4j.metrics.support.ConstantFactors;
import org.disentangle4j.metrics.support.FactorCodeSampler;
import org.disentangle4j.metrics.support.ProgressCounter;
import org.disentangle4j.metrics.stats.ClassLabels;
import org.disentangle4j.metrics.stats.HistogramDiscretizer;
import org.disentangle4j.metrics.stats.Quantiles;

/**
 * Interventional Robustness Score (Suter et al. 2019), as the reference computes it. Factors are
 * first binned like codes (20-bin histogram, so a factor with more than 20 levels has some levels
 * grouped); constant code dimensions are dropped. For each remaining code z and factor g: the mean
 * over the bins b of g of the {@value #DEFAULT_DIFF_QUANTILE} quantile (numpy's linear
 * interpolation) of |z − E[z | g = b]| over the points in b, divided by the largest deviation
 * max|z − E[z]|; the code's score is 1 − that ratio, maximised over factors; the IRS is the
 * average of the code scores weighted by their largest deviations. No active code gives 0.
 * Deterministic and equal to the reference to rounding.
 *
 * <p>{@code num_active_dims} is the number of non-constant code dimensions. (The reference's
 * {@code np.sum(active_mus)} adds up the code values instead, a slip this does not copy.)
 */
public record IrsScore(int numTrain, int batchSize, double diffQuantile) implements Metric {
    public static final String NAME = "irs";
    public static final String KEY = "IRS";
    public static final String ACTIVE_DIMS = "num_active_dims";
    public static final double DEFAULT_DIFF_QUANTILE = 0.99;

    public IrsScore() {
        this(DEFAULT_NUM_TRAIN, DEFAULT_BATCH_SIZE, DEFAULT_DIFF_QUANTILE);
    }

    public IrsScore {
        if (!(diffQuantile >= 0 && diffQuantile <= 1)) throw new IllegalArgumentException("diffQuantile must be in [0, 1]");
    }

    @Override
    public Map<String, Double> evaluate(GroundTruthDataset dataset, RepresentationFunction representation, RandomGenerator rng,
            ProgressListener progress) {
        LabelledCodes points = FactorCodeSampler.sample(dataset, representation, numTrain, batchSize, rng, progress, NAME);
        return score(ConstantFactors.drop(points), diffQuantile);
    }

    @Override
    public Map<String, Double> evaluate(EvaluationSets sets, RandomGenerator rng, ProgressListener progress) {
        ProgressCounter counter = new ProgressCounter(progress, NAME, 1); // well under a second on 10,000 points
        Map<String, Double> result = score(sets.all(), diffQuantile);
        counter.finish();
        return result;
    }

    /** IRS of the points with the given quantile (the reference's default is 0.99). */
    public static Map<String, Double> score(LabelledCodes points, double diffQuantile) {
        double[][] columns = points.codeColumns();
        List<double[]> active = new ArrayList<>();
        for (double[] c : columns) if (!isConstant(c)) active.add(c);
        double irs = active.isEmpty() ? 0.0 : scalableScore(points.factorColumns(), active, diffQuantile);
        Map<String, Double> result = new LinkedHashMap<>();
        result.put(KEY, irs);
        result.put(ACTIVE_DIMS, (double) active.size());
        return result;
    }

    private static double scalableScore(int[][] factorColumns, List<double[]> latents, double q) {
        int numLatents = latents.size();
        int n = latents.get(0).length;
        double[] maxDeviation = new double[numLatents];
        for (int l = 0; l < numLatents; l++) {
            double[] z = latents.get(l);
            double mean = mean(z, null, 0, n);
            double max = 0;
            for (double v : z) max = Math.max(max, Math.abs(v - mean));
            maxDeviation[l] = max;
        }
        double[] best = new double[numLatents];
        Arrays.fill(best, Double.NEGATIVE_INFINITY);
        for (int[] factor : factorColumns) {
            int[] bins = HistogramDiscretizer.discretize(factor, HistogramDiscretizer.DEFAULT_NUM_BINS);
            int[][] groups = groupRows(bins);
            for (int l = 0; l < numLatents; l++) {
                double[] z = latents.get(l);
                double cumulative = 0;
                for (int[] rows : groups) {
                    double expected = mean(z, rows, 0, rows.length);
                    double[] diffs = new double[rows.length];
                    for (int k = 0; k < rows.length; k++) diffs[k] = Math.abs(z[rows[k]] - expected);
                    cumulative += Quantiles.linear(diffs, q);
                }
                cumulative /= groups.length;
                best[l] = Math.max(best[l], 1.0 - cumulative / maxDeviation[l]);
            }
        }
        double weightSum = 0;
        for (double w : maxDeviation) weightSum += w;
        double score = 0;
        if (weightSum > 0) {
            for (int l = 0; l < numLatents; l++) score += best[l] * maxDeviation[l];
            return score / weightSum;
        }
        for (double b : best) score += b;
        return score / numLatents;
    }

    /** Row indices grouped by bin label, groups in increasing label order. */
    private static int[][] groupRows(int[] bins) {
        ClassLabels labels = ClassLabels.of(bins);
        long[] counts = labels.counts();
        int[][] groups = new int[labels.numClasses()][];
        for (int g = 0; g < groups.length; g++) groups[g] = new int[(int) counts[g]];
        int[] fill = new int[groups.length];
        for (int i = 0; i < bins.length; i++) {
            int g = labels.encoded()[i];
            groups[g][fill[g]++] = i;
        }
        return groups;
    }

    private static double mean(double[] z, int[] rows, int from, int to) {
        double s = 0;
        for (int k = from; k < to; k++) s += rows == null ? z[k] : z[rows[k]];
        return s / (to - from);
    }

    private static boolean isConstant(double[] values) {
        for (double v : values) if (v != values[0]) return false;
        return true;
    }
}
