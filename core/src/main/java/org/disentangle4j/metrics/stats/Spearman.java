package org.disentangle4j.metrics.stats;

import java.util.Arrays;

/**
 * Spearman's rank correlation as {@code scipy.stats.spearmanr} computes it: the Pearson
 * correlation of the ranks, tied values sharing the average of their ranks.
 */
public final class Spearman {
    private Spearman() {}

    /** ρ of two equally long samples; NaN when either is constant (as scipy returns nan). */
    public static double correlation(double[] x, double[] y) {
        if (x.length != y.length) throw new IllegalArgumentException(x.length + " values against " + y.length);
        return pearson(ranks(x), ranks(y));
    }

    /** Ranks 1 … n, ties given the mean of the ranks they span. */
    public static double[] ranks(double[] values) {
        int n = values.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double[] ranks = new double[n];
        int start = 0;
        while (start < n) {
            int end = start + 1;
            while (end < n && values[order[end]] == values[order[start]]) end++;
            double rank = (start + 1 + end) / 2.0; // mean of ranks start+1 … end
            for (int k = start; k < end; k++) ranks[order[k]] = rank;
            start = end;
        }
        return ranks;
    }

    /** Pearson correlation; NaN when either sample has no spread. */
    public static double pearson(double[] x, double[] y) {
        int n = x.length;
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - mx, dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx == 0 || syy == 0) return Double.NaN;
        return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
    }
}
