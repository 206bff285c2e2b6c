package org.disentangle4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.disentangle4j.nn.KernelStretch.Axis;
import org.disentangle4j.nn.KernelStretch.Normalisation;
import org.junit.jupiter.api.Test;

class KernelStretchTest {

    private static float[] gaussian(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) r.nextGaussian();
        return v;
    }

    @Test
    void sizesFollowRoundingAndKeepOddKernelsOdd() {
        assertEquals(7, KernelStretch.stretchedSize(3, 2));     // 6, even → 7
        assertEquals(5, KernelStretch.stretchedSize(3, 1.5));   // 4.5 → 5
        assertEquals(9, KernelStretch.stretchedSize(3, 3));
        assertEquals(7, KernelStretch.stretchedSize(5, 1.3));   // 6.5 → 7
        assertEquals(3, KernelStretch.stretchedSize(1, 2));     // 2, even → 3
        assertEquals(8, KernelStretch.stretchedSize(4, 2));     // even kernels may stay even
        assertEquals(5, KernelStretch.stretchedSize(4, 1.3));   // 5.2 → 5
        assertThrows(IllegalArgumentException.class, () -> KernelStretch.stretchedSize(3, 0.5));
        assertThrows(IllegalArgumentException.class, () -> KernelStretch.stretchedSize(3, Double.NaN));
    }

    @Test
    void stretchingByOneIsTheIdentity() {
        try (NDManager m = Torch.newManager()) {
            for (Shape shape : new Shape[] {new Shape(2, 3, 3, 3), new Shape(1, 2, 4, 4), new Shape(2, 1, 3, 5)}) {
                NDArray kernel = m.create(gaussian((int) shape.size(), shape.size()), shape);
                for (Normalisation n : Normalisation.values()) {
                    NDArray same = KernelStretch.stretch(kernel, 1, 1, n, m);
                    assertEquals(shape, same.getShape());
                    assertArrayEquals(kernel.toFloatArray(), same.toFloatArray(), 1e-6f, shape + " " + n);
                }
            }
        }
    }

    @Test
    void aThreeTapProfileStretchedTwiceByHand() {
        // [1, 2, 1] read as the broken line through (−1, 1), (0, 2), (1, 1), zero at ±2; stretched ×2 and
        // sampled at −3 … 3, i.e. read at −1.5, −1, …, 1.5: 0.5, 1, 1.5, 2, 1.5, 1, 0.5 (sum 8 = 2·4)
        double[] values = {0.5, 1, 1.5, 2, 1.5, 1, 0.5};
        double[][] r = KernelStretch.resampling(3, 2, Normalisation.KEEP_VALUES);
        double[][] rSum = KernelStretch.resampling(3, 2, Normalisation.KEEP_SUM);
        for (int q = 0; q < 7; q++) {
            assertEquals(values[q], r[q][0] + 2 * r[q][1] + r[q][2], 1e-12, "tap " + q);
            assertEquals(values[q] / 2, rSum[q][0] + 2 * rSum[q][1] + rSum[q][2], 1e-12, "tap " + q + ", sum kept");
        }
    }

    @Test
    void aSeparableKernelStretchedInXKeepsItsYProfile() {
        float[] a = {1, 3, 2};       // along y (rows)
        float[] b = {1, 2, 1};       // along x (columns)
        float[] outer = new float[9];
        for (int y = 0; y < 3; y++) for (int x = 0; x < 3; x++) outer[3 * y + x] = a[y] * b[x];
        try (NDManager m = Torch.newManager()) {
            NDArray kernel = m.create(outer, new Shape(1, 1, 3, 3));
            // ×2: a ⊗ [0.25, 0.5, 0.75, 1, 0.75, 0.5, 0.25] (the hand-stretched profile above, sum kept)
            float[] stretched = KernelStretch.stretch(kernel, Axis.X, 2).toFloatArray();
            float[] bx = {0.25f, 0.5f, 0.75f, 1, 0.75f, 0.5f, 0.25f};
            float[] expected = new float[21];
            for (int y = 0; y < 3; y++) for (int x = 0; x < 7; x++) expected[7 * y + x] = a[y] * bx[x];
            assertArrayEquals(expected, stretched, 1e-6f);
            // ×1.7 (not a whole number): every column is still a multiple of a, i.e. the kernel stays rank one
            NDArray odd = KernelStretch.stretch(kernel, Axis.X, 1.7);
            assertEquals(new Shape(1, 1, 3, 5), odd.getShape());
            float[] s = odd.toFloatArray();
            for (int x = 0; x < 5; x++) {
                for (int y = 1; y < 3; y++) assertEquals(a[y] * s[x], a[0] * s[5 * y + x], 1e-6f, "column " + x + ", row " + y);
            }
            // and stretched in y the x profile is kept
            NDArray tall = KernelStretch.stretch(kernel, Axis.Y, 2);
            assertEquals(new Shape(1, 1, 7, 3), tall.getShape());
            float[] t = tall.toFloatArray();
            for (int y = 0; y < 7; y++) for (int x = 1; x < 3; x++) assertEquals(b[x] * t[3 * y], b[0] * t[3 * y + x], 1e-6f);
        }
    }

    /** The layer's output at every position of a valid convolution of a constant map, per output channel. */
    private static float[] onConstantInput(NDManager m, NDArray kernel, int channelsIn) {
        NDArray input = m.full(new Shape(1, channelsIn, 15, 15), 0.8f);
        long filters = kernel.getShape().get(0);
        NDArray out = BlockAlignedConvolution.conv2d(input, kernel, m.zeros(new Shape(filters)), new Shape(1, 1), new Shape(0, 0));
        return out.mean(new int[] {3}).mean(new int[] {2}).mean(new int[] {0}).toFloatArray();
    }

    @Test
    void onAConstantInputTheOutputScalesAsPredicted() {
        try (NDManager m = Torch.newManager()) {
            NDArray kernel = m.create(gaussian(2 * 3 * 9, 5), new Shape(2, 3, 3, 3)).add(0.3f);
            float[] before = onConstantInput(m, kernel, 3);
            // the sum kept: the same output, for whole and fractional factors, and when the tails are cut (×3)
            for (double[] s : new double[][] {{2, 1}, {1, 2}, {1.5, 1}, {3, 1}, {2, 2.5}}) {
                NDArray stretched = KernelStretch.stretch(kernel, s[0], s[1], Normalisation.KEEP_SUM, m);
                assertArrayEquals(before, onConstantInput(m, stretched, 3), 1e-4f, "sum kept, ×" + s[0] + " in x, ×" + s[1] + " in y");
            }
            // the values kept: ×2 of a 3-tap kernel cuts nothing, so the sum and the output double per axis
            float[] twice = onConstantInput(m, KernelStretch.stretch(kernel, 2, 1, Normalisation.KEEP_VALUES, m), 3);
            float[] fourTimes = onConstantInput(m, KernelStretch.stretch(kernel, 2, 2, Normalisation.KEEP_VALUES, m), 3);
            for (int o = 0; o < 2; o++) {
                assertEquals(2 * before[o], twice[o], 1e-4f * Math.abs(before[o]) + 1e-5f);
                assertEquals(4 * before[o], fourTimes[o], 1e-4f * Math.abs(before[o]) + 1e-5f);
            }
        }
    }

    @Test
    void aZeroSumKernelStaysZeroSumAndFinite() {
        try (NDManager m = Torch.newManager()) {
            NDArray laplacian = m.create(new float[] {0, -1, 0, -1, 4, -1, 0, -1, 0}, new Shape(1, 1, 3, 3));
            for (double s : new double[] {1.5, 2, 3}) {
                NDArray stretched = KernelStretch.stretch(laplacian, Axis.X, s);
                assertEquals(0, stretched.sum().getFloat(), 1e-5f, "×" + s);
                float[] v = stretched.toFloatArray();
                for (float x : v) assertTrue(Float.isFinite(x), "×" + s);
            }
        }
    }

    @Test
    void aKernelFromALongLivedManagerLeavesNothingThere() {
        try (NDManager model = Torch.newManager()) {
            NDArray kernel = model.create(gaussian(9, 2), new Shape(1, 1, 3, 3));
            int before = model.getManagedArrays().size();
            try (NDManager other = Torch.newManager()) {
                NDArray stretched = KernelStretch.stretch(kernel, 2, 2, Normalisation.KEEP_SUM, other);
                assertEquals(new Shape(1, 1, 7, 7), stretched.getShape());
                assertEquals(before, model.getManagedArrays().size());
            }
        }
    }
}
