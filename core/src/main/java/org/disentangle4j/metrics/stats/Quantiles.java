package org.disentangle4j.metrics.stats;

import java.util.Arrays;

/** Quantiles as numpy's {@code percentile}/{@code quantile} with the default linear method. */
public final class Quantiles {
    private Quantiles() {}

    /** The q-quantile (0 ≤ q ≤ 1) of {@code values}, interpolating linearly between order statistics. */
    public static double linear(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double position = q * (n - 1);
        int lower = (int) Math.floor(position);
        if (lower >= n - 1) return sorted[n - 1];
        double t = position - lower;
        double a = sorted[lower];
        double b = sorted[lower + 1];
        // numpy's _lerp: computed from the nearer end for accuracy
        return t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t;
    }
}
