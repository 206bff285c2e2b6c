package org.disentangle4j.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.SplittableRandom;
import org.disentangle4j.nn.FreedMemory;
import org.disentangle4j.io.UserInputException;
import org.disentangle4j.nn.GlorotUniform;
import org.disentangle4j.nn.Torch;
import org.junit.jupiter.api.Test;

class SymmetryCodebookTest {
    /** Elements (N, D, D) from row-major D×D matrices, in element order n = i·S + j. */
    private static NDArray elements(NDManager m, int d, double[]... matrices) {
        float[] flat = new float[matrices.length * d * d];
        for (int n = 0; n < matrices.length; n++) for (int k = 0; k < d * d; k++) flat[n * d * d + k] = (float) matrices[n][k];
        return m.create(flat, new Shape(matrices.length, d, d));
    }

    /** c at (i, i), zero elsewhere: exp scales coordinate i by e^c and moves nothing else. */
    private static double[] scaleCoordinate(int d, int i, double c) {
        double[] a = new double[d * d];
        a[i * d + i] = c;
        return a;
    }

    /** The generator of a rotation by θ in the plane of coordinates (p, q). */
    private static double[] rotatePlane(int d, int p, int q, double theta) {
        double[] a = new double[d * d];
        a[p * d + q] = theta;
        a[q * d + p] = -theta;
        return a;
    }

    private static NDArray codes(NDManager m, int b, int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] z = new float[b * d];
        for (int i = 0; i < z.length; i++) z[i] = (float) (0.5 + r.nextDouble()) * (r.nextBoolean() ? 1 : -1); // |z| ≥ 0.5: every coordinate moves
        return m.create(z, new Shape(b, d));
    }

    private static NDArray displacements(NDArray z, NDArray algebra) {
        return SymmetryCodebook.displacements(z, SymmetryCodebook.symmetries(algebra));
    }

    @Test
    void coordinateAlignedSectionsAreSparseParallelAndPerpendicular() {
        int d = 3, s = 2, b = 8;
        try (NDManager m = Torch.newManager()) {
            // section i: two scalings of coordinate i (different rates, one shrinking, one growing)
            NDArray algebra = elements(m, d, scaleCoordinate(d, 0, 0.3), scaleCoordinate(d, 0, -0.7), scaleCoordinate(d, 1, 0.5),
                    scaleCoordinate(d, 1, 0.2), scaleCoordinate(d, 2, -0.4), scaleCoordinate(d, 2, 0.9));
            NDArray delta = displacements(codes(m, b, d, 1), algebra);
            assertEquals(new Shape(d * s, b, d), delta.getShape());
            assertEquals(0, SymmetryCodebook.sparsityLoss(delta).getFloat(), 1e-12);
            // cos² = 1 for every pair: the minimum −log(1 + 1e-9)
            assertEquals(-Math.log1p(1e-9), SymmetryCodebook.parallelLoss(delta, d).getFloat(), 1e-6);
            for (int[] chosen : new int[][] {{0, 0, 0}, {1, 0, 1}, {1, 1, 1}}) {
                assertEquals(0, SymmetryCodebook.perpendicularLoss(delta, d, chosen).getFloat(), 1e-12);
            }
        }
    }

    @Test
    void sectionsRotatingDisjointPlanesArePerpendicularButNotSparse() {
        int d = 4, b = 6;
        try (NDManager m = Torch.newManager()) {
            // section 0 rotates the plane of coordinates (0, 1), section 1 that of (2, 3): displacements lie in orthogonal planes
            NDArray disjoint = displacements(codes(m, b, d, 2), elements(m, d, rotatePlane(d, 0, 1, 0.4), rotatePlane(d, 0, 1, 1.1),
                    rotatePlane(d, 2, 3, -0.6), rotatePlane(d, 2, 3, 2.0)));
            for (int[] chosen : new int[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}) {
                assertEquals(0, SymmetryCodebook.perpendicularLoss(disjoint, 2, chosen).getFloat(), 1e-7);
            }
            assertTrue(SymmetryCodebook.sparsityLoss(disjoint).getFloat() > 1e-3, "a rotation moves two coordinates");
            // planes (0, 1) and (1, 2) share coordinate 1: not perpendicular
            NDArray overlapping = displacements(codes(m, b, d, 2), elements(m, d, rotatePlane(d, 0, 1, 0.4), rotatePlane(d, 0, 1, 1.1),
                    rotatePlane(d, 1, 2, -0.6), rotatePlane(d, 1, 2, 2.0)));
            assertTrue(SymmetryCodebook.perpendicularLoss(overlapping, 2, new int[] {0, 0}).getFloat() > 1e-3);
        }
    }

    @Test
    void sectionsMovingTheSameCoordinateHavePerpendicularLossOne() {
        int d = 3, b = 5;
        try (NDManager m = Torch.newManager()) {
            // all three sections scale coordinate 1: every cross-section cos² is 1, their mean 1
            NDArray algebra = elements(m, d, scaleCoordinate(d, 1, 0.3), scaleCoordinate(d, 1, -0.4), scaleCoordinate(d, 1, 1.0));
            NDArray delta = displacements(codes(m, b, d, 3), algebra);
            assertEquals(1, SymmetryCodebook.perpendicularLoss(delta, 3, new int[] {0, 0, 0}).getFloat(), 1e-6);
        }
    }

    @Test
    void sparsityIsZeroForOneCoordinateAndTheHandValueForAllEqually() {
        int d = 4;
        double c = 0.25;
        try (NDManager m = Torch.newManager()) {
            NDArray z = m.create(new float[] {1, 1, 1, 1, -2, -2, -2, -2}, new Shape(2, d));
            // c·I scales every coordinate by e^c: codes with equal coordinates move all of them equally, by z(1 − e^c)
            double[] scaleAll = new double[d * d];
            for (int i = 0; i < d; i++) scaleAll[i * d + i] = c;
            NDArray delta = displacements(z, elements(m, d, scaleAll));
            double step1 = Math.pow(1 - Math.exp(c), 2), step2 = 4 * step1; // Δ_d² for z = 1 and z = −2
            double expected = (Math.pow((d - 1) * step1, 2) + Math.pow((d - 1) * step2, 2)) / 2; // mean of (Σ − max)²
            assertEquals(expected, SymmetryCodebook.sparsityLoss(delta).getFloat(), 1e-5 * expected);
            assertEquals(0, SymmetryCodebook.sparsityLoss(displacements(z, elements(m, d, scaleCoordinate(d, 2, c)))).getFloat(), 1e-12);
        }
    }

    @Test
    void parallelLossOfTwoOrthogonalMovesInASectionIsTheHandValue() {
        int d = 2, b = 3;
        try (NDManager m = Torch.newManager()) {
            // one section, sub-symmetries scaling coordinate 0 and coordinate 1: of the (2b)² pairs half are parallel
            // (cos² = 1) and half orthogonal (cos² = 0)
            NDArray delta = displacements(codes(m, b, d, 4), elements(m, d, scaleCoordinate(d, 0, 0.5), scaleCoordinate(d, 1, 0.5)));
            double expected = 0.5 * -Math.log1p(1e-9) + 0.5 * -Math.log(1e-9);
            assertEquals(expected, SymmetryCodebook.parallelLoss(delta, 1).getFloat(), 1e-4);
            // as two sections of one sub-symmetry each, both are perfectly parallel
            assertEquals(-Math.log1p(1e-9), SymmetryCodebook.parallelLoss(delta, 2).getFloat(), 1e-6);
        }
    }

    @Test
    void lossesOfHandBuiltDisplacementsAtFortyFiveDegrees() {
        try (NDManager m = Torch.newManager()) {
            // elements (N = 2, B = 1, D = 3): Δ₀ = (1, 0, 0), Δ₁ = (2, 2, 0), at 45°: cos² = 1/2
            NDArray delta = m.create(new float[] {1, 0, 0, 2, 2, 0}, new Shape(2, 1, 3));
            // one section: 4 ordered pairs, two with themselves (−log(1 + 1e-9)) and two at cos² = 1/2
            assertEquals((2 * -Math.log1p(1e-9) + 2 * -Math.log(0.5 + 1e-9)) / 4, SymmetryCodebook.parallelLoss(delta, 1).getFloat(), 1e-6);
            // two sections of one: the cross-section pairs both have cos² = 1/2
            assertEquals(0.5, SymmetryCodebook.perpendicularLoss(delta, 2, new int[] {0, 0}).getFloat(), 1e-6);
            // (Σ − max)²: Δ₀ 0, Δ₁ (8 − 4)² = 16; mean 8
            assertEquals(8, SymmetryCodebook.sparsityLoss(delta).getFloat(), 1e-5);
        }
    }

    @Test
    void commutativityIsExactlyZeroForDiagonalsAndTheCommutatorNormForANonCommutingPair() {
        try (NDManager m = Torch.newManager()) {
            NDArray diagonal = elements(m, 3, new double[] {1, 0, 0, 0, -2, 0, 0, 0, 0.5}, new double[] {0.3, 0, 0, 0, 7, 0, 0, 0, -1},
                    new double[] {-4, 0, 0, 0, 0, 0, 0, 0, 2.5}, new double[] {1.5, 0, 0, 0, 1.5, 0, 0, 0, 1.5});
            assertEquals(0f, SymmetryCodebook.commutativityLoss(diagonal).getFloat());
            // A = [[1, 2], [3, 4]], B = [[0, 1], [1, 0]]: AB − BA = [[−1, −3], [3, 1]], ‖·‖² = 20; 2I and 0 commute with all
            NDArray pair = elements(m, 2, new double[] {1, 2, 3, 4}, new double[] {0, 1, 1, 0}, new double[] {2, 0, 0, 2}, new double[4]);
            assertEquals(20f, SymmetryCodebook.commutativityLoss(pair).getFloat(), 1e-5);
            // two non-commuting pairs among three: (A, B) 20 and (A, C) with C = [[0, 0], [1, 0]]: AC − CA = [[2, 0], [3, −2]], 17;
            // B, C: BC − CB = [[1, 0], [0, −1]], 2
            NDArray three = elements(m, 2, new double[] {1, 2, 3, 4}, new double[] {0, 1, 1, 0}, new double[] {0, 0, 1, 0});
            assertEquals(20 + 17 + 2, SymmetryCodebook.commutativityLoss(three).getFloat(), 1e-4);
        }
    }

    @Test
    void switchLabelsMarkTheDimensionsThatDifferByMoreThanTheThreshold() {
        try (NDManager m = Torch.newManager()) {
            NDArray z1 = m.create(new float[] {0.0f, 1.0f, -0.5f, 2.0f}, new Shape(2, 2));
            NDArray z2 = m.create(new float[] {0.1f, 0.0f, 0.5f, 2.3f}, new Shape(2, 2));
            assertArrayEquals(new float[] {0, 1, 1, 1}, SymmetryCodebook.switchLabels(z1, z2, 0.2f).toFloatArray());
            assertArrayEquals(new float[] {0, 1, 1, 0}, SymmetryCodebook.switchLabels(z1, z2, 0.5f).toFloatArray());
        }
    }

    @Test
    void switchLossIsTheCrossEntropySummedOverDimensionsAveragedOverPairs() {
        try (NDManager m = Torch.newManager()) {
            // pair 0: logits (0, 0) label 1 → log 2; (1, 3) label 0 → log(e + e³) − 1
            // pair 1: (2, −1) label 0 → log(e² + e⁻¹) − 2; (0, 5) label 1 → log(1 + e⁵) − 5
            NDArray logits = m.create(new float[] {0, 0, 1, 3, 2, -1, 0, 5}, new Shape(2, 2, 2));
            NDArray labels = m.create(new float[] {1, 0, 0, 1}, new Shape(2, 2));
            double pair0 = Math.log(2) + Math.log(Math.E + Math.exp(3)) - 1;
            double pair1 = Math.log(Math.exp(2) + Math.exp(-1)) - 2 + Math.log(1 + Math.exp(5)) - 5;
            assertEquals((pair0 + pair1) / 2, SymmetryCodebook.switchLoss(logits, labels).getFloat(), 1e-5);
        }
    }

    @Test
    void switchValuesAreHardWithTheSoftGradient() {
        float tau = 0.5f;
        float[] logits = {0.2f, 1.0f, 2.0f, -1.0f, 0.0f, 0.1f};
        float[] noise = {0.5f, -0.1f, 0.3f, 0.4f, 0.0f, -0.3f};
        float[] weights = {1.5f, -2.0f, 0.7f};
        try (NDManager m = Torch.newManager(); GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray x = m.create(logits, new Shape(1, 3, 2));
            x.setRequiresGradient(true);
            NDArray values = SymmetryCodebook.switchValues(x, m.create(noise, new Shape(1, 3, 2)), tau);
            float[] got = values.toFloatArray();
            collector.backward(values.mul(m.create(weights, new Shape(1, 3))).sum());
            float[] gradient = x.getGradient().toFloatArray();
            for (int i = 0; i < 3; i++) {
                double off = logits[2 * i] + noise[2 * i], on = logits[2 * i + 1] + noise[2 * i + 1];
                assertEquals(on > off ? 1f : 0f, got[i], 0f, "switch " + i);
                double p = 1 / (1 + Math.exp(-(on - off) / tau)); // soft "on" component
                double slope = weights[i] * p * (1 - p) / tau;
                assertEquals(-slope, gradient[2 * i], 1e-5, "∂/∂ off logit " + i);
                assertEquals(slope, gradient[2 * i + 1], 1e-5, "∂/∂ on logit " + i);
            }
        }
    }

    @Test
    void compositeAlgebraIsTheSwitchedSoftmaxWeightedSum() {
        int d = 3, s = 2, pairs = 2;
        SplittableRandom r = new SplittableRandom(5);
        float[] a = new float[d * s * d * d];
        for (int i = 0; i < a.length; i++) a[i] = (float) r.nextGaussian();
        float[] switches = {1, 0, 1, 0, 1, 1};
        float[] c = new float[pairs * d * s];
        for (int i = 0; i < c.length; i++) c[i] = (float) r.nextGaussian();
        try (NDManager m = Torch.newManager()) {
            NDArray weights = SymmetryCodebook.sectionWeights(m.create(switches, new Shape(pairs, d)), m.create(c, new Shape(pairs, d, s)));
            float[] w = weights.toFloatArray();
            float[] got = SymmetryCodebook.compositeAlgebra(weights, m.create(a, new Shape(d * s, d, d))).toFloatArray();
            for (int p = 0; p < pairs; p++) {
                double[] expected = new double[d * d];
                for (int i = 0; i < d; i++) {
                    double norm = 0;
                    for (int j = 0; j < s; j++) norm += Math.exp(c[(p * d + i) * s + j]);
                    for (int j = 0; j < s; j++) {
                        double wij = switches[p * d + i] * Math.exp(c[(p * d + i) * s + j]) / norm;
                        assertEquals(wij, w[(p * d + i) * s + j], 1e-6);
                        int n = i * s + j;
                        for (int k = 0; k < d * d; k++) expected[k] += wij * a[n * d * d + k];
                    }
                }
                for (int k = 0; k < d * d; k++) assertEquals(expected[k], got[p * d * d + k], 1e-5, "pair " + p + " entry " + k);
            }
        }
    }

    @Test
    void theCompositeSymmetryOfOneSwitchedOnSectionMovesCodesByItsElement() {
        int d = 2;
        try (NDManager m = Torch.newManager()) {
            // section 0 = rotations of the plane, section 1 = a scaling of coordinate 1; only section 0 on, all weight on θ = 0.5
            NDArray algebra = elements(m, d, rotatePlane(d, 0, 1, 0.5), rotatePlane(d, 0, 1, 3.0), scaleCoordinate(d, 1, 1.0),
                    scaleCoordinate(d, 1, -1.0));
            NDArray weights = m.create(new float[] {1, 0, 0, 0}, new Shape(1, d, 2));
            NDArray g = org.disentangle4j.nn.MatrixExponential.exp(SymmetryCodebook.compositeAlgebra(weights, algebra));
            NDArray z = m.create(new float[] {1, 2}, new Shape(1, d));
            // rotatePlane(0, 1, θ) = [[0, θ], [−θ, 0]], exp = [[cos, sin], [−sin, cos]]; z·G = (cos − 2 sin, sin + 2 cos)
            double cos = Math.cos(0.5), sin = Math.sin(0.5);
            assertArrayEquals(new float[] {(float) (cos - 2 * sin), (float) (sin + 2 * cos)}, SymmetryCodebook.act(z, g).toFloatArray(), 1e-6f);
            // and exp(−M) carries it back
            NDArray back = org.disentangle4j.nn.MatrixExponential.exp(SymmetryCodebook.compositeAlgebra(weights, algebra).neg());
            assertArrayEquals(new float[] {1, 2}, SymmetryCodebook.act(SymmetryCodebook.act(z, g), back).toFloatArray(), 1e-6f);
        }
    }

    @Test
    void theBlockHoldsOneTruncatedNormalParameterThatGlorotLeavesAlone() {
        try (NDManager m = Torch.newManager()) {
            SymmetryCodebook codebook = new SymmetryCodebook(5, 4, 1.0, 42);
            codebook.setInitializer(new GlorotUniform(1), Parameter.Type.WEIGHT); // what Model.addPart does
            codebook.initialize(m, DataType.FLOAT32, new Shape(1, 5));
            assertEquals(1, codebook.getParameters().size());
            NDArray value = codebook.forward(new ParameterStore(m, false), new NDList(m.zeros(new Shape(3, 5))), true).singletonOrThrow();
            assertEquals(new Shape(20, 5, 5), value.getShape());
            float[] v = value.toFloatArray();
            double sum = 0, squares = 0, max = 0;
            for (float x : v) {
                sum += x;
                squares += x * x;
                max = Math.max(max, Math.abs(x));
            }
            double mean = sum / v.length, sd = Math.sqrt(squares / v.length - mean * mean);
            // N(0, 1) cut at ±2 has sd 0.880; 500 draws: mean ± 0.04 (1 s.e.), sd ± 0.03
            assertTrue(max <= 2.0 && max > 1.5, "max |entry| " + max);
            assertEquals(0, mean, 0.16);
            assertEquals(0.880, sd, 0.1);
            // Glorot's limit here would be √(6/(25 + 100)) ≈ 0.22: these are not Glorot's
            assertTrue(max > 0.22);
            // the same seed gives the same entries
            SymmetryCodebook again = new SymmetryCodebook(5, 4, 1.0, 42);
            again.initialize(m, DataType.FLOAT32, new Shape(1, 5));
            assertArrayEquals(v, again.parameter().getArray().toFloatArray());
            assertThrows(UserInputException.class, () -> new SymmetryCodebook(0, 16, 1.0, 1));
            assertThrows(UserInputException.class, () -> new SymmetryCodebook(10, 0, 1.0, 1));
        }
    }

    @Test
    void gradientsOfAllLossesDoNotDependOnGarbageCollectionBetweenForwardAndBackward() {
        float[] calm = lossGradient(false);
        float[] disturbed = lossGradient(true);
        for (float g : calm) assertTrue(Float.isFinite(g));
        assertTrue(java.util.stream.IntStream.range(0, calm.length).anyMatch(i -> calm[i] != 0));
        assertArrayEquals(calm, disturbed);
    }

    /** ∂/∂A of every loss summed, for a small random codebook and codes, the whole chain (predictor outputs given). */
    private static float[] lossGradient(boolean disturb) {
        int d = 3, s = 2, b = 6;
        try (NDManager m = Torch.newManager()) {
            SymmetryCodebook codebook = new SymmetryCodebook(d, s, 0.3, 7);
            codebook.initialize(m, DataType.FLOAT32, new Shape(1, d));
            NDArray algebra = codebook.parameter().getArray();
            try (NDManager step = m.newSubManager(); GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray z = codes(step, b, d, 8);
                NDArray delta = SymmetryCodebook.displacements(z, SymmetryCodebook.symmetries(algebra));
                NDArray z1 = z.get("0:3"), z2 = z.get("3:6");
                NDArray logits = codes(step, 3 * d, 2, 9).reshape(3, d, 2);
                NDArray switches = SymmetryCodebook.switchValues(logits, codes(step, 3 * d, 2, 10).reshape(3, d, 2), 0.5f);
                NDArray weights = SymmetryCodebook.sectionWeights(switches, codes(step, 3 * d, s, 11).reshape(3, d, s));
                NDArray mAlg = SymmetryCodebook.compositeAlgebra(weights, algebra);
                NDArray moved = SymmetryCodebook.act(z1, org.disentangle4j.nn.MatrixExponential.exp(mAlg));
                NDArray total = SymmetryCodebook.sparsityLoss(delta).add(SymmetryCodebook.parallelLoss(delta, d))
                        .add(SymmetryCodebook.perpendicularLoss(delta, d, new int[] {1, 0, 1}))
                        .add(SymmetryCodebook.commutativityLoss(algebra))
                        .add(SymmetryCodebook.switchLoss(logits, SymmetryCodebook.switchLabels(z1, z2, 0.5f)))
                        .add(moved.sub(z2).square().mean());
                if (disturb) FreedMemory.refillWithNaN();
                collector.backward(total);
            }
            return algebra.getGradient().toFloatArray();
        }
    }
}
