package org.disentangle4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Dft2dTest {

    private static double[] gaussian(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = r.nextGaussian();
        return v;
    }

    private static float[] toFloats(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) f[i] = (float) v[i];
        return f;
    }

    /**
     * The textbook DFT of one h×w map zero-padded to H×W, straight from the sum (O(H·W·h·w) per
     * map, complex exponentials evaluated directly): {re, im}, each H·W row-major.
     */
    private static double[][] directDft(double[] x, int offset, int h, int w, int height, int width) {
        double[] re = new double[height * width];
        double[] im = new double[height * width];
        for (int u = 0; u < height; u++) {
            for (int v = 0; v < width; v++) {
                double sr = 0, si = 0;
                for (int m = 0; m < h; m++) {
                    for (int n = 0; n < w; n++) {
                        double angle = -2 * Math.PI * ((double) u * m / height + (double) v * n / width);
                        double value = x[offset + m * w + n];
                        sr += value * Math.cos(angle);
                        si += value * Math.sin(angle);
                    }
                }
                re[u * width + v] = sr;
                im[u * width + v] = si;
            }
        }
        return new double[][] {re, im};
    }

    @Test
    void agreesWithTheDirectSumOnRandomMapsAndOnAZeroPaddedKernel() {
        try (NDManager m = Torch.newManager()) {
            // a batch of maps at their own size (odd and even sides), then 3×3 kernels padded to 8×7
            int[][] cases = {{2, 3, 5, 6, 5, 6}, {2, 3, 3, 3, 8, 7}};
            for (int[] c : cases) {
                int maps = c[0] * c[1], h = c[2], w = c[3], height = c[4], width = c[5];
                double[] x = gaussian(maps * h * w, 11);
                NDArray array = m.create(toFloats(x), new Shape(c[0], c[1], h, w));
                Dft2d.Spectrum s = Dft2d.transform(array, height, width, m);
                assertEquals(new Shape(c[0], c[1], height, width), s.real().getShape());
                float[] re = s.real().toFloatArray();
                float[] im = s.imaginary().toFloatArray();
                float[] power = s.power().toFloatArray();
                for (int k = 0; k < maps; k++) {
                    double[][] expected = directDft(x, k * h * w, h, w, height, width);
                    for (int i = 0; i < height * width; i++) {
                        int at = k * height * width + i;
                        assertEquals(expected[0][i], re[at], 1e-4, "Re, map " + k + " frequency " + i);
                        assertEquals(expected[1][i], im[at], 1e-4, "Im, map " + k + " frequency " + i);
                        double p = expected[0][i] * expected[0][i] + expected[1][i] * expected[1][i];
                        assertEquals(p, power[at], 1e-4 * Math.max(1, p), "power, map " + k + " frequency " + i);
                    }
                }
            }
        }
    }

    @Test
    void parsevalTheSpectrumCarriesTheEnergyTimesTheGridSize() {
        try (NDManager m = Torch.newManager()) {
            // Σ_u,v |X|² = H·W · Σ_m,n x²; with zero-padding the padded energy is the same as the map's
            int h = 6, w = 5;
            double[] x = gaussian(4 * h * w, 5);
            double energy = 0;
            for (double v : x) energy += v * v;
            NDArray array = m.create(toFloats(x), new Shape(4, h, w));
            assertEquals(h * w * energy, Dft2d.power(array).sum().getFloat(), 1e-5 * h * w * energy);
            assertEquals(16 * 9 * energy, Dft2d.power(array, 16, 9, m).sum().getFloat(), 1e-5 * 16 * 9 * energy);
        }
    }

    @Test
    void aConstantMapHasAllItsPowerAtFrequencyZero() {
        try (NDManager m = Torch.newManager()) {
            int h = 8, w = 6;
            float c = 0.7f;
            float[] power = Dft2d.power(m.full(new Shape(h, w), c)).toFloatArray();
            double dc = Math.pow(c * h * w, 2);
            assertEquals(dc, power[0], 1e-5 * dc);
            for (int i = 1; i < power.length; i++) assertEquals(0, power[i], 1e-6 * dc, "frequency " + i);
        }
    }

    /**
     * f(x) = Σ_u,v c_uv·|X_uv|² with fixed random weights c (and c = 1: the plain sum), in double:
     * the engine's gradient against central finite differences, and for c = 1 against Parseval's
     * 2·H·W·x.
     */
    @Test
    void gradientOfThePowerSpectrumAgreesWithFiniteDifferences() {
        int h = 4, w = 5, height = 6, width = 7;
        double[] x = gaussian(2 * h * w, 21);
        try (NDManager m = Torch.newManager()) {
            for (boolean padded : new boolean[] {false, true}) {
                int gh = padded ? height : h, gw = padded ? width : w;
                for (boolean weighted : new boolean[] {false, true}) {
                    NDArray weights = weighted
                            ? m.create(gaussian(2 * gh * gw, 4), new Shape(2, gh, gw))
                            : m.ones(new Shape(2, gh, gw), DataType.FLOAT64);
                    NDArray input = m.create(x.clone(), new Shape(2, h, w));
                    input.setRequiresGradient(true);
                    double[] gradient;
                    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        NDArray f = Dft2d.power(input, gh, gw, m).mul(weights).sum();
                        collector.backward(f);
                        gradient = input.getGradient().toDoubleArray();
                    }
                    double step = 1e-5;
                    for (int i = 0; i < x.length; i++) {
                        double[] plus = x.clone(), minus = x.clone();
                        plus[i] += step;
                        minus[i] -= step;
                        double fd = (Dft2d.power(m.create(plus, new Shape(2, h, w)), gh, gw, m).mul(weights).sum().getDouble()
                                - Dft2d.power(m.create(minus, new Shape(2, h, w)), gh, gw, m).mul(weights).sum().getDouble()) / (2 * step);
                        String where = (padded ? "padded" : "own size") + (weighted ? ", weighted" : "") + ", entry " + i;
                        assertEquals(fd, gradient[i], 1e-6 * Math.max(1, Math.abs(fd)), where);
                        if (!weighted) assertEquals(2.0 * gh * gw * x[i], gradient[i], 1e-9 * gh * gw, where);
                    }
                }
            }
        }
    }

    @Test
    void anInputFromALongLivedManagerLeavesNothingThere() {
        // a kernel parameter lives in the model's manager; its spectrum in a step's manager must
        // not add arrays to the model's (they would pile up step after step)
        try (NDManager model = Torch.newManager()) {
            NDArray kernel = model.create(toFloats(gaussian(2 * 3 * 3, 1)), new Shape(2, 3, 3));
            kernel.setRequiresGradient(true);
            int before = model.getManagedArrays().size();
            try (NDManager step = model.newSubManager()) {
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray f = Dft2d.power(kernel, 16, 16, step).sum();
                    collector.backward(f);
                }
                assertTrue(step.getManagedArrays().size() > 0);
            }
            // (a manager's count includes its sub-managers', so it is read once the step is closed)
            assertEquals(before, model.getManagedArrays().size());
        }
    }
}
