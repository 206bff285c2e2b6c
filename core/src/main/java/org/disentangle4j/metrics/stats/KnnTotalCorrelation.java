package org.disentangle4j.metrics.stats;

/**
 * A non-parametric estimate of the total correlation TC(x) = Σ_j H(x_j) − H(x) of points x ∈ ℝ^m:
 * the k-nearest-neighbour estimator of Kraskov, Stögbauer and Grassberger (2004, their estimator 1
 * generalised to m variables),
 * <pre>TC ≈ ψ(k) + (m − 1)·ψ(N) − ⟨Σ_j ψ(n_j(i) + 1)⟩_i,</pre>
 * where ε_i is the max-norm distance from point i to its k-th nearest neighbour in the joint space
 * and n_j(i) the number of other points whose coordinate j lies strictly within ε_i of point i's.
 * Unlike the Gaussian TC it sees dependence beyond the second moments, and it is invariant to an
 * invertible map of each coordinate. O(N²·m) time: meant for a few thousand points.
 */
public final class KnnTotalCorrelation {
    /** Neighbours per point: Kraskov et al.'s recommendation for low bias at moderate variance. */
    public static final int DEFAULT_K = 3;

    private KnnTotalCorrelation() {}

    /** The estimate in nats for points {@code [N][m]} (N > k, m ≥ 2) with {@code k} neighbours. */
    public static double estimate(double[][] points, int k) {
        int n = points.length;
        if (n <= k) throw new IllegalArgumentException("need more than k = " + k + " points, got " + n);
        int m = points[0].length;
        if (m < 2) throw new IllegalArgumentException("total correlation needs at least two coordinates, got " + m);
        double[] psi = digammaTable(n + 1);
        double[] distances = new double[n];
        double sumMarginals = 0;
        for (int i = 0; i < n; i++) {
            double[] xi = points[i];
            for (int p = 0; p < n; p++) {
                double d = 0;
                double[] xp = points[p];
                for (int j = 0; j < m; j++) d = Math.max(d, Math.abs(xi[j] - xp[j]));
                distances[p] = d;
            }
            distances[i] = Double.POSITIVE_INFINITY; // not its own neighbour
            double epsilon = kthSmallest(distances.clone(), k);
            for (int j = 0; j < m; j++) {
                int count = 0;
                for (int p = 0; p < n; p++) {
                    if (p != i && Math.abs(xi[j] - points[p][j]) < epsilon) count++;
                }
                sumMarginals += psi[count + 1];
            }
        }
        return psi[k] + (m - 1) * psi[n] - sumMarginals / n;
    }

    /** The k-th smallest value (1-based) of {@code values}, which it reorders. */
    static double kthSmallest(double[] values, int k) {
        int lo = 0, hi = values.length - 1, target = k - 1;
        while (lo < hi) {
            double pivot = values[(lo + hi) >>> 1];
            int i = lo, j = hi;
            while (i <= j) {
                while (values[i] < pivot) i++;
                while (values[j] > pivot) j--;
                if (i <= j) {
                    double t = values[i];
                    values[i] = values[j];
                    values[j] = t;
                    i++;
                    j--;
                }
            }
            if (target <= j) hi = j;
            else if (target >= i) lo = i;
            else return values[target];
        }
        return values[target];
    }

    /** ψ(n) for every whole n from 1 to {@code max} (index n): the harmonic number H_{n−1} minus the Euler–Mascheroni constant. */
    static double[] digammaTable(int max) {
        double[] psi = new double[max + 1];
        psi[0] = Double.NaN;
        psi[1] = -0.5772156649015329;
        for (int i = 2; i <= max; i++) psi[i] = psi[i - 1] + 1.0 / (i - 1);
        return psi;
    }
}
