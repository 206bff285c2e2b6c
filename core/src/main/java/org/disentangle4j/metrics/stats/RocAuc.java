package org.disentangle4j.metrics.stats;

import java.util.Arrays;

/**
 * Area under the ROC curve, equal to scikit-learn's {@code roc_auc_score} (tied scores count
 * one half, which is what its trapezoidal curve over distinct thresholds gives).
 */
public final class RocAuc {
    private RocAuc() {}

    /** AUC of {@code scores} for the positives marked in {@code positive}; NaN without both classes. */
    static double binary(boolean[] positive, double[] scores) {
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        long numPositive = 0;
        double positiveRankSum = 0;
        for (int i = 0; i < scores.length; i++) {
            if (!positive[i]) continue;
            numPositive++;
            // tied scores share the mean of their 1-based ranks: (first + last) / 2
            int first = lowerBound(sorted, scores[i]) + 1;
            int last = lowerBound(sorted, Math.nextUp(scores[i]));
            positiveRankSum += (first + last) / 2.0;
        }
        long numNegative = scores.length - numPositive;
        if (numPositive == 0 || numNegative == 0) return Double.NaN;
        return (positiveRankSum - numPositive * (numPositive + 1) / 2.0) / ((double) numPositive * numNegative);
    }

    /** Index of the first element ≥ x. */
    private static int lowerBound(double[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /**
     * Macro average over the classes present in {@code labels} of the one-vs-rest AUC of that
     * class's probability column (the reference binarises the labels with a
     * {@code MultiLabelBinarizer} and calls {@code roc_auc_score}). A class the model does not know
     * has probability 0; a class column without negatives is skipped.
     */
    public static double macroOneVsRest(int[] labels, int[] modelClasses, double[][] probabilities) {
        ClassLabels present = ClassLabels.of(labels);
        double sum = 0;
        int count = 0;
        for (int c = 0; c < present.numClasses(); c++) {
            int column = Arrays.binarySearch(modelClasses, present.classes()[c]);
            boolean[] positive = new boolean[labels.length];
            double[] scores = new double[labels.length];
            for (int i = 0; i < labels.length; i++) {
                positive[i] = present.encoded()[i] == c;
                scores[i] = column >= 0 ? probabilities[i][column] : 0.0;
            }
            double auc = binary(positive, scores);
            if (!Double.isNaN(auc)) {
                sum += auc;
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }
}
