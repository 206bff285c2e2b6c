package org.disentangle4j.metrics.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Expected bins worked out by hand from numpy's rules: edges i·(max−min)/20 + min, digitize = #edges ≤ x. */
class HistogramDiscretizerTest {

    @Test
    void constantColumnIsWidenedByHalfAndLandsInTheMiddleBin() {
        // edges 4.5, 4.55, …, 5.5: the ones ≤ 5 are i = 0 … 10, eleven of them
        assertArrayEquals(new int[] {11, 11, 11}, HistogramDiscretizer.discretize(new double[] {5, 5, 5}, 20));
        assertEquals(4.5, HistogramDiscretizer.histogramEdges(new double[] {5, 5}, 20)[0]);
        assertEquals(5.5, HistogramDiscretizer.histogramEdges(new double[] {5, 5}, 20)[20]);
    }

    @Test
    void integersZeroToTwentyShareTheLastBinAtTheTop() {
        double[] x = new double[21];
        int[] expected = new int[21];
        for (int i = 0; i <= 20; i++) {
            x[i] = i;
            expected[i] = Math.min(i + 1, 20); // edges 0 … 19 (and 20); 19 and 20 both see 20 edges
        }
        assertArrayEquals(expected, HistogramDiscretizer.discretize(x, 20));
    }

    @Test
    void valueOnAnInnerEdgeGoesUpAndTheMaximumStaysInTheLastBin() {
        assertArrayEquals(new int[] {1, 2, 2}, HistogramDiscretizer.discretize(new double[] {0, 0.5, 1}, 2));
    }

    @Test
    void edgesAreComputedAsNumpyDoesNotAsDecimals() {
        // step 0.05; 14 · 0.05 = 0.7000000000000001 > 0.7, so 0.7 sees only edges 0 … 13
        assertArrayEquals(new int[] {1, 14, 20}, HistogramDiscretizer.discretize(new double[] {0, 0.7, 1}, 20));
        // 7 · 0.05 = 0.35000000000000003 > 0.35
        assertArrayEquals(new int[] {1, 7, 14, 20}, HistogramDiscretizer.discretize(new double[] {0, 0.35, 0.7, 1}, 20));
        // step 0.15: 2 · 0.15 is the double nearest 0.3, so 0.3 sits on edge 2 and goes up
        assertArrayEquals(new int[] {1, 2, 3, 4, 20}, HistogramDiscretizer.discretize(new double[] {0, 0.15, 0.3, 0.45, 3}, 20));
    }

    @Test
    void float32CodesUseFloatEdgesAsNumpyTwoDoes() {
        // in float, 14 · 0.05f rounds to exactly 0.7f, so 0.7f sits on edge 14 and goes up;
        // the same numbers in double go one bin lower (see above)
        double[] x = {0, (float) 0.35, (float) 0.7, 1};
        assertArrayEquals(new int[] {1, 8, 15, 20}, HistogramDiscretizer.discretize(x, 20, true));
        assertArrayEquals(new int[] {1, 7, 14, 20}, HistogramDiscretizer.discretize(new double[] {0, 0.35, 0.7, 1}, 20, false));
    }

    @Test
    void fiveLevelsSpreadOverTwentyBins() {
        assertArrayEquals(new int[] {1, 6, 11, 16, 20}, HistogramDiscretizer.discretize(new int[] {0, 1, 2, 3, 4}, 20));
    }
}
