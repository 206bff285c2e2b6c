package org.disentangle4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MatrixExponentialTest {

    @Test
    void rotationGeneratorsGiveRotationsAlsoBeyondPi() {
        double[] angles = {0.3, 1.0, Math.PI / 2, 2.5, 4.0, 7.0, -5.0, 12.0};
        try (NDManager m = Torch.newManager()) {
            float[] batch = new float[angles.length * 4];
            for (int i = 0; i < angles.length; i++) {
                float t = (float) angles[i];
                float[] generator = {0, -t, t, 0};
                System.arraycopy(generator, 0, batch, 4 * i, 4);
                float[] single = MatrixExponential.exp(m.create(generator, new Shape(2, 2))).toFloatArray();
                assertArrayEquals(rotation(t), single, 2e-6f, "θ = " + angles[i]);
            }
            // the batch shares one scaling (the largest angle's): the same rotations
            float[] all = MatrixExponential.exp(m.create(batch, new Shape(angles.length, 2, 2))).toFloatArray();
            for (int i = 0; i < angles.length; i++) {
                float[] got = java.util.Arrays.copyOfRange(all, 4 * i, 4 * i + 4);
                assertArrayEquals(rotation((float) angles[i]), got, 5e-6f, "batched θ = " + angles[i]);
            }
        }
    }

    /** [[cos θ, −sin θ], [sin θ, cos θ]] for the float θ the engine saw. */
    private static float[] rotation(float theta) {
        double c = Math.cos(theta), s = Math.sin(theta);
        return new float[] {(float) c, (float) -s, (float) s, (float) c};
    }

    @Test
    void nilpotentMatricesGiveTheirFiniteSeries() {
        try (NDManager m = Torch.newManager()) {
            // 3×3 strictly upper triangular: N³ = 0, exp(N) = I + N + N²/2 (norm ≈ 7: scaling and squaring engaged)
            double[] n3 = {0, 2, -3, 0, 0, 4, 0, 0, 0};
            assertTrue(MatrixExponential.scaling(7) > 0);
            assertArrayEquals(toFloats(finiteSeries(n3, 3, 2)), MatrixExponential.exp(m.create(toFloats(n3), new Shape(3, 3))).toFloatArray(),
                    2e-5f);
            // 4×4: N⁴ = 0, exp(N) = I + N + N²/2 + N³/6
            double[] n4 = {0, 1.5, -0.5, 2, 0, 0, 3, -1, 0, 0, 0, 2.5, 0, 0, 0, 0};
            assertArrayEquals(toFloats(finiteSeries(n4, 4, 3)), MatrixExponential.exp(m.create(toFloats(n4), new Shape(4, 4))).toFloatArray(),
                    2e-5f);
        }
    }

    /** Σ_{k=0}^{last} N^k / k! in double. */
    private static double[] finiteSeries(double[] n, int d, int last) {
        double[] sum = identity(d);
        double[] power = identity(d);
        double factorial = 1;
        for (int k = 1; k <= last; k++) {
            power = multiply(power, n, d);
            factorial *= k;
            for (int i = 0; i < d * d; i++) sum[i] += power[i] / factorial;
        }
        return sum;
    }

    @Test
    void diagonalMatricesGiveTheExponentialsOfTheirDiagonal() {
        double[] diagonal = {-2, 0, 0.5, 3, -0.01};
        int d = diagonal.length;
        float[] a = new float[d * d];
        for (int i = 0; i < d; i++) a[i * d + i] = (float) diagonal[i];
        try (NDManager m = Torch.newManager()) {
            float[] e = MatrixExponential.exp(m.create(a, new Shape(d, d))).toFloatArray();
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    double expected = i == j ? Math.exp(diagonal[i]) : 0;
                    assertEquals(expected, e[i * d + j], 2e-6 * Math.max(1, expected), "[" + i + "][" + j + "]");
                }
            }
        }
    }

    @Test
    void expOfMinusAIsTheInverse() {
        int d = 10;
        try (NDManager m = Torch.newManager()) {
            for (double norm : new double[] {0.1, 0.5, 1, 3, 5}) {
                double[] a = randomMatrix(d, norm, (long) (norm * 100));
                float[] plus = MatrixExponential.exp(m.create(toFloats(a), new Shape(d, d))).toFloatArray();
                double[] minusA = a.clone();
                for (int i = 0; i < minusA.length; i++) minusA[i] = -minusA[i];
                float[] minus = MatrixExponential.exp(m.create(toFloats(minusA), new Shape(d, d))).toFloatArray();
                double[] product = multiply(toDoubles(plus), toDoubles(minus), d);
                double[] eye = identity(d);
                for (int i = 0; i < d * d; i++) assertEquals(eye[i], product[i], 2e-5, "‖A‖₁ = " + norm + ", entry " + i);
            }
        }
    }

    /** A random d×d matrix with 1-norm (maximum absolute column sum) exactly {@code norm}. */
    private static double[] randomMatrix(int d, double norm, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] a = new double[d * d];
        for (int i = 0; i < a.length; i++) a[i] = r.nextGaussian();
        double max = 0;
        for (int j = 0; j < d; j++) {
            double col = 0;
            for (int i = 0; i < d; i++) col += Math.abs(a[i * d + j]);
            max = Math.max(max, col);
        }
        for (int i = 0; i < a.length; i++) a[i] *= norm / max;
        return a;
    }

    @Test
    void scalingIsTheLeastPowerOfTwoThatBringsTheNormToOneHalf() {
        assertEquals(0, MatrixExponential.scaling(0));
        assertEquals(0, MatrixExponential.scaling(0.5));
        assertEquals(1, MatrixExponential.scaling(0.5000001));
        assertEquals(1, MatrixExponential.scaling(1));
        assertEquals(2, MatrixExponential.scaling(1.01));
        assertEquals(10, MatrixExponential.scaling(512));
        assertEquals(11, MatrixExponential.scaling(513));
        assertEquals(0, MatrixExponential.scaling(Double.NaN));
        try (NDManager m = Torch.newManager()) {
            // columns sums |1| + |−3| = 4 and |2| + |0.5| = 2.5; the batch's largest norm counts
            NDArray batch = m.create(new float[] {1, 2, -3, 0.5f, 0.1f, 0, 0, 0.1f}, new Shape(2, 2, 2));
            assertEquals(4.0, MatrixExponential.oneNorm(batch), 1e-6);
            assertEquals(0.1, MatrixExponential.oneNorm(batch.get(1)), 1e-6);
            assertTrue(Float.isNaN(MatrixExponential.exp(m.create(new float[] {Float.NaN, 0, 0, 1}, new Shape(2, 2))).toFloatArray()[0]));
            assertThrows(IllegalArgumentException.class, () -> MatrixExponential.exp(m.create(new float[6], new Shape(2, 3))));
        }
    }

    @Test
    void gradientOfAWeightedSumAgreesWithCentralDifferences() {
        // float64 throughout, so central differences (step 1e-5) are accurate to ~1e-9
        int n = 2, d = 4;
        double[] a = new double[n * d * d];
        double[] first = randomMatrix(d, 2.7, 5), second = randomMatrix(d, 0.8, 6); // one scaling s = 3 for the batch
        System.arraycopy(first, 0, a, 0, d * d);
        System.arraycopy(second, 0, a, d * d, d * d);
        double[] w = new double[n * d * d];
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < w.length; i++) w[i] = r.nextGaussian();
        try (NDManager m = Torch.newManager()) {
            Shape shape = new Shape(n, d, d);
            NDArray weights = m.create(w, shape);
            double[] gradient = gradient(m, a, weights, shape, false);
            double h = 1e-5;
            for (int i = 0; i < a.length; i++) {
                double[] plus = a.clone(), minus = a.clone();
                plus[i] += h;
                minus[i] -= h;
                double fd = (weighted(m, plus, weights, shape) - weighted(m, minus, weights, shape)) / (2 * h);
                assertEquals(fd, gradient[i], 1e-7 * Math.max(1, Math.abs(fd)), "∂f/∂A at flat index " + i);
            }
            // the gradient is not trivially the weights (exp is not the identity): d/dA of exp at A ≠ 0
            double gap = 0;
            for (int i = 0; i < w.length; i++) gap = Math.max(gap, Math.abs(gradient[i] - w[i]));
            assertTrue(gap > 0.1, "gradient suspiciously equal to the weights");
        }
    }

    @Test
    void gradientDoesNotDependOnGarbageCollectionBetweenForwardAndBackward() throws Exception {
        int d = 6;
        double[] a = randomMatrix(d, 4, 9);
        double[] w = randomMatrix(d, 3, 10);
        try (NDManager m = Torch.newManager()) {
            Shape shape = new Shape(d, d);
            NDArray weights = m.create(toFloats(w), shape);
            float[] calm = toFloats(gradient(m, a, weights, shape, false));
            float[] disturbed = toFloats(gradient(m, a, weights, shape, true));
            for (float v : calm) assertTrue(Float.isFinite(v));
            assertArrayEquals(calm, disturbed);
        }
    }

    /** ∂/∂A Σ W ⊙ exp(A), in W's data type; with {@code disturb} freed Java memory is refilled with NaN between the passes. */
    private static double[] gradient(NDManager m, double[] a, NDArray weights, Shape shape, boolean disturb) {
        try (NDManager step = m.newSubManager(); GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray x = create(step, a, weights, shape);
            x.setRequiresGradient(true);
            NDArray out = MatrixExponential.exp(x).mul(weights).sum();
            if (disturb) FreedMemory.refillWithNaN();
            collector.backward(out);
            return x.getGradient().toType(DataType.FLOAT64, false).toDoubleArray();
        }
    }

    private static double weighted(NDManager m, double[] a, NDArray weights, Shape shape) {
        try (NDManager step = m.newSubManager()) {
            return MatrixExponential.exp(create(step, a, weights, shape)).mul(weights).sum().toType(DataType.FLOAT64, false)
                    .getDouble();
        }
    }

    private static NDArray create(NDManager m, double[] a, NDArray like, Shape shape) {
        return like.getDataType() == DataType.FLOAT64 ? m.create(a, shape) : m.create(toFloats(a), shape);
    }



    private static double[] identity(int d) {
        double[] eye = new double[d * d];
        for (int i = 0; i < d; i++) eye[i * d + i] = 1;
        return eye;
    }

    private static double[] multiply(double[] x, double[] y, int d) {
        double[] p = new double[d * d];
        for (int i = 0; i < d; i++) for (int k = 0; k < d; k++) for (int j = 0; j < d; j++) p[i * d + j] += x[i * d + k] * y[k * d + j];
        return p;
    }

    private static float[] toFloats(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) f[i] = (float) v[i];
        return f;
    }

    private static double[] toDoubles(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) d[i] = v[i];
        return d;
    }
}
