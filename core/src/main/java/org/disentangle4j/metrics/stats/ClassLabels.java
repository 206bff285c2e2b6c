package org.disentangle4j.metrics.stats;

import java.util.Arrays;

/** The distinct values of a label column, in increasing order, and each row's index among them. */
public record ClassLabels(int[] classes, int[] encoded) {

    public static ClassLabels of(int[] labels) {
        int[] sorted = labels.clone();
        Arrays.sort(sorted);
        int unique = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) sorted[unique++] = sorted[i];
        }
        int[] classes = Arrays.copyOf(sorted, unique);
        int[] encoded = new int[labels.length];
        for (int i = 0; i < labels.length; i++) encoded[i] = Arrays.binarySearch(classes, labels[i]);
        return new ClassLabels(classes, encoded);
    }

    /** The fraction of rows where the prediction equals the truth. */
    public static double accuracy(int[] predicted, int[] truth) {
        int correct = 0;
        for (int i = 0; i < truth.length; i++) if (predicted[i] == truth[i]) correct++;
        return (double) correct / truth.length;
    }

    public int numClasses() {
        return classes.length;
    }

    /** Rows per class, in the order of {@link #classes()}. */
    public long[] counts() {
        long[] counts = new long[classes.length];
        for (int e : encoded) counts[e]++;
        return counts;
    }
}
