package org.disentangle4j.metrics.stats;

import java.util.Arrays;

/**
 * Maximum mean discrepancy between two samples with a Gaussian kernel k(a, b) = exp(−‖a − b‖²/(2σ²)),
 * the unbiased estimate (Gretton et al. 2012):
 * <pre>
 *   MMD² = 1/(m(m−1)) Σ_{i≠j} k(x_i, x_j) + 1/(n(n−1)) Σ_{i≠j} k(y_i, y_j) − 2/(mn) Σ_{i,j} k(x_i, y_j)
 * </pre>
 * It can be slightly negative when the two distributions are equal. σ is given: the median
 * heuristic ({@link #medianDistance}) of a reference sample, so that the kernel does not depend on
 * the sample being scored.
 */
public final class Mmd {
    private Mmd() {}

    /** The unbiased MMD² of samples x (m × d) and y (n × d), m, n ≥ 2, kernel width σ &gt; 0. */
    public static double squared(double[][] x, double[][] y, double sigma) {
        if (x.length < 2 || y.length < 2) throw new IllegalArgumentException("need two points per sample, got " + x.length + " and " + y.length);
        if (!(sigma > 0)) throw new IllegalArgumentException("σ must be positive, got " + sigma);
        double g = 1 / (2 * sigma * sigma);
        double xx = 0, yy = 0, xy = 0;
        for (int i = 0; i < x.length; i++) for (int j = i + 1; j < x.length; j++) xx += Math.exp(-g * squaredDistance(x[i], x[j]));
        for (int i = 0; i < y.length; i++) for (int j = i + 1; j < y.length; j++) yy += Math.exp(-g * squaredDistance(y[i], y[j]));
        for (double[] a : x) for (double[] b : y) xy += Math.exp(-g * squaredDistance(a, b));
        int m = x.length, n = y.length;
        return 2 * xx / ((double) m * (m - 1)) + 2 * yy / ((double) n * (n - 1)) - 2 * xy / ((double) m * n);
    }

    /** The median of the pairwise Euclidean distances of a sample (i &lt; j). */
    public static double medianDistance(double[][] x) {
        int m = x.length;
        double[] d = new double[m * (m - 1) / 2];
        int k = 0;
        for (int i = 0; i < m; i++) for (int j = i + 1; j < m; j++) d[k++] = Math.sqrt(squaredDistance(x[i], x[j]));
        Arrays.sort(d);
        return d.length % 2 == 1 ? d[d.length / 2] : (d[d.length / 2 - 1] + d[d.length / 2]) / 2;
    }

    static double squaredDistance(double[] a, double[] b) {
        if (a.length != b.length) throw new IllegalArgumentException("points of " + a.length + " and " + b.length + " values");
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double t = a[i] - b[i];
            s += t * t;
        }
        return s;
    }
}
