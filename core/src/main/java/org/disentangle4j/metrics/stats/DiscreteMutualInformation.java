package org.disentangle4j.metrics.stats;

import java.util.Arrays;

/**
 * Mutual information and entropy of discrete labellings in nats, computed term by term as
 * {@code sklearn.metrics.mutual_info_score} does (the reference's {@code discrete_mutual_info} and
 * {@code discrete_entropy}): from the contingency table, terms smaller than machine epsilon
 * dropped, the sum clipped at zero, and zero whenever either labelling has a single label.
 */
public final class DiscreteMutualInformation {
    private static final double EPSILON = Math.ulp(1.0);

    private DiscreteMutualInformation() {}

    /** I(a; b) in nats; {@code a} and {@code b} label the same points. */
    public static double mutualInformation(int[] a, int[] b) {
        if (a.length != b.length) throw new IllegalArgumentException(a.length + " vs " + b.length + " labels");
        int n = a.length;
        if (n == 0) return 0.0;
        int[] ia = ClassLabels.of(a).encoded();
        int[] ib = ClassLabels.of(b).encoded();
        int numA = max(ia) + 1;
        int numB = max(ib) + 1;
        if (numA == 1 || numB == 1) return 0.0;
        long[] countA = new long[numA];
        long[] countB = new long[numB];
        long[] cells = new long[n];
        for (int i = 0; i < n; i++) {
            countA[ia[i]]++;
            countB[ib[i]]++;
            cells[i] = (long) ia[i] * numB + ib[i];
        }
        Arrays.sort(cells);
        double logN = Math.log(n);
        double sum = 0;
        int start = 0;
        while (start < n) {
            int end = start;
            while (end < n && cells[end] == cells[start]) end++;
            long count = end - start;
            long outer = countA[(int) (cells[start] / numB)] * countB[(int) (cells[start] % numB)];
            double p = (double) count / n;
            double logOuter = -Math.log(outer) + logN + logN;
            double term = p * (Math.log(count) - logN) + p * logOuter;
            if (Math.abs(term) >= EPSILON) sum += term;
            start = end;
        }
        return Math.max(sum, 0.0);
    }

    /** H(a) in nats (= I(a; a)). */
    public static double entropy(int[] a) {
        return mutualInformation(a, a);
    }

    /** {@code m[i][j] = I(codes[i]; factors[j])}, codes already discretised; both as columns. */
    public static double[][] matrix(int[][] codeColumns, int[][] factorColumns) {
        double[][] m = new double[codeColumns.length][factorColumns.length];
        for (int i = 0; i < codeColumns.length; i++) {
            for (int j = 0; j < factorColumns.length; j++) {
                m[i][j] = mutualInformation(factorColumns[j], codeColumns[i]);
            }
        }
        return m;
    }

    private static int max(int[] values) {
        int m = Integer.MIN_VALUE;
        for (int v : values) m = Math.max(m, v);
        return m;
    }
}
