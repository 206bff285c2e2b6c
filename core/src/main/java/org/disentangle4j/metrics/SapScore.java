package org.disentangle4j.metrics;

import static org.disentangle4j.metrics.MetricSuite.DEFAULT_BATCH_SIZE;
import static org.disentangle4j.metrics.MetricSuite.DEFAULT_NUM_TEST;
import static org.disentangle4j.metrics.MetricSuite.DEFAULT_NUM_TRAIN;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.disentangle4j.metrics.classify.BalancedLinearSvm;
import org.disentangle4j.metrics.support.ConstantFactors;
import org.disentangle4j.metrics.support.Parallel;
import org.disentangle4j.metrics.support.ProgressCounter;
import org.disentangle4j.metrics.stats.Covariance;

/**
 * Separated Attribute Predictability (Kumar et al. 2018), as the reference computes it: a score
 * matrix over (code, factor) pairs, then for each factor the gap between its two best codes, the
 * mean over factors.
 *
 * <p>Discrete factors (the reference's setting): the score of a pair is the test accuracy of a
 * linear SVM fitted on that single code ({@link BalancedLinearSvm}: scikit-learn's
 * {@code LinearSVC(C=0.01, class_weight="balanced")}, the same LIBLINEAR solver). Its solver is
 * stochastic (own seed here, numpy's there), so a few predictions near a decision boundary can
 * differ: expect agreement to about 1e-3. Continuous option: the score is the squared
 * correlation of code and factor (covariances with ddof 1; 0 when the code's variance is at most
 * 1e-12), deterministic.
 */
public record SapScore(int numTrain, int numTest, int batchSize, boolean continuousFactors) implements TrainTestMetric {
    public static final String NAME = "sap";
    public static final String KEY = "SAP_score";

    /** The reference's settings: 10,000 / 5,000 points, batches of 16, discrete factors. */
    public SapScore() {
        this(DEFAULT_NUM_TRAIN, DEFAULT_NUM_TEST, DEFAULT_BATCH_SIZE, false);
    }

    @Override
    public Map<String, Double> evaluate(EvaluationSets sets, RandomGenerator rng, ProgressListener progress) {
        double[][] matrix = continuousFactors
                ? continuousScoreMatrix(sets.train())
                : scoreMatrix(sets.train(), sets.test(), rng.nextLong(), progress);
        return result(averageTopTwoGap(matrix));
    }

    /** SAP with discrete factors: SVM test accuracies. */
    public static Map<String, Double> score(LabelledCodes train, LabelledCodes test, long seed) {
        return result(averageTopTwoGap(scoreMatrix(train, test, seed, ProgressListener.NONE)));
    }

    /** SAP with continuous factors: squared correlations on the points. */
    public static Map<String, Double> scoreContinuous(LabelledCodes points) {
        return result(averageTopTwoGap(continuousScoreMatrix(points)));
    }

    /** {@code [code][factor]} test accuracy of an SVM on that code alone. */
    public static double[][] scoreMatrix(LabelledCodes train, LabelledCodes test, long seed, ProgressListener progress) {
        requireTwoCodes(train);
        ConstantFactors.require(train, NAME);
        int numCodes = train.numDims();
        int numFactors = train.numFactors();
        double[][] codes = train.codeColumns();
        double[][] testCodes = test.codeColumns();
        int[][] factors = train.factorColumns();
        int[][] testFactors = test.factorColumns();
        double[][] matrix = new double[numCodes][numFactors];
        int pairs = numCodes * numFactors;
        ProgressCounter counter = new ProgressCounter(progress, NAME, pairs);
        Parallel.forEach(pairs, pair -> 1.0, pair -> {
            int i = pair / numFactors;
            int j = pair % numFactors;
            BalancedLinearSvm svm = BalancedLinearSvm.fit(codes[i], factors[j], seed + pair);
            int[] predicted = svm.predict(testCodes[i]);
            int correct = 0;
            for (int p = 0; p < predicted.length; p++) if (predicted[p] == testFactors[j][p]) correct++;
            matrix[i][j] = (double) correct / predicted.length;
            counter.add(1);
        });
        return matrix;
    }

    /** {@code [code][factor]} squared correlation, as the reference's continuous option. */
    public static double[][] continuousScoreMatrix(LabelledCodes points) {
        requireTwoCodes(points);
        double[][] codes = points.codeColumns();
        int[][] factors = points.factorColumns();
        double[][] matrix = new double[codes.length][factors.length];
        for (int i = 0; i < codes.length; i++) {
            for (int j = 0; j < factors.length; j++) {
                double[] y = new double[factors[j].length];
                for (int p = 0; p < y.length; p++) y[p] = factors[j][p];
                double[] c = Covariance.pair(codes[i], y);
                matrix[i][j] = c[0] > 1e-12 ? c[1] * c[1] / (c[0] * c[2]) : 0.0;
            }
        }
        return matrix;
    }

    /** Mean over factors (columns) of the largest minus the second-largest entry. */
    public static double averageTopTwoGap(double[][] matrix) {
        int numFactors = matrix[0].length;
        double sum = 0;
        for (int j = 0; j < numFactors; j++) {
            double first = Double.NEGATIVE_INFINITY;
            double second = Double.NEGATIVE_INFINITY;
            for (double[] row : matrix) {
                if (row[j] > first) {
                    second = first;
                    first = row[j];
                } else if (row[j] > second) {
                    second = row[j];
                }
            }
            sum += first - second;
        }
        return sum / numFactors;
    }

    private static void requireTwoCodes(LabelledCodes points) {
        if (points.numDims() < 2) throw new MetricNotApplicableException("SAP needs at least two code dimensions");
    }

    private static Map<String, Double> result(double score) {
        Map<String, Double> result = new LinkedHashMap<>();
        result.put(KEY, score);
        return result;
    }
}
