package org.disentangle4j.metrics.stats;

/**
 * The 2-Wasserstein distance between two zero-mean Gaussians N(0, A) and N(0, B), in closed form:
 * W₂² = tr A + tr B − 2·tr (A^{1/2}·B·A^{1/2})^{1/2} (the Fréchet distance without a mean term).
 * Covariances may be singular (positive semi-definite); the square roots come from
 * {@link SymmetricEigen}, in double.
 */
public final class GaussianWasserstein {
    private GaussianWasserstein() {}

    /** W₂(N(0, a), N(0, b)), ≥ 0. */
    public static double zeroMean(double[][] a, double[][] b) {
        int n = a.length;
        if (b.length != n) throw new IllegalArgumentException("covariances of sizes " + n + " and " + b.length);
        double[][] root = SymmetricEigen.sqrt(a);
        double[][] inner = new double[n][n];
        double[][] rb = new double[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) for (int k = 0; k < n; k++) rb[i][j] += root[i][k] * b[k][j];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) for (int k = 0; k < n; k++) inner[i][j] += rb[i][k] * root[k][j];
        double cross = 0;
        for (double l : SymmetricEigen.of(inner).values()) cross += Math.sqrt(Math.max(l, 0));
        double trace = 0;
        for (int i = 0; i < n; i++) trace += a[i][i] + b[i][i];
        // rounding can leave a tiny negative number where the distance is 0
        return Math.sqrt(Math.max(trace - 2 * cross, 0));
    }
}
