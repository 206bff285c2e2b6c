package org.disentangle4j.metrics.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GaussianWassersteinTest {

    /** B·Bᵀ for a Gaussian B (n × rank): positive definite for rank ≥ n, singular below. */
    private static double[][] randomCovariance(int n, int rank, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] b = new double[n][rank];
        for (double[] row : b) for (int j = 0; j < rank; j++) row[j] = r.nextGaussian();
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) for (int k = 0; k < rank; k++) c[i][j] += b[i][k] * b[j][k];
        return c;
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) for (int k = 0; k < n; k++) c[i][j] += a[i][k] * b[k][j];
        return c;
    }

    @Test
    void eigenDecompositionReconstructsAndItsSquareRootSquaresBack() {
        double[][] a = randomCovariance(6, 8, 1);
        SymmetricEigen e = SymmetricEigen.of(a);
        double[][] v = e.vectors();
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                double vtv = 0, rebuilt = 0;
                for (int k = 0; k < 6; k++) {
                    vtv += v[k][i] * v[k][j];
                    rebuilt += v[i][k] * e.values()[k] * v[j][k];
                }
                assertEquals(i == j ? 1 : 0, vtv, 1e-12, "VᵀV");
                assertEquals(a[i][j], rebuilt, 1e-10, "V·Λ·Vᵀ");
            }
        }
        double[][] root = SymmetricEigen.sqrt(a);
        double[][] square = multiply(root, root);
        for (int i = 0; i < 6; i++) for (int j = 0; j < 6; j++) assertEquals(a[i][j], square[i][j], 1e-10);
    }

    @Test
    void aDistributionIsAtDistanceZeroFromItself() {
        for (int rank : new int[] {7, 3}) {        // full rank and singular
            double[][] a = randomCovariance(5, rank, rank);
            assertEquals(0, GaussianWasserstein.zeroMean(a, a), 1e-6, "rank " + rank);
        }
    }

    @Test
    void oneDimensionalGaussiansAreAtTheDifferenceOfTheirStandardDeviations() {
        assertEquals(Math.abs(1.5 - 0.4), GaussianWasserstein.zeroMean(new double[][] {{1.5 * 1.5}}, new double[][] {{0.4 * 0.4}}), 1e-12);
        assertEquals(2, GaussianWasserstein.zeroMean(new double[][] {{4}}, new double[][] {{0}}), 1e-12);
        // independent coordinates add in squares: W₂² = Σ (σ_i − τ_i)²
        double[][] a = {{1, 0, 0}, {0, 4, 0}, {0, 0, 9}};
        double[][] b = {{4, 0, 0}, {0, 4, 0}, {0, 0, 0.25}};
        assertEquals(Math.sqrt(1 + 0 + 2.5 * 2.5), GaussianWasserstein.zeroMean(a, b), 1e-12);
    }

    @Test
    void itIsAMetricOnNonCommutingCovariances() {
        double[][] a = randomCovariance(4, 6, 11), b = randomCovariance(4, 6, 12), c = randomCovariance(4, 2, 13);
        double ab = GaussianWasserstein.zeroMean(a, b), ba = GaussianWasserstein.zeroMean(b, a);
        assertTrue(ab > 0.1);
        assertEquals(ab, ba, 1e-9, "the formula is not symmetric in its arguments, the distance is");
        assertTrue(GaussianWasserstein.zeroMean(a, c) <= ab + GaussianWasserstein.zeroMean(b, c) + 1e-9, "triangle inequality");
        // a rotation of both (the same orthogonal Q) leaves the distance unchanged
        double t = 0.7;
        double[][] q = {{Math.cos(t), -Math.sin(t), 0, 0}, {Math.sin(t), Math.cos(t), 0, 0}, {0, 0, 0, 1}, {0, 0, 1, 0}};
        double[][] qt = new double[4][4];
        for (int i = 0; i < 4; i++) for (int j = 0; j < 4; j++) qt[i][j] = q[j][i];
        assertEquals(ab, GaussianWasserstein.zeroMean(multiply(multiply(q, a), qt), multiply(multiply(q, b), qt)), 1e-9);
    }
}
