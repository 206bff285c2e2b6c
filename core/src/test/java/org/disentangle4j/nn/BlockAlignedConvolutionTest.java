package org.disentangle4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The shape of convolution that oneDNN's JIT backward-data pass got wrong on this project's
 * machines (4 output channels: a padded channel block), checked against a direct convolution in
 * double precision, and repeated: every pass must give the same, right input gradient.
 */
class BlockAlignedConvolutionTest {
    private static final int N = 8, IN = 32, OUT = 4, SIZE = 32, K = 3;

    @Test
    void paddedFilterCountsAreWholeBlocks() {
        assertEquals(16, BlockAlignedConvolution.paddedFilters(1));
        assertEquals(16, BlockAlignedConvolution.paddedFilters(16));
        assertEquals(32, BlockAlignedConvolution.paddedFilters(17));
        assertEquals(128, BlockAlignedConvolution.paddedFilters(128));
    }

    @Test
    void inputGradientOfAFourChannelConvolutionIsRightOnEveryPass() {
        SplittableRandom random = new SplittableRandom(5);
        float[] x = gaussian(random, N * IN * SIZE * SIZE, 1);
        float[] w = gaussian(random, OUT * IN * K * K, 0.1);
        float[] b = gaussian(random, OUT, 0.1);
        float[] g = gaussian(random, N * OUT * SIZE * SIZE, 1);
        double[] expectedOut = directConvolution(x, w, b);
        double[] expectedInputGradient = inputGradient(g, w);

        float[] first = null;
        try (NDManager root = Torch.newManager()) {
            for (int pass = 0; pass < 30; pass++) {
                try (NDManager m = root.newSubManager();
                        GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray input = m.create(x, new Shape(N, IN, SIZE, SIZE));
                    input.setRequiresGradient(true);
                    NDArray weight = m.create(w, new Shape(OUT, IN, K, K));
                    weight.setRequiresGradient(true);
                    NDArray bias = m.create(b, new Shape(OUT));
                    NDArray out = BlockAlignedConvolution.conv2d(input, weight, bias, new Shape(1, 1), new Shape(1, 1));
                    assertEquals(new Shape(N, OUT, SIZE, SIZE), out.getShape());
                    if (pass == 0) assertClose(expectedOut, out.toFloatArray(), "forward");
                    // loss = Σ out·g, so d loss / d out = g
                    collector.backward(out.mul(m.create(g, out.getShape())).sum());
                    float[] gradient = input.getGradient().toFloatArray();
                    if (first == null) {
                        assertClose(expectedInputGradient, gradient, "input gradient");
                        first = gradient;
                    } else {
                        assertArrayEquals(first, gradient, "input gradient of pass " + pass + " differs from pass 0");
                    }
                }
            }
        }
    }

    private static float[] gaussian(SplittableRandom random, int n, double scale) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) (scale * gaussian(random));
        return v;
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller: SplittableRandom has no nextGaussian on Java 17
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /** out[n,o,i,j] = b[o] + Σ_c,ki,kj x[n,c,i+ki−1,j+kj−1]·w[o,c,ki,kj] (zero outside the image). */
    private static double[] directConvolution(float[] x, float[] w, float[] b) {
        double[] out = new double[N * OUT * SIZE * SIZE];
        for (int n = 0; n < N; n++) for (int o = 0; o < OUT; o++) for (int i = 0; i < SIZE; i++) for (int j = 0; j < SIZE; j++) {
            double sum = b[o];
            for (int c = 0; c < IN; c++) for (int ki = 0; ki < K; ki++) for (int kj = 0; kj < K; kj++) {
                int si = i + ki - 1, sj = j + kj - 1;
                if (si < 0 || sj < 0 || si >= SIZE || sj >= SIZE) continue;
                sum += x[((n * IN + c) * SIZE + si) * SIZE + sj] * (double) w[((o * IN + c) * K + ki) * K + kj];
            }
            out[((n * OUT + o) * SIZE + i) * SIZE + j] = sum;
        }
        return out;
    }

    /** d/dx of Σ out·g: each output gradient flows back through the weights that made it. */
    private static double[] inputGradient(float[] g, float[] w) {
        double[] dx = new double[N * IN * SIZE * SIZE];
        for (int n = 0; n < N; n++) for (int o = 0; o < OUT; o++) for (int i = 0; i < SIZE; i++) for (int j = 0; j < SIZE; j++) {
            double go = g[((n * OUT + o) * SIZE + i) * SIZE + j];
            for (int c = 0; c < IN; c++) for (int ki = 0; ki < K; ki++) for (int kj = 0; kj < K; kj++) {
                int si = i + ki - 1, sj = j + kj - 1;
                if (si < 0 || sj < 0 || si >= SIZE || sj >= SIZE) continue;
                dx[((n * IN + c) * SIZE + si) * SIZE + sj] += go * w[((o * IN + c) * K + ki) * K + kj];
            }
        }
        return dx;
    }

    private static void assertClose(double[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertTrue(Float.isFinite(actual[i]), what + "[" + i + "] is " + actual[i]);
            assertEquals(expected[i], actual[i], 1e-4 * (1 + Math.abs(expected[i])), what + "[" + i + "]");
        }
    }
}
