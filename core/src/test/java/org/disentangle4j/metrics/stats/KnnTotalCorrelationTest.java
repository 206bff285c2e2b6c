package org.disentangle4j.metrics.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The kNN total correlation against closed forms: Gaussians (−½ log det of the correlation matrix), independence (0), invariance. */
class KnnTotalCorrelationTest {

    /** N points of a zero-mean Gaussian with covariance L·Lᵀ. */
    private static double[][] gaussian(int n, double[][] cholesky, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int m = cholesky.length;
        double[][] x = new double[n][m];
        for (int i = 0; i < n; i++) {
            double[] e = new double[m];
            for (int j = 0; j < m; j++) e[j] = r.nextGaussian();
            for (int a = 0; a < m; a++) {
                for (int b = 0; b <= a; b++) x[i][a] += cholesky[a][b] * e[b];
            }
        }
        return x;
    }

    @Test
    void digammaOfWholeNumbersIsTheHarmonicNumberMinusEulersConstant() {
        double[] psi = KnnTotalCorrelation.digammaTable(5);
        assertEquals(-0.5772156649015329, psi[1], 1e-15);
        assertEquals(1 + 0.5 + 1.0 / 3 - 0.5772156649015329, psi[4], 1e-15); // ψ(4) = H_3 − γ
        assertEquals(1.5061176684318003, psi[5], 1e-12); // scipy.special.digamma(5)
    }

    @Test
    void kthSmallestPicksTheOrderStatistic() {
        assertEquals(3.0, KnnTotalCorrelation.kthSmallest(new double[] {5, 1, 4, 3, 2}, 3), 0);
        assertEquals(1.0, KnnTotalCorrelation.kthSmallest(new double[] {5, 1, 4, 3, 2}, 1), 0);
        assertEquals(5.0, KnnTotalCorrelation.kthSmallest(new double[] {5, 1, 4, 3, 2}, 5), 0);
    }

    @Test
    void aCorrelatedGaussianPairGivesMinusHalfLogOneMinusRhoSquared() {
        double rho = 0.8;
        double[][] l = {{1, 0}, {rho, Math.sqrt(1 - rho * rho)}};
        double expected = -0.5 * Math.log(1 - rho * rho); // 0.5108
        assertEquals(expected, KnnTotalCorrelation.estimate(gaussian(2000, l, 1), KnnTotalCorrelation.DEFAULT_K), 0.05);
    }

    @Test
    void threeGaussianCoordinatesGiveTheLogDeterminantFormAndIndependentOnesNearZero() {
        // covariance L·Lᵀ with unit diagonal: TC = −½ log det(correlation)
        double[][] l = {{1, 0, 0}, {0.6, 0.8, 0}, {0.3, 0.4, Math.sqrt(1 - 0.09 - 0.16)}};
        double det = Math.pow(l[0][0] * l[1][1] * l[2][2], 2);
        double expected = -0.5 * Math.log(det);
        assertEquals(expected, KnnTotalCorrelation.estimate(gaussian(2000, l, 2), 3), 0.06);
        double[][] identity = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        assertEquals(0, KnnTotalCorrelation.estimate(gaussian(2000, identity, 3), 3), 0.04);
    }

    @Test
    void aDependenceTheGaussianFormulaMissesIsSeenAndAnInvertibleMapOfACoordinateChangesNothing() {
        // y = x² + small noise: uncorrelated with x (Gaussian TC ≈ 0), strongly dependent
        SplittableRandom r = new SplittableRandom(4);
        double[][] p = new double[2000][2];
        double[][] q = new double[2000][2];
        for (int i = 0; i < p.length; i++) {
            double x = r.nextGaussian();
            p[i][0] = x;
            p[i][1] = x * x + 0.1 * r.nextGaussian();
            q[i][0] = Math.exp(p[i][0]); // invertible map of coordinate 0: the neighbours in each marginal's order are the same
            q[i][1] = p[i][1];
        }
        double knn = KnnTotalCorrelation.estimate(p, 3);
        double gaussianTc = GaussianTc.ofCodes(p).totalCorrelation();
        assertEquals(0, gaussianTc, 0.05);
        assertEquals(true, knn > 1.0, "kNN TC " + knn);
        assertEquals(knn, KnnTotalCorrelation.estimate(q, 3), 0.15);
    }
}
