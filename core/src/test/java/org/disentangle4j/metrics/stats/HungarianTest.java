package org.disentangle4j.metrics.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HungarianTest {

    @Test
    void squareMatrixWithAUniqueOptimum() {
        // row 0 → col 1 (1), row 1 → col 0 (2), row 2 → col 2 (2): 5; the greedy row-wise choice gives 1 + 5 + 3 = 9
        double[][] cost = {{4, 1, 3}, {2, 0, 5}, {3, 2, 2}};
        int[] a = Hungarian.minimize(cost);
        assertArrayEquals(new int[] {1, 0, 2}, a);
        assertEquals(5, Hungarian.total(cost, a), 0);
    }

    @Test
    void maximisingPicksTheLargestSum() {
        // the diagonal sums to 0.9 + 0.1 + 0.9 = 1.9; the optimum swaps rows 1 and 2: 0.9 + 0.8 + 0.7 = 2.4
        double[][] score = {{0.9, 0.0, 0.1}, {0.0, 0.1, 0.8}, {0.1, 0.7, 0.9}};
        int[] a = Hungarian.maximize(score);
        assertArrayEquals(new int[] {0, 2, 1}, a);
        assertEquals(2.4, Hungarian.total(score, a), 1e-12);
    }

    @Test
    void moreColumnsThanRows() {
        // two rows, four columns: row 0 → col 3 (1), row 1 → col 1 (2); both rows prefer col 0 (3 and 4) otherwise
        double[][] cost = {{3, 9, 9, 1}, {4, 2, 9, 9}};
        int[] a = Hungarian.minimize(cost);
        assertArrayEquals(new int[] {3, 1}, a);
        assertEquals(3, Hungarian.total(cost, a), 0);
    }

    @Test
    void moreRowsThanColumnsLeavesTheWorstRowsOut() {
        // three rows, two columns: col 0 ← row 2 (1), col 1 ← row 0 (2); row 1 is left out
        double[][] cost = {{5, 2}, {6, 7}, {1, 8}};
        int[] a = Hungarian.minimize(cost);
        assertArrayEquals(new int[] {1, -1, 0}, a);
        assertEquals(3, Hungarian.total(cost, a), 0);
    }

    @Test
    void tiesGiveAnOptimalAssignment() {
        double[][] equal = {{2, 2, 2}, {2, 2, 2}, {2, 2, 2}};
        int[] a = Hungarian.minimize(equal);
        assertEquals(6, Hungarian.total(equal, a), 0);
        assertEquals(3, java.util.Arrays.stream(a).distinct().count());
        // two optima of total 2 (identity and the swap of rows 0 and 1); either is fine, 3 is not
        double[][] twoOptima = {{1, 1, 5}, {1, 1, 5}, {5, 5, 0}};
        int[] b = Hungarian.minimize(twoOptima);
        assertEquals(2, Hungarian.total(twoOptima, b), 0);
        assertEquals(2, b[2]);
    }

    @Test
    void agreesWithEnumeratingEveryAssignment() {
        SplittableRandom random = new SplittableRandom(17);
        for (int trial = 0; trial < 200; trial++) {
            int rows = 1 + random.nextInt(5), cols = 1 + random.nextInt(5);
            double[][] cost = new double[rows][cols];
            for (double[] r : cost) for (int j = 0; j < cols; j++) r[j] = random.nextInt(7) - 3 + (random.nextBoolean() ? 0 : 0.5);
            double best = bruteForce(cost, 0, new boolean[cols], Math.min(rows, cols));
            assertEquals(best, Hungarian.total(cost, Hungarian.minimize(cost)), 1e-9, "trial " + trial);
        }
    }

    /** The minimum over every way of giving min(rows, cols) rows distinct columns. */
    private static double bruteForce(double[][] cost, int row, boolean[] used, int toAssign) {
        if (toAssign == 0) return 0;
        if (cost.length - row < toAssign) return Double.POSITIVE_INFINITY;
        double best = bruteForce(cost, row + 1, used, toAssign); // leave this row out
        for (int j = 0; j < used.length; j++) {
            if (used[j]) continue;
            used[j] = true;
            best = Math.min(best, cost[row][j] + bruteForce(cost, row + 1, used, toAssign - 1));
            used[j] = false;
        }
        return best;
    }

    @Test
    void rejectsNonFiniteCosts() {
        assertThrows(IllegalArgumentException.class, () -> Hungarian.minimize(new double[][] {{1, Double.NaN}}));
    }
}
