package org.disentangle4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.disentangle4j.metrics.stats.SymmetricMatrices;
import org.junit.jupiter.api.Test;

class UnsupervisedScoresTest {

    @Test
    void gaussianTotalCorrelationOfATwoByTwoCovariance() {
        for (double rho : new double[] {0.0, 0.3, -0.8, 0.99}) {
            double[][] cov = {{1, rho}, {rho, 1}};
            assertEquals(-0.5 * Math.log(1 - rho * rho), UnsupervisedScores.gaussianTotalCorrelation(cov), 1e-12);
        }
        // scaling the variables does not change it: a = 4, b = 9, c = ρ·6
        double rho = 0.5;
        assertEquals(-0.5 * Math.log(1 - rho * rho),
                UnsupervisedScores.gaussianTotalCorrelation(new double[][] {{4, rho * 6}, {rho * 6, 9}}), 1e-12);
    }

    @Test
    void gaussianWassersteinCorrelationOfAUnitVarianceCovariance() {
        // diag(Σ) = I, so sqrt(Σ) has trace sqrt(1 + ρ) + sqrt(1 − ρ)
        double rho = 0.6;
        double expected = 2 * 2 - 2 * (Math.sqrt(1 + rho) + Math.sqrt(1 - rho));
        assertEquals(expected, UnsupervisedScores.gaussianWassersteinCorrelation(new double[][] {{1, rho}, {rho, 1}}), 1e-12);
    }

    @Test
    void crossShapedCodes() {
        // rows (1,0), (−1,0), (0,1), (0,−1): covariance (ddof 1) = (2/3)·I → TC = 0 and W = 0.
        // 20-bin codes: dim 0 → (20, 1, 11, 11), dim 1 → (11, 11, 20, 1); I = H(dim0) − H(dim0 | dim1)
        // = 1.5 ln 2 − ½ ln 2 = ln 2 for both ordered pairs.
        double[][] codes = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
        Map<String, Double> s = UnsupervisedScores.score(codes);
        assertEquals(0.0, s.get(UnsupervisedScores.TOTAL_CORRELATION), 1e-12);
        assertEquals(0.0, s.get(UnsupervisedScores.WASSERSTEIN), 1e-12);
        assertEquals(0.0, s.get(UnsupervisedScores.WASSERSTEIN_NORM), 1e-12);
        assertEquals(Math.log(2), s.get(UnsupervisedScores.MUTUAL_INFO), 1e-12);
    }

    @Test
    void eigenvaluesOfAKnownSymmetricMatrix() {
        // [[2,1,0],[1,2,0],[0,0,5]] has eigenvalues 1, 3, 5
        double[] ev = SymmetricMatrices.eigenvalues(new double[][] {{2, 1, 0}, {1, 2, 0}, {0, 0, 5}});
        java.util.Arrays.sort(ev);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {1, 3, 5}, ev, 1e-12);
        // det = (4 − 1) · 5 = 15
        assertEquals(Math.log(15), SymmetricMatrices.logAbsDeterminant(new double[][] {{2, 1, 0}, {1, 2, 0}, {0, 0, 5}}), 1e-12);
    }
}
