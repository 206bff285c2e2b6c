package org.disentangle4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CholeskyTest {

    @Test
    void factorOfAHandComputedMatrix() {
        try (NDManager m = Torch.newManager()) {
            // [[4, 2], [2, 3]] = L Lᵀ with L = [[2, 0], [1, √2]]
            NDArray l = Cholesky.lower(m.create(new float[] {4, 2, 2, 3}, new Shape(2, 2)));
            assertArrayEquals(new float[] {2, 0, 1, (float) Math.sqrt(2)}, l.toFloatArray(), 1e-6f);
            // 3×3: [[9, 3, 6], [3, 5, 4], [6, 4, 14]] = L Lᵀ with L = [[3,0,0],[1,2,0],[2,1,3]]
            NDArray l3 = Cholesky.lower(m.create(new float[] {9, 3, 6, 3, 5, 4, 6, 4, 14}, new Shape(3, 3)));
            assertArrayEquals(new float[] {3, 0, 0, 1, 2, 0, 2, 1, 3}, l3.toFloatArray(), 1e-5f);
            assertEquals(Math.log(9 * 4 * 9), Cholesky.logDeterminant(m.create(new float[] {9, 3, 6, 3, 5, 4, 6, 4, 14}, new Shape(3, 3)))
                    .getFloat(), 1e-5);
        }
    }

    /** A random symmetric positive-definite d×d matrix B Bᵀ + I, row-major, in double. */
    private static double[] randomSpd(int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] b = new double[d * d];
        for (int i = 0; i < b.length; i++) b[i] = r.nextGaussian();
        double[] a = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double s = i == j ? 1 : 0;
                for (int k = 0; k < d; k++) s += b[i * d + k] * b[j * d + k];
                a[i * d + j] = s;
            }
        }
        return a;
    }

    /** The inverse and log-determinant by Gauss–Jordan elimination with partial pivoting, in double. */
    private static double[] inverse(double[] a, int d, double[] logDet) {
        double[] w = a.clone();
        double[] inv = new double[d * d];
        for (int i = 0; i < d; i++) inv[i * d + i] = 1;
        double log = 0;
        for (int c = 0; c < d; c++) {
            int p = c;
            for (int r = c + 1; r < d; r++) if (Math.abs(w[r * d + c]) > Math.abs(w[p * d + c])) p = r;
            for (int k = 0; k < d; k++) {
                double t = w[c * d + k]; w[c * d + k] = w[p * d + k]; w[p * d + k] = t;
                t = inv[c * d + k]; inv[c * d + k] = inv[p * d + k]; inv[p * d + k] = t;
            }
            double pivot = w[c * d + c];
            log += Math.log(Math.abs(pivot));
            for (int k = 0; k < d; k++) {
                w[c * d + k] /= pivot;
                inv[c * d + k] /= pivot;
            }
            for (int r = 0; r < d; r++) {
                if (r == c) continue;
                double f = w[r * d + c];
                for (int k = 0; k < d; k++) {
                    w[r * d + k] -= f * w[c * d + k];
                    inv[r * d + k] -= f * inv[c * d + k];
                }
            }
        }
        logDet[0] = log;
        return inv;
    }

    private static float[] toFloats(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) f[i] = (float) v[i];
        return f;
    }

    @Test
    void logDeterminantAndItsGradientAgreeWithEliminationAndFiniteDifferences() {
        int d = 5;
        double[] a = randomSpd(d, 3);
        double[] logDet = new double[1];
        double[] inv = inverse(a, d, logDet);
        try (NDManager m = Torch.newManager()) {
            NDArray x = m.create(toFloats(a), new Shape(d, d));
            x.setRequiresGradient(true);
            float value;
            float[] gradient;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray out = Cholesky.logDeterminant(x);
                value = out.getFloat();
                collector.backward(out);
                gradient = x.getGradient().toFloatArray();
            }
            assertEquals(logDet[0], value, 1e-4);
            // only the lower triangle is read: ∂/∂A_ij = 2(A⁻¹)_ij below the diagonal, (A⁻¹)_ii on it, 0 above
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    double expected = i > j ? 2 * inv[i * d + j] : i == j ? inv[i * d + i] : 0;
                    assertEquals(expected, gradient[i * d + j], 1e-4, "∂ log det / ∂A[" + i + "][" + j + "]");
                }
            }
            // central finite differences of the same function (float, step 1e-2: error ≪ the tolerance)
            float h = 1e-2f;
            for (int i = 0; i < d; i++) {
                for (int j = 0; j <= i; j++) {
                    float[] plus = toFloats(a), minus = toFloats(a);
                    plus[i * d + j] += h;
                    minus[i * d + j] -= h;
                    double fd = (Cholesky.logDeterminant(m.create(plus, new Shape(d, d))).getFloat()
                            - Cholesky.logDeterminant(m.create(minus, new Shape(d, d))).getFloat()) / (2 * h);
                    assertEquals(fd, gradient[i * d + j], 2e-3, "finite difference at [" + i + "][" + j + "]");
                }
            }
        }
    }

    @Test
    void gaussianTotalCorrelationOfTwoByTwoIsMinusHalfLogOneMinusRhoSquared() {
        try (NDManager m = Torch.newManager()) {
            double va = 2.0, vb = 0.5, c = 0.8; // ρ² = c²/(va·vb) = 0.64
            NDArray tc = Cholesky.gaussianTotalCorrelation(m.create(new float[] {(float) va, (float) c, (float) c, (float) vb}, new Shape(2, 2)));
            assertEquals(-0.5 * Math.log(1 - c * c / (va * vb)), tc.getFloat(), 1e-5);
            assertEquals(0, Cholesky.gaussianTotalCorrelation(m.create(new float[] {3, 0, 0, 0, 1, 0, 0, 0, 7}, new Shape(3, 3))).getFloat(), 1e-6);
        }
    }
}
