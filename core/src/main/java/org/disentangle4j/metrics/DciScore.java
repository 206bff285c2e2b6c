package org.disentangle4j.metrics;

import static org.disentangle4j.metrics.MetricSuite.DEFAULT_BATCH_SIZE;
import static org.disentangle4j.metrics.MetricSuite.DEFAULT_NUM_TEST;
import static org.disentangle4j.metrics.MetricSuite.DEFAULT_NUM_TRAIN;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.disentangle4j.metrics.classify.GradientBoostedTrees;
import org.disentangle4j.metrics.support.ConstantFactors;
import org.disentangle4j.metrics.support.Parallel;
import org.disentangle4j.metrics.support.ProgressCounter;
import org.disentangle4j.metrics.stats.ClassLabels;

/**
 * Disentanglement, completeness and informativeness (Eastwood &amp; Williams 2018), as the
 * reference computes them: per factor a gradient-boosted tree classifier on all codes
 * ({@link GradientBoostedTrees}, set up as scikit-learn's {@code GradientBoostingClassifier()}
 * defaults); its normalised feature importances form column f of the importance matrix
 * R[code][factor]; informativeness is the mean accuracy on training and on test points.
 * Disentanglement weights each code's {@code 1 − H_K(R[code] + 1e-11)} by its share of the total
 * importance, completeness each factor's {@code 1 − H_D(R[·][factor] + 1e-11)} (entropies of the
 * normalised rows/columns with base K = number of factors resp. D = number of codes); when R is all
 * zero the weights are uniform. With one factor (or one code) the base-1 entropy makes D (or C)
 * NaN, as in the reference.
 *
 * <p>Differences from the reference: the trees come from XGBoost, whose split criterion (Newton
 * gain) and importance (total gain) differ from scikit-learn's (squared error of residuals, mean
 * impurity decrease); leaf values, learning rate, depth, number of stages and the prior start are
 * the same. Expect D, C and informativeness within a few hundredths: on the benchmark data
 * (10,000/5,000 points, factors of 3–40 levels) D +0.019, C +0.014, informativeness −0.035 (train)
 * and +0.006 (test) against scikit-learn 1.2; on a second set (3,000/1,500 points, float32)
 * −0.034, −0.023, −0.005, −0.011. Deterministic for a given input, and independent of the
 * numbering of the code dimensions (the trees are fitted on the columns in a canonical order).
 */
public record DciScore(int numTrain, int numTest, int batchSize) implements TrainTestMetric {
    public static final String NAME = "dci";
    public static final String DISENTANGLEMENT = "disentanglement";
    public static final String COMPLETENESS = "completeness";
    public static final String INFORMATIVENESS_TRAIN = "informativeness_train";
    public static final String INFORMATIVENESS_TEST = "informativeness_test";

    public DciScore() {
        this(DEFAULT_NUM_TRAIN, DEFAULT_NUM_TEST, DEFAULT_BATCH_SIZE);
    }

    @Override
    public Map<String, Double> evaluate(EvaluationSets sets, RandomGenerator rng, ProgressListener progress) {
        return score(sets.train(), sets.test(), progress);
    }

    /** The four DCI scores from training and test points. */
    public static Map<String, Double> score(LabelledCodes train, LabelledCodes test, ProgressListener progress) {
        ConstantFactors.require(train, NAME);
        // Boosted trees break ties between equally good splits by column position; fitting on the
        // code columns in a canonical order (by their values) makes the scores independent of
        // how the code dimensions happen to be numbered.
        int[] order = canonicalColumnOrder(train.codeColumns());
        double[][] trainCodes = selectColumns(train.codes(), order);
        double[][] testCodes = selectColumns(test.codes(), order);
        int numFactors = train.numFactors();
        double[][] importance = new double[train.numDims()][numFactors];
        double[] trainAccuracy = new double[numFactors];
        double[] testAccuracy = new double[numFactors];
        // one single-threaded model per factor, factors side by side: XGBoost's own threads
        // contend badly on a shared machine, and each factor's result is independent of the others
        int[] numClasses = new int[numFactors];
        for (int f = 0; f < numFactors; f++) numClasses[f] = ClassLabels.of(train.factorColumn(f)).numClasses();
        // a unit is one tree: every boosting stage of a factor grows treesPerStage of them
        long trees = 0;
        for (int f = 0; f < numFactors; f++) trees += (long) GradientBoostedTrees.NUM_STAGES * GradientBoostedTrees.treesPerStage(numClasses[f]);
        ProgressCounter counter = new ProgressCounter(progress, NAME, trees);
        Parallel.forEach(numFactors, f -> numClasses[f], f -> {
            int[] y = train.factorColumn(f);
            int perStage = GradientBoostedTrees.treesPerStage(numClasses[f]);
            GradientBoostedTrees model = GradientBoostedTrees.fit(trainCodes, y, 1, () -> counter.add(perStage));
            try {
                double[] fi = model.featureImportances();
                for (int p = 0; p < fi.length; p++) importance[order[p]][f] = fi[p];
                trainAccuracy[f] = ClassLabels.accuracy(model.predict(trainCodes), y);
                testAccuracy[f] = ClassLabels.accuracy(model.predict(testCodes), test.factorColumn(f));
            } finally {
                model.dispose();
            }
        });
        Map<String, Double> result = new LinkedHashMap<>();
        result.put(INFORMATIVENESS_TRAIN, Arrays.stream(trainAccuracy).sum() / numFactors);
        result.put(INFORMATIVENESS_TEST, Arrays.stream(testAccuracy).sum() / numFactors);
        result.put(DISENTANGLEMENT, disentanglement(importance));
        result.put(COMPLETENESS, completeness(importance));
        return result;
    }

    /** Column indices sorted by the columns' values (lexicographically): the same for any numbering. */
    static int[] canonicalColumnOrder(double[][] columns) {
        return java.util.stream.IntStream.range(0, columns.length).boxed()
                .sorted((a, b) -> Arrays.compare(columns[a], columns[b])).mapToInt(Integer::intValue).toArray();
    }

    private static double[][] selectColumns(double[][] rows, int[] order) {
        double[][] out = new double[rows.length][order.length];
        for (int i = 0; i < rows.length; i++) for (int p = 0; p < order.length; p++) out[i][p] = rows[i][order[p]];
        return out;
    }

    /** Disentanglement from an importance matrix {@code [numCodes][numFactors]}. */
    public static double disentanglement(double[][] importance) {
        int numCodes = importance.length;
        int numFactors = importance[0].length;
        double[] weights = rowShares(importance);
        double score = 0;
        for (int d = 0; d < numCodes; d++) {
            score += (1.0 - entropy(importance[d], numFactors)) * weights[d];
        }
        return score;
    }

    /** Completeness from an importance matrix {@code [numCodes][numFactors]}. */
    public static double completeness(double[][] importance) {
        double[][] transposed = transpose(importance);
        int numCodes = importance.length;
        double[] weights = rowShares(transposed);
        double score = 0;
        for (int f = 0; f < transposed.length; f++) {
            score += (1.0 - entropy(transposed[f], numCodes)) * weights[f];
        }
        return score;
    }

    /** Each row's share of the matrix total; uniform when the total is 0. */
    private static double[] rowShares(double[][] m) {
        double total = 0;
        double[] rows = new double[m.length];
        for (int r = 0; r < m.length; r++) {
            for (double v : m[r]) rows[r] += v;
            total += rows[r];
        }
        for (int r = 0; r < m.length; r++) rows[r] = total == 0 ? (double) m[r].length / (m.length * m[r].length) : rows[r] / total;
        return rows;
    }

    /** scipy.stats.entropy(values + 1e-11, base): entropy of the normalised vector. */
    private static double entropy(double[] values, int base) {
        double sum = 0;
        for (double v : values) sum += v + 1e-11;
        double h = 0;
        for (double v : values) {
            double p = (v + 1e-11) / sum;
            if (p > 0) h -= p * Math.log(p);
        }
        return h / Math.log(base);
    }

    private static double[][] transpose(double[][] m) {
        double[][] t = new double[m[0].length][m.length];
        for (int i = 0; i < m.length; i++) for (int j = 0; j < m[0].length; j++) t[j][i] = m[i][j];
        return t;
    }

}
