package org.disentangle4j.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.disentangle4j.io.UserInputException;
import org.disentangle4j.metrics.classify.RegressionTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** LMS-Spearman, LMS-tree and the reconstruction RMSE on arrays, against hand-derived numbers. */
class LmsArraysTest {

    /** n points of k factors, each uniform on {@code levels} evenly spaced values in [0, 1]. */
    private static double[][] uniform(int n, int k, int levels, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] z = new double[n][k];
        for (double[] row : z) for (int j = 0; j < k; j++) row[j] = rng.nextInt(levels) / (levels - 1.0);
        return z;
    }

    private static double[][] continuous(int n, int k, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] z = new double[n][k];
        for (double[] row : z) for (int j = 0; j < k; j++) row[j] = rng.nextDouble();
        return z;
    }

    // ---- LMS-Spearman

    @Test
    void spearmanOfCodesEqualToTheFactorsIs100() {
        double[][] z = uniform(500, 2, 64, 1);
        assertEquals(100, LmsSpearman.score(z, z), 1e-9);
    }

    @Test
    void spearmanIgnoresPermutationsAndMonotoneMaps() {
        double[][] z = continuous(800, 2, 2);
        double[][] codes = new double[z.length][2];
        for (int i = 0; i < z.length; i++) {
            codes[i][0] = Math.exp(3 * z[i][1]); // increasing in factor 1
            codes[i][1] = 5 - Math.pow(z[i][0], 3); // decreasing in factor 0
        }
        assertEquals(100, LmsSpearman.score(codes, z), 1e-9);
    }

    @Test
    void spearmanPicksTheBestDimensionsOfALongerCode() {
        // a 10-dimensional code: dimensions 3 and 7 are monotone in the two factors, the rest noise
        double[][] z = continuous(1000, 2, 3);
        double[][] codes = continuous(1000, 10, 4);
        for (int i = 0; i < z.length; i++) {
            codes[i][7] = Math.atan(z[i][0]);
            codes[i][3] = -z[i][1];
        }
        assertEquals(100, LmsSpearman.score(codes, z), 1e-9);
        // with fewer dimensions than factors the unmatched factor counts as 0
        double[][] one = new double[z.length][];
        for (int i = 0; i < z.length; i++) one[i] = new double[] {z[i][1]};
        assertEquals(50, LmsSpearman.score(one, z), 1e-9);
    }

    @Test
    void spearmanHandComputedSmallCase() {
        // code 0 = (1, 2, 3) ranks like both factors: |ρ| = 1; code 1 = (3, 1, 2): Σd² = 4 + 1 + 1 = 6,
        // ρ = 1 − 6·6 / (3·8) = −0.5. C = [[1, 1], [0.5, 0.5]], best matching 1 + 0.5: score 100 · 1.5 / 2 = 75
        double[][] codes = {{1, 3}, {2, 1}, {3, 2}};
        double[][] factors = {{1, 10}, {2, 20}, {3, 30}};
        double[][] c = LmsSpearman.correlations(codes, factors);
        assertArrayEquals(new double[] {1, 1}, c[0], 1e-12);
        assertArrayEquals(new double[] {0.5, 0.5}, c[1], 1e-12);
        assertEquals(75, LmsSpearman.score(codes, factors), 1e-9);
        // a constant dimension has no rank correlation: it counts as 0
        assertEquals(50, LmsSpearman.score(new double[][] {{1, 4}, {2, 4}, {3, 4}}, new double[][] {{1, 1}, {2, 3}, {3, 2}}), 1e-9);
    }

    @Test
    void spearmanOfAnIndependentCodeIsNearZero() {
        // for independent samples ρ is approximately normal with sd 1/√(n−1); each of the four |ρ|
        // stays below 5 sd except with probability about 6e-7, so the mean of two matched ones does too
        int n = 2000;
        double bound = 100 * 5 / Math.sqrt(n - 1);
        for (long seed = 0; seed < 5; seed++) {
            double s = LmsSpearman.score(continuous(n, 2, 100 + seed), continuous(n, 2, 200 + seed));
            assertTrue(s >= 0 && s < bound, "score " + s + " against bound " + bound);
        }
    }

    // ---- trees and R²

    @Test
    void r2AsScikitLearnComputesIt() {
        // y = (1, 2, 3), ŷ = (1, 2, 2): 1 − 1 / 2
        assertEquals(0.5, RegressionTree.r2(new double[] {1, 2, 3}, new double[] {1, 2, 2}), 1e-12);
        // worse than the mean: 1 − (1 + 1 + 9) / 2
        assertEquals(-4.5, RegressionTree.r2(new double[] {1, 2, 3}, new double[] {2, 1, 6}), 1e-12);
        // constant targets: 1 when perfect, else 0 (r2_score's force_finite)
        assertEquals(1, RegressionTree.r2(new double[] {2, 2}, new double[] {2, 2}));
        assertEquals(0, RegressionTree.r2(new double[] {2, 2}, new double[] {2, 3}));
    }

    @Test
    void aStepFunctionIsFittedExactly() {
        // y = ⌊4x⌋ / 4 has three jumps: a depth-10 tree splits there and predicts the step's mean, R² = 1
        // (x on the grid k/100, so test points never fall between the training points around a jump)
        double[][] x = uniform(2000, 1, 101, 5);
        double[][] xt = uniform(500, 1, 101, 6);
        try (LmsTree tree = LmsTree.fit(x, step(x), new int[][] {{0}}, new int[][] {{0}})) {
            assertEquals(LmsTree.Grouping.MODEL, tree.grouping());
            assertEquals(100, tree.score(xt, step(xt)), 1e-9);
        }
    }

    private static double[][] step(double[][] x) {
        double[][] y = new double[x.length][1];
        for (int i = 0; i < x.length; i++) y[i][0] = Math.floor(4 * x[i][0]) / 4;
        return y;
    }

    @Test
    void aConstantLearnedBlockScoresZero() {
        // a constant input allows no split: the tree predicts the training mean, R² ≤ 0 on test points, clipped to 0
        double[][] z = continuous(1000, 1, 7);
        double[][] constant = new double[1000][];
        for (int i = 0; i < constant.length; i++) constant[i] = new double[] {0.3};
        double[][] zt = continuous(300, 1, 8);
        try (LmsTree tree = LmsTree.fit(constant, z, new int[][] {{0}}, new int[][] {{0}})) {
            assertEquals(0, tree.r2Matrix(java.util.Arrays.copyOf(constant, 300), zt)[0][0]);
        }
    }

    @Test
    void aBlockAveragesItsFactorsR2BeforeClipping() {
        // training: x = 0, 0.01, …, 0.99; factor A = [x ≥ 0.5] (one split fits it), factor B = 10.5 always
        double[][] x = new double[100][], z = new double[100][];
        for (int i = 0; i < 100; i++) {
            x[i] = new double[] {i / 100.0};
            z[i] = new double[] {i >= 50 ? 1 : 0, 10.5};
        }
        double[][] xt = {{0.1}, {0.9}};
        try (LmsTree tree = LmsTree.fit(x, z, new int[][] {{0, 1}}, new int[][] {{0}})) {
            // test B = (10, 11) against 10.5: R² = 1 − 0.5/0.5 = 0, A: R² = 1; mean 0.5
            assertEquals(0.5, tree.r2Matrix(xt, new double[][] {{0, 10}, {1, 11}})[0][0], 1e-9);
            // test B = (10, 12): R² = 1 − 2.5/2 = −0.25; mean 0.375 (clipping each factor first would give 0.5)
            assertEquals(0.375, tree.r2Matrix(xt, new double[][] {{0, 10}, {1, 12}})[0][0], 1e-9);
            // test B = (1, 3): R² = 1 − (90.25 + 56.25)/2 = −72.25; the mean −35.6 is clipped to 0
            assertEquals(0, tree.r2Matrix(xt, new double[][] {{0, 1}, {1, 3}})[0][0]);
        }
    }

    @Test
    void theSearchFindsAPermutedPairingOfFourDimensions() {
        // factors (x1, y1, x2, y2) on 64 levels, true blocks {x1, y1} and {x2, y2}; the code is
        // (x2, x1, y2, y1): the blocks are dimensions {1, 3} and {0, 2}, not the consecutive pairs
        double[][] z = uniform(4000, 4, 64, 9);
        double[][] zt = uniform(2000, 4, 64, 10);
        int[][] trueBlocks = {{0, 1}, {2, 3}};
        try (LmsTree tree = LmsTree.fit(permuted(z), z, trueBlocks, null)) {
            assertEquals(LmsTree.Grouping.SEARCH, tree.grouping());
            assertEquals(6, tree.candidates().length); // the 2-subsets of 4 dimensions
            double[][] r = tree.r2Matrix(permuted(zt), zt);
            LmsTree.Matching m = tree.match(r);
            assertArrayEquals(new int[] {1, 3}, m.learnedOf()[0]);
            assertArrayEquals(new int[] {0, 2}, m.learnedOf()[1]);
            // 64 levels per coordinate: a tree of depth ≥ 6 on the right coordinate predicts it exactly
            assertEquals(100, 100 * m.total() / 2, 1e-6);
        }
        // the consecutive pairs {0, 1} = (x2, x1) and {2, 3} = (y2, y1) explain one factor of each block only
        try (LmsTree fixed = LmsTree.fit(permuted(z), z, trueBlocks, new int[][] {{0, 1}, {2, 3}})) {
            double s = fixed.score(permuted(zt), zt);
            assertTrue(s < 55, "consecutive pairs scored " + s);
        }
    }

    private static double[][] permuted(double[][] z) {
        return MetricFixtures.permuteColumns(z, 2, 0, 3, 1);
    }

    @Test
    void theSearchIgnoresExtraDimensionsAndFallsBackWhenTooLarge() {
        // six dimensions: the permuted four and two of noise; the best choice still finds both blocks
        double[][] z = uniform(3000, 4, 64, 11);
        double[][] zt = uniform(1000, 4, 64, 12);
        double[][] codes = widen(permuted(z), 13), codesT = widen(permuted(zt), 14);
        try (LmsTree tree = LmsTree.fit(codes, z, new int[][] {{0, 1}, {2, 3}}, null)) {
            assertEquals(15, tree.candidates().length);
            LmsTree.Matching m = tree.match(tree.r2Matrix(codesT, zt));
            // the code is (x2, noise, x1, y2, noise, y1)
            assertArrayEquals(new int[] {2, 5}, m.learnedOf()[0]);
            assertArrayEquals(new int[] {0, 3}, m.learnedOf()[1]);
            assertEquals(100, 100 * m.total() / 2, 1e-6);
        }
        // 40 dimensions: 780 pairs × 2 blocks × 2 factors = 3,120 trees, over the budget of 512
        assertFalse(LmsTree.searchable(40, new int[][] {{0, 1}, {2, 3}}));
        assertTrue(LmsTree.searchable(10, new int[][] {{0, 1}, {2, 3}})); // 45 × 4 = 180 trees
        assertArrayEquals(new int[][] {{0, 1}, {2, 3}}, LmsTree.consecutive(40, new int[][] {{0, 1}, {2, 3}}));
        assertArrayEquals(new int[][] {{0, 1}}, LmsTree.consecutive(3, new int[][] {{0, 1}, {2, 3}}));
        assertEquals(List.of(List.of(0, 1), List.of(0, 2), List.of(1, 2)),
                LmsTree.subsets(3, 2).stream().map(a -> List.of(a[0], a[1])).toList());
    }

    private static double[][] widen(double[][] codes, long seed) {
        double[][] noise = continuous(codes.length, 2, seed);
        double[][] out = new double[codes.length][];
        for (int i = 0; i < codes.length; i++) {
            out[i] = new double[] {codes[i][0], noise[i][0], codes[i][1], codes[i][2], noise[i][1], codes[i][3]};
        }
        return out;
    }

    @Test
    void fewerDimensionsThanBlocksLeaveATrueBlockUnmatched() {
        // two dimensions (ball 1's x and y) against two blocks: only one can be matched, score 50
        double[][] z = uniform(2000, 4, 64, 15), zt = uniform(800, 4, 64, 16);
        try (LmsTree tree = LmsTree.fit(MetricFixtures.permuteColumns(z, 0, 1), z, new int[][] {{0, 1}, {2, 3}}, null)) {
            LmsTree.Matching m = tree.match(tree.r2Matrix(MetricFixtures.permuteColumns(zt, 0, 1), zt));
            assertArrayEquals(new int[] {0, 1}, m.learnedOf()[0]);
            assertNull(m.learnedOf()[1]);
            assertEquals(50, 100 * m.total() / 2, 1e-6);
        }
    }

    // ---- reconstruction RMSE

    @Test
    void rmseClosedForms() {
        float[] images = {0, 1, 0.25f, 0.75f};
        assertEquals(0, ReconstructionRmse.of(images, images.clone()));
        // a constant 0.5 image against pixels of 0 and 1: every difference is 0.5
        assertEquals(0.5, ReconstructionRmse.of(new float[] {0, 1, 1, 0, 1}, new float[] {0.5f, 0.5f, 0.5f, 0.5f, 0.5f}), 1e-12);
        // differences 0.5, 0.5, 0, 0.5: √(0.75 / 4)
        assertEquals(Math.sqrt(0.1875), ReconstructionRmse.of(new float[] {0, 1, 0.5f, 0.5f}, new float[] {0.5f, 0.5f, 0.5f, 1}), 1e-7);
        // reconstructions are clamped to [0, 1] first: 1.7 → 1 against 0.2, −3 → 0 against 0
        assertEquals(Math.sqrt((0.64 + 0) / 2), ReconstructionRmse.of(new float[] {0.2f, 0}, new float[] {1.7f, -3}), 1e-7);
        // chunks accumulate to the same value as one set
        ReconstructionRmse chunked = new ReconstructionRmse();
        chunked.add(new float[] {0, 1}, new float[] {0.5f, 0.5f});
        chunked.add(new float[] {0.5f, 0.5f}, new float[] {0.5f, 1});
        assertEquals(Math.sqrt(0.1875), chunked.value(), 1e-7);
        assertTrue(Double.isNaN(new ReconstructionRmse().value()));
    }

    // ---- bad input

    @Test
    void badArraysAreOneLineUserErrors() {
        double[][] two = {{1, 2}, {2, 1}};
        oneLine("has 2 rows but factors has 1", () -> LmsSpearman.score(two, new double[][] {{1}}));
        oneLine("is NaN", () -> LmsSpearman.score(new double[][] {{1}, {Double.NaN}}, new double[][] {{1}, {2}}));
        oneLine("no rows", () -> LmsSpearman.score(new double[0][], new double[0][]));
        oneLine("row 1 has 1 values, row 0 has 2", () -> LmsSpearman.score(new double[][] {{1, 2}, {3}}, new double[][] {{1}, {2}}));
        oneLine("names column 5", () -> LmsTree.fit(two, two, new int[][] {{0}, {1}}, new int[][] {{0}, {5}}));
        oneLine("column 1 is in two blocks", () -> LmsTree.fit(two, two, new int[][] {{0, 1}, {1}}, null));
        oneLine("block 0 is empty", () -> LmsTree.fit(two, two, new int[][] {{}}, null));
    }

    private static void oneLine(String part, Executable call) {
        UserInputException e = assertThrows(UserInputException.class, call);
        assertTrue(e.getMessage().contains(part), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
