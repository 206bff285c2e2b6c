package org.disentangle4j.intervene;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LatentTraversalTest {
    /** base (0.5, −2, 10), half-widths (1, 4, 0.25): values worked out by hand. */
    private static final float[] BASE = {0.5f, -2f, 10f};
    private static final double[] HALF = {1, 4, 0.25};

    @Test
    void eachRowSweepsItsOwnDimensionFromMinusToPlusTheHalfWidthThroughTheBase() {
        float[] codes = LatentTraversal.grid(BASE, new int[] {1, 2, 0}, HALF, 5);
        assertEquals(3 * 5 * 3, codes.length);
        float[][] expected = {
            // row 0 sweeps dimension 1: −2 + {−4, −2, 0, 2, 4}
            {0.5f, -6f, 10f}, {0.5f, -4f, 10f}, {0.5f, -2f, 10f}, {0.5f, 0f, 10f}, {0.5f, 2f, 10f},
            // row 1 sweeps dimension 2: 10 + {−0.25, −0.125, 0, 0.125, 0.25}
            {0.5f, -2f, 9.75f}, {0.5f, -2f, 9.875f}, {0.5f, -2f, 10f}, {0.5f, -2f, 10.125f}, {0.5f, -2f, 10.25f},
            // row 2 sweeps dimension 0: 0.5 + {−1, −0.5, 0, 0.5, 1}
            {-0.5f, -2f, 10f}, {0f, -2f, 10f}, {0.5f, -2f, 10f}, {1f, -2f, 10f}, {1.5f, -2f, 10f},
        };
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], Arrays.copyOfRange(codes, 3 * i, 3 * i + 3), 0f, "code " + i);
        }
    }

    @Test
    void withAnOddNumberOfValuesTheMiddleOneIsTheBaseBitForBit() {
        // a base whose values are not exactly representable sums: t · range must be exactly 0
        float[] base = {0.1f, (float) Math.PI, -1e-7f, 3.3f};
        double[] half = {0.7, 1.3, 2.9, 1e-3};
        for (int steps : new int[] {1, 3, 7, 11, 21}) {
            float[] codes = LatentTraversal.grid(base, new int[] {3, 0, 2, 1}, half, steps);
            for (int r = 0; r < 4; r++) {
                int offset = (r * steps + steps / 2) * 4;
                assertArrayEquals(base, Arrays.copyOfRange(codes, offset, offset + 4), 0f, steps + " values, row " + r);
            }
        }
    }
}
