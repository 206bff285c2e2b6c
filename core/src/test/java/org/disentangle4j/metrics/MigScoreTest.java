package org.disentangle4j.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MigScoreTest {
    private static final int[][] GRID = MetricFixtures.fullGrid(5, 4, 3);

    @Test
    void codesEqualToFactorsGiveOne() {
        // each code is a relabelling of its factor (I = H) and independent of the other (I = 0 on a full grid)
        LabelledCodes points = new LabelledCodes(MetricFixtures.codesFrom(GRID, 0, 1), GRID);
        assertEquals(1.0, MigScore.score(points).get(MigScore.KEY), 1e-12);
    }

    @Test
    void aFactorDuplicatedIntoTwoCodesHasNoGap() {
        LabelledCodes points = new LabelledCodes(MetricFixtures.codesFrom(GRID, 0, 0, 1), GRID);
        assertArrayEquals(new double[] {0.0, 1.0}, MigScore.normalizedGaps(points), 1e-12);
        assertEquals(0.5, MigScore.score(points).get(MigScore.KEY), 1e-12);
    }

    @Test
    void aFactorAbsentFromTheCodesHasNoGap() {
        LabelledCodes points = new LabelledCodes(MetricFixtures.codesFrom(GRID, 0, -1), GRID);
        assertArrayEquals(new double[] {1.0, 0.0}, MigScore.normalizedGaps(points), 1e-12);
    }

    @Test
    void independentRandomCodesScoreNearZero() {
        int n = 10_000;
        int levels = 4;
        LabelledCodes points = new LabelledCodes(MetricFixtures.gaussian(n, 5, 1), MetricFixtures.uniformFactors(n, levels, 3, 2));
        double mig = MigScore.score(points).get(MigScore.KEY);
        // Each plug-in estimate of I(code; factor) for independent variables is ≈ χ²(df)/(2n) with
        // df = 19 · (levels − 1); the gap of two such estimates stays below a few standard
        // deviations sqrt(2 df)/(2n). Bound: 6 of them, relative to H = ln 4.
        double df = 19.0 * (levels - 1);
        double bound = 6 * Math.sqrt(2 * df) / (2.0 * n) / Math.log(levels);
        assertTrue(mig >= 0 && mig < bound, "MIG " + mig + " not in [0, " + bound + ")");
    }

    @Test
    void permutingCodeDimensionsChangesNothing() {
        double[][] codes = MetricFixtures.gaussian(2000, 4, 3);
        int[][] factors = MetricFixtures.uniformFactors(2000, 3, 2, 4);
        for (int i = 0; i < codes.length; i++) codes[i][2] += factors[i][0];
        double a = MigScore.score(new LabelledCodes(codes, factors)).get(MigScore.KEY);
        double b = MigScore.score(new LabelledCodes(MetricFixtures.permuteColumns(codes, 3, 2, 0, 1), factors)).get(MigScore.KEY);
        assertEquals(a, b, 0.0);
        assertTrue(a > 0.1, "the planted factor should give a clear gap, got " + a);
    }

    @Test
    void needsTwoCodeDimensions() {
        LabelledCodes points = new LabelledCodes(MetricFixtures.codesFrom(GRID, 0), GRID);
        assertThrows(MetricNotApplicableException.class, () -> MigScore.score(points));
    }
}
