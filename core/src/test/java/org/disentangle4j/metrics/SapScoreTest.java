package org.disentangle4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SapScoreTest {
    private static final int[][] GRID = MetricFixtures.fullGrid(2, 2, 50);

    @Test
    void codesEqualToBinaryFactors() {
        // The SVM on a factor's own code is exact (accuracy 1); any prediction from the other code
        // is right on exactly half of a full grid. Gap per factor: 1 − ½.
        LabelledCodes points = new LabelledCodes(MetricFixtures.codesFrom(GRID, 0, 1), GRID);
        double[][] m = SapScore.scoreMatrix(points, points, 0, ProgressListener.NONE);
        assertEquals(1.0, m[0][0]);
        assertEquals(0.5, m[0][1]);
        assertEquals(0.5, m[1][0]);
        assertEquals(1.0, m[1][1]);
        assertEquals(0.5, SapScore.score(points, points, 0).get(SapScore.KEY), 1e-15);
    }

    @Test
    void continuousOptionUsesSquaredCorrelation() {
        // own code: correlation 1; other code: 0 on a full grid; duplicate: gap 0
        LabelledCodes exact = new LabelledCodes(MetricFixtures.codesFrom(GRID, 0, 1), GRID);
        assertEquals(1.0, SapScore.scoreContinuous(exact).get(SapScore.KEY), 1e-12);
        LabelledCodes duplicated = new LabelledCodes(MetricFixtures.codesFrom(GRID, 0, 0, -1), GRID);
        double[][] m = SapScore.continuousScoreMatrix(duplicated);
        assertEquals(0.0, m[2][0]); // constant code: variance ≤ 1e-12 → 0
        assertEquals(0.0, SapScore.averageTopTwoGap(new double[][] {{m[0][0]}, {m[1][0]}, {m[2][0]}}), 1e-12);
    }
}
