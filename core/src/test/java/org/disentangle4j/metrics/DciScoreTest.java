package org.disentangle4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DciScoreTest {

    @Test
    void diagonalImportanceIsFullyDisentangledAndComplete() {
        double[][] r = {{0.7, 0}, {0, 0.3}};
        // each row/column is one-hot up to the 1e-11 smoothing: entropy ≈ 2e-11 · ln(1/1e-11) / ln 2
        assertEquals(1.0, DciScore.disentanglement(r), 1e-9);
        assertEquals(1.0, DciScore.completeness(r), 1e-9);
    }

    @Test
    void oneCodeForTwoFactorsIsEntangledButComplete() {
        // code 0 spreads evenly over both factors: entropy base 2 = 1 → D = 0 (code 1 has no weight);
        // each factor's column is one-hot on code 0 → C = 1
        double[][] r = {{0.5, 0.5}, {0, 0}};
        assertEquals(0.0, DciScore.disentanglement(r), 1e-9);
        assertEquals(1.0, DciScore.completeness(r), 1e-9);
    }

    @Test
    void permutingCodesPermutesImportanceRowsAndKeepsTheScores() {
        double[][] r = {{0.6, 0.1}, {0.05, 0.2}, {0.0, 0.05}};
        double[][] permuted = {r[2], r[0], r[1]};
        assertEquals(DciScore.disentanglement(r), DciScore.disentanglement(permuted), 1e-15);
        assertEquals(DciScore.completeness(r), DciScore.completeness(permuted), 1e-15);
    }

    @Test
    void uniformImportanceScoresZeroAndAllZeroFallsBackToUniformWeights() {
        double[][] uniform = {{1, 1, 1}, {1, 1, 1}};
        assertEquals(0.0, DciScore.disentanglement(uniform), 1e-12);
        assertEquals(0.0, DciScore.completeness(uniform), 1e-12);
        double[][] zero = {{0, 0}, {0, 0}};
        assertEquals(0.0, DciScore.disentanglement(zero), 1e-12);
    }

    @Test
    void codesEqualToFactorsScoreOne() {
        int[][] grid = MetricFixtures.fullGrid(4, 3, 25);
        LabelledCodes points = new LabelledCodes(MetricFixtures.codesFrom(grid, 0, 1), grid);
        Map<String, Double> dci = DciScore.score(points, points, ProgressListener.NONE);
        assertEquals(1.0, dci.get(DciScore.INFORMATIVENESS_TRAIN), 0.0);
        assertEquals(1.0, dci.get(DciScore.INFORMATIVENESS_TEST), 0.0);
        // On a full grid the other code carries no information; splits on it gain only float
        // round-off (XGBoost sums gradients in float), which leaves ≈ 3e-7 of entropy.
        assertEquals(1.0, dci.get(DciScore.DISENTANGLEMENT), 1e-6);
        assertEquals(1.0, dci.get(DciScore.COMPLETENESS), 1e-6);
    }

    @Test
    void permutingCodeDimensionsChangesNothing() {
        int n = 1500;
        double[][] codes = MetricFixtures.gaussian(n, 3, 11);
        int[][] factors = MetricFixtures.uniformFactors(n, 3, 2, 12);
        for (int i = 0; i < n; i++) {
            codes[i][0] += 3 * factors[i][1];
            codes[i][2] += 3 * factors[i][0];
        }
        LabelledCodes a = new LabelledCodes(codes, factors);
        LabelledCodes b = new LabelledCodes(MetricFixtures.permuteColumns(codes, 2, 0, 1), factors);
        Map<String, Double> da = DciScore.score(a, a, ProgressListener.NONE);
        Map<String, Double> db = DciScore.score(b, b, ProgressListener.NONE);
        for (String key : da.keySet()) assertEquals(da.get(key), db.get(key), 1e-12, key);
        assertTrue(da.get(DciScore.DISENTANGLEMENT) > 0.3, "planted structure should show, got " + da);
    }
}
