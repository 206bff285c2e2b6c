package org.disentangle4j.intervene;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CartesianProductGridTest {

    /**
     * 101 codes (k, 1000 − 10k, k mod 7), k = 0 … 100: the 1st and 99th percentiles are 1 and 99
     * for dimension 0, 10 and 990 for dimension 1, and the median of dimension 2 is 3 (15 each
     * of 0, 1, 2 and 14 each of 3 … 6: the 51st smallest is a 3).
     */
    @Test
    void theGridSpansTheFirstToNinetyNinthPercentileAndHoldsTheOtherDimensionsAtTheirMedian() {
        int d = 3;
        float[] codes = new float[101 * d];
        for (int k = 0; k <= 100; k++) {
            codes[k * d] = k;
            codes[k * d + 1] = 1000 - 10 * k;
            codes[k * d + 2] = k % 7;
        }
        CartesianProductGrid grid = CartesianProductGrid.of(codes, null, d, 0, 1, 7);
        float[] cols = grid.colValues(), rows = grid.rowValues();
        assertEquals(1f, cols[0], 0f);
        assertEquals(99f, cols[6], 0f);
        assertEquals(10f, rows[0], 0f);
        assertEquals(990f, rows[6], 0f);
        for (int i = 0; i < 7; i++) {
            assertEquals(1 + 98.0 * i / 6, cols[i], 1e-4);
            assertEquals(10 + 980.0 * i / 6, rows[i], 1e-3);
        }
        float[] g = grid.codes();
        assertEquals(49 * d, g.length);
        for (int r = 0; r < 7; r++) {
            for (int c = 0; c < 7; c++) {
                int o = (r * 7 + c) * d;
                assertEquals(cols[c], g[o], 0f, "column value of cell " + r + "," + c);
                assertEquals(rows[6 - r], g[o + 1], 0f, "row value of cell " + r + "," + c + " (rows increase upwards)");
                assertEquals(3f, g[o + 2], 0f, "the unplotted dimension sits at its median");
            }
        }
        assertEquals(0, grid.markedCount(), "no out-of-support codes, nothing marked");
    }

    @Test
    void theRangesComeFromInAndOutOfSupportCodesTogether() {
        // in-support dimension 0 spans 0 … 9, the out-of-support codes 10 … 19: over the 20 values
        // the 1st percentile is 0.19 and the 99th 18.81
        float[] in = new float[20], out = new float[20];
        for (int k = 0; k < 10; k++) {
            in[2 * k] = k;
            in[2 * k + 1] = k;
            out[2 * k] = 10 + k;
            out[2 * k + 1] = 10 + k;
        }
        CartesianProductGrid grid = CartesianProductGrid.of(in, out, 2, 0, 1, 5);
        assertEquals(0.19f, grid.colValues()[0], 1e-6f);
        assertEquals(18.81f, grid.colValues()[4], 1e-5f);
    }

    /** Codes on the integer lattice {lo … hi}² with their class: out-of-support when inside the square. */
    private static float[][] lattice(int colFrom, int colTo, int rowFrom, int rowTo) {
        List<float[]> in = new ArrayList<>(), out = new ArrayList<>();
        for (int x = 0; x <= 10; x++) {
            for (int y = 0; y <= 10; y++) {
                boolean unseen = x >= colFrom && x <= colTo && y >= rowFrom && y <= rowTo;
                (unseen ? out : in).add(new float[] {x, y});
            }
        }
        return new float[][] {flatten(in), flatten(out)};
    }

    private static float[] flatten(List<float[]> rows) {
        float[] f = new float[rows.size() * 2];
        for (int i = 0; i < rows.size(); i++) System.arraycopy(rows.get(i), 0, f, 2 * i, 2);
        return f;
    }

    /**
     * The lattice {0 … 10}² with out-of-support square columns 0 … 4 × rows 6 … 10 (top left).
     * Both ranges are 0 … 10, so the grid values are 0, 1.67, 3.33, 5, 6.67, 8.33, 10: the cells
     * with column ≤ 3.33 and row ≥ 6.67 (grid rows 0 … 2 from the top, columns 0 … 2) have all
     * five nearest lattice points in the square; a cell at column 5 or row 5 has its two nearest
     * points outside it and at most two of its five nearest inside.
     */
    @Test
    void exactlyTheCellsInTheOutOfSupportCornerAreMarked() {
        float[][] codes = lattice(0, 4, 6, 10);
        CartesianProductGrid grid = CartesianProductGrid.of(codes[0], codes[1], 2, 0, 1, 7);
        assertEquals(0f, grid.colValues()[0], 0f);
        assertEquals(10f, grid.colValues()[6], 0f);
        for (int r = 0; r < 7; r++) {
            for (int c = 0; c < 7; c++) {
                boolean expected = r <= 2 && c <= 2;
                assertEquals(expected, grid.marked(r, c), "cell " + r + "," + c);
            }
        }
        assertEquals(9, grid.markedCount());

        // the corner at high column and high row: the top-right 3×3 cells
        float[][] other = lattice(6, 10, 6, 10);
        CartesianProductGrid right = CartesianProductGrid.of(other[0], other[1], 2, 0, 1, 7);
        for (int r = 0; r < 7; r++) {
            for (int c = 0; c < 7; c++) assertEquals(r <= 2 && c >= 4, right.marked(r, c), "cell " + r + "," + c);
        }
    }

    /**
     * Column range 0 … 1, row range 0 … 1000 (ten codes at each extreme); the middle cell
     * (0.5, 500) has five in-support codes at (1, 500) (half the column range away, 0.5 in raw
     * units) and five out-of-support codes at (0.5, 560) (6 % of the row range away, 60 raw).
     * Scaled by the ranges the out-of-support codes are nearer and the cell is marked; raw
     * distances would pick the in-support ones.
     */
    @Test
    void distancesCountBothPlottedDimensionsAlikeWhateverTheirScale() {
        List<float[]> in = new ArrayList<>(), out = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            in.add(new float[] {0, 0});
            in.add(new float[] {1, 1000});
        }
        for (int i = 0; i < 5; i++) {
            in.add(new float[] {1, 500});
            out.add(new float[] {0.5f, 560});
        }
        CartesianProductGrid grid = CartesianProductGrid.of(flatten(in), flatten(out), 2, 0, 1, 3);
        assertArrayEquals(new float[] {0, 0.5f, 1}, grid.colValues(), 0f);
        assertArrayEquals(new float[] {0, 500, 1000}, grid.rowValues(), 0f);
        assertEquals(true, grid.marked(1, 1));
        assertEquals(false, grid.marked(1, 2), "(1, 500) is where the in-support codes are");
        assertEquals(false, grid.marked(2, 0), "(0, 0) is among ten in-support codes");
    }

    @Test
    void theColumnAndRowDimensionsAreTheChosenOnes() {
        float[][] codes = lattice(0, 4, 6, 10);
        // swap the roles: dimension 1 on the columns, 0 on the rows; the corner (dim0 ≤ 4, dim1 ≥ 6)
        // is then at high column, low row: bottom right
        CartesianProductGrid grid = CartesianProductGrid.of(codes[0], codes[1], 2, 1, 0, 7);
        for (int r = 0; r < 7; r++) {
            for (int c = 0; c < 7; c++) assertEquals(r >= 4 && c >= 4, grid.marked(r, c), "cell " + r + "," + c);
        }
    }

    @Test
    void plottedDimensionsFollowUsageAndBlocks() {
        float[] usage = {0.1f, 5f, 0.2f, 3f};
        assertArrayEquals(new int[] {1, 3}, CartesianProductGrid.plottedDims(usage, null));
        assertArrayEquals(new int[] {1, 3}, CartesianProductGrid.plottedDims(usage, new int[][] {{0, 1}, {2, 3}}));
        float[] oneBlock = {4f, 3f, 0.1f, 0.2f};
        assertArrayEquals(new int[] {0, 1}, CartesianProductGrid.plottedDims(oneBlock, null));
        // with blocks, one dimension from each of the two blocks
        assertArrayEquals(new int[] {0, 3}, CartesianProductGrid.plottedDims(oneBlock, new int[][] {{0, 1}, {2, 3}}));
        // the two most used of three blocks, earlier block on the columns
        assertArrayEquals(new int[] {1, 2}, CartesianProductGrid.plottedDims(new float[] {0.1f, 1f, 2f}, new int[][] {{0}, {1}, {2}}));
        // a single block counts as no blocks
        assertArrayEquals(new int[] {0, 1}, CartesianProductGrid.plottedDims(oneBlock, new int[][] {{0, 1, 2, 3}}));
        // two dimensions: always {0, 1}
        assertArrayEquals(new int[] {0, 1}, CartesianProductGrid.plottedDims(new float[] {1f, 9f}, null));
    }

    @Test
    void badShapesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> CartesianProductGrid.of(new float[] {1}, null, 1, 0, 0, 7));
        assertThrows(IllegalArgumentException.class, () -> CartesianProductGrid.of(new float[] {1, 2}, null, 2, 0, 0, 7));
        assertThrows(IllegalArgumentException.class, () -> CartesianProductGrid.of(new float[] {1, 2, 3}, null, 2, 0, 1, 7));
        assertThrows(IllegalArgumentException.class, () -> CartesianProductGrid.of(new float[] {1, 2}, null, 2, 0, 1, 1));
    }
}
