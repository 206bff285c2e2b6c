package org.disentangle4j.metrics.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.SplittableRandom;
import org.disentangle4j.nn.SpectralIndependence;
import org.disentangle4j.nn.Torch;
import org.junit.jupiter.api.Test;

class SpectralDensityRatioTest {

    /** [1, 2, 1]/4 ⊗ [1, 2, 1]/4: low-pass, |ĥ(θ, φ)|² = cos⁴(θ/2)·cos⁴(φ/2), Σh = 1, Σh² = 9/64. */
    private static final double[][] BINOMIAL = {{1 / 16.0, 2 / 16.0, 1 / 16.0}, {2 / 16.0, 4 / 16.0, 2 / 16.0}, {1 / 16.0, 2 / 16.0, 1 / 16.0}};
    /** The discrete Laplacian: high-pass, |ĥ(θ, φ)|² = (4 − 2cos θ − 2cos φ)², Σh = 0, Σh² = 20. */
    private static final double[][] LAPLACIAN = {{0, -1, 0}, {-1, 4, -1}, {0, -1, 0}};

    private static double[][][][] whiteNoise(int batch, int channels, int height, int width, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][][][] x = new double[batch][channels][height][width];
        for (double[][][] b : x) for (double[][] c : b) for (double[] row : c) for (int j = 0; j < width; j++) row[j] = r.nextGaussian();
        return x;
    }

    private static double[][] randomKernel(int k, SplittableRandom r) {
        double[][] h = new double[k][k];
        for (double[] row : h) for (int j = 0; j < k; j++) row[j] = r.nextGaussian();
        return h;
    }

    /** |ĥ|² of a kernel zero-padded to H×W, from the direct sum (independent of the code under test). */
    private static double[][] directPower(double[][] h, int height, int width) {
        double[][] p = new double[height][width];
        for (int u = 0; u < height; u++) {
            for (int v = 0; v < width; v++) {
                double re = 0, im = 0;
                for (int m = 0; m < h.length; m++) {
                    for (int n = 0; n < h[0].length; n++) {
                        double a = -2 * Math.PI * ((double) u * m / height + (double) v * n / width);
                        re += h[m][n] * Math.cos(a);
                        im += h[m][n] * Math.sin(a);
                    }
                }
                p[u][v] = re * re + im * im;
            }
        }
        return p;
    }

    /**
     * The standard deviation of ρ_o on white noise averaged over {@code batch} maps, to first order:
     * with S_iω = P(1 + ε_iω), Var ε = 1/B (2/B at the self-conjugate frequencies, each paired with
     * itself), ε_ω = ε_−ω, ρ_o − 1 ≈ Σ_i,ω ε_iω·c_iω with c_iω = (g_iω − G_i/N)/Σ_j G_j, g = |ĥ_oi|²,
     * G_i = Σ_ω g_iω; summing each conjugate pair gives Var ρ_o ≈ (2/B)·Σ_i,ω c_iω².
     */
    private static double whiteNoiseSd(double[][][] kernelOfOutput, int height, int width, int batch) {
        int n = height * width;
        double total = 0;
        double[][][] g = new double[kernelOfOutput.length][][];
        double[] sums = new double[g.length];
        for (int i = 0; i < g.length; i++) {
            g[i] = directPower(kernelOfOutput[i], height, width);
            for (double[] row : g[i]) for (double v : row) sums[i] += v;
            total += sums[i];
        }
        double variance = 0;
        for (int i = 0; i < g.length; i++) {
            for (double[] row : g[i]) {
                for (double v : row) {
                    double c = (v - sums[i] / n) / total;
                    variance += c * c;
                }
            }
        }
        return Math.sqrt(2.0 / batch * variance);
    }

    @Test
    void whiteNoiseGivesOneForAnyKernelWithinItsSamplingError() {
        int batch = 32, height = 16, width = 16;
        double[][][][] x = whiteNoise(batch, 2, height, width, 7);
        SplittableRandom r = new SplittableRandom(3);
        // output channels: random 3×3 slices, a low-pass and a high-pass pair, a random 5×5 pair
        double[][][][] kernel = {
            {randomKernel(3, r), randomKernel(3, r)},
            {BINOMIAL, BINOMIAL},
            {LAPLACIAN, LAPLACIAN},
        };
        double[] rho = SpectralDensityRatio.of(x, kernel).perOutputChannel();
        for (int o = 0; o < kernel.length; o++) {
            double sd = whiteNoiseSd(kernel[o], height, width, batch);
            assertTrue(sd < 0.05, "the test needs a sampling error well below the effects measured, got " + sd);
            assertEquals(1, rho[o], 5 * sd, "output channel " + o + " (sd " + sd + ")");
        }
        double[][][][] wide = {{randomKernel(5, r), randomKernel(5, r)}};
        double rhoWide = SpectralDensityRatio.of(x, wide).layer();
        assertEquals(1, rhoWide, 5 * whiteNoiseSd(wide[0], height, width, batch));
    }

    @Test
    void aDeltaKernelIsGenericForAnyInput() {
        // |ĥ|² ≡ 1 for a single tap: ⟨S·1⟩ = ⟨S⟩·⟨1⟩ exactly, whatever the input
        double[][][][] x = whiteNoise(3, 1, 8, 8, 1);
        for (double[][][] b : x) for (double[][] c : b) for (int m = 0; m < 8; m++) for (int n = 0; n < 8; n++) c[m][n] += 5 * Math.cos(0.4 * m) + m * n;
        double[][][][] delta = {{{{0, 0, 0}, {0, 2.5, 0}, {0, 0, 0}}}};
        assertEquals(1, SpectralDensityRatio.of(x, delta).layer(), 1e-12);
    }

    @Test
    void closedFormsForAConstantAndACosineInput() {
        int height = 12, width = 10;
        // a constant map: all power at (0, 0), so ρ = |ĥ(0, 0)|² / ⟨|ĥ|²⟩ = (Σh)² / Σh² (Parseval)
        double[][][][] constant = new double[2][1][height][width];
        for (double[][][] b : constant) for (double[] row : b[0]) java.util.Arrays.fill(row, 0.3);
        assertEquals(64.0 / 9, SpectralDensityRatio.of(constant, new double[][][][] {{BINOMIAL}}).layer(), 1e-9);
        assertEquals(0, SpectralDensityRatio.of(constant, new double[][][][] {{LAPLACIAN}}).layer(), 1e-12);
        // a cosine of frequency (f, g): power at ±(f, g), so ρ = |ĥ(f, g)|² / Σh²
        int f = 3, g = 2;
        double theta = 2 * Math.PI * f / height, phi = 2 * Math.PI * g / width;
        double[][][][] cosine = new double[1][1][height][width];
        for (int m = 0; m < height; m++) for (int n = 0; n < width; n++) cosine[0][0][m][n] = 2 * Math.cos(theta * m + phi * n + 0.4);
        assertEquals(Math.pow(Math.cos(theta / 2), 4) * Math.pow(Math.cos(phi / 2), 4) * 64 / 9,
                SpectralDensityRatio.of(cosine, new double[][][][] {{BINOMIAL}}).layer(), 1e-9);
        assertEquals(Math.pow(4 - 2 * Math.cos(theta) - 2 * Math.cos(phi), 2) / 20,
                SpectralDensityRatio.of(cosine, new double[][][][] {{LAPLACIAN}}).layer(), 1e-9);
    }

    @Test
    void inputChannelsCombineWeightedByTheirShareOfTheOutputPower() {
        // input 0 constant 1 (all power at (0, 0)), input 1 the checkerboard (−1)^(m+n) (all power at
        // the Nyquist frequency (π, π)), each with ⟨S_i⟩ = Σx² = N. Kernel: low-pass on input 0, high-pass
        // on input 1. ρ = (N·|ĥ_0(0,0)|² + N·|ĥ_1(π,π)|²) / (N·Σh_0² + N·Σh_1²) = (1 + 64) / (9/64 + 20);
        // the unweighted mean of the pair ratios, (64/9 + 64/20)/2 ≈ 5.16, would be another number
        int height = 8, width = 8;
        double[][][][] x = new double[1][2][height][width];
        for (int m = 0; m < height; m++) {
            for (int n = 0; n < width; n++) {
                x[0][0][m][n] = 1;
                x[0][1][m][n] = (m + n) % 2 == 0 ? 1 : -1;
            }
        }
        SpectralDensityRatio.Terms terms = SpectralDensityRatio.of(x, new double[][][][] {{BINOMIAL, LAPLACIAN}});
        assertEquals(65 / (9.0 / 64 + 20), terms.perOutputChannel()[0], 1e-9);
        // a second output channel with the pair swapped (high-pass on the constant, low-pass on the
        // checkerboard) passes nothing: ρ_1 = 0, with the same denominator; pooled, ρ = (65 + 0) / (2·(9/64 + 20))
        SpectralDensityRatio.Terms two = SpectralDensityRatio.of(x, new double[][][][] {{BINOMIAL, LAPLACIAN}, {LAPLACIAN, BINOMIAL}});
        assertEquals(0, two.perOutputChannel()[1], 1e-9);
        assertEquals(65 / (2 * (9.0 / 64 + 20)), two.layer(), 1e-9);
    }

    /** White noise smoothed by a circular 5×5 binomial blur: its power lies at low frequencies. */
    private static double[][][][] smooth(int batch, int height, int width, long seed) {
        double[][][][] noise = whiteNoise(batch, 1, height, width, seed);
        double[] taps = {1, 4, 6, 4, 1};
        double[][][][] out = new double[batch][1][height][width];
        for (int b = 0; b < batch; b++) {
            for (int m = 0; m < height; m++) {
                for (int n = 0; n < width; n++) {
                    double s = 0;
                    for (int a = -2; a <= 2; a++) {
                        for (int c = -2; c <= 2; c++) {
                            s += taps[a + 2] * taps[c + 2] * noise[b][0][Math.floorMod(m + a, height)][Math.floorMod(n + c, width)];
                        }
                    }
                    out[b][0][m][n] = s / 256;
                }
            }
        }
        return out;
    }

    @Test
    void aKernelTunedToItsInputIsFarFromOne() {
        double[][][][] x = smooth(16, 16, 16, 9);
        double lowPass = SpectralDensityRatio.of(x, new double[][][][] {{BINOMIAL}}).layer();
        double highPass = SpectralDensityRatio.of(x, new double[][][][] {{LAPLACIAN}}).layer();
        // the same kernels on white noise sit within a few per cent of 1 (the test above)
        assertTrue(lowPass > 3, "low-pass kernel on low-pass input: ρ = " + lowPass);
        assertTrue(highPass < 0.1, "high-pass kernel on low-pass input: ρ = " + highPass);
    }

    private static float[] flat(double[][][][] a) {
        int n = a.length * a[0].length * a[0][0].length * a[0][0][0].length, i = 0;
        float[] f = new float[n];
        for (double[][][] b : a) for (double[][] c : b) for (double[] row : c) for (double v : row) f[i++] = (float) v;
        return f;
    }

    private static double[] flatDouble(double[][][][] a) {
        float[] f = flat(a);
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) d[i] = f[i];
        return d;
    }

    private static Shape shape(double[][][][] a) {
        return new Shape(a.length, a[0].length, a[0][0].length, a[0][0][0].length);
    }

    @Test
    void theEngineVersionEqualsTheDoubleVersion() {
        SplittableRandom r = new SplittableRandom(17);
        double[][][][] x = whiteNoise(3, 4, 8, 6, 5);
        for (double[][][] b : x) for (double[][] c : b) for (int m = 0; m < 8; m++) for (int n = 0; n < 6; n++) c[m][n] += Math.sin(0.7 * m) + 0.5;
        double[][][][] kernel = new double[5][4][][];
        for (double[][][] o : kernel) for (int i = 0; i < 4; i++) o[i] = randomKernel(3, r);
        SpectralDensityRatio.Terms expected = SpectralDensityRatio.of(x, kernel);
        try (NDManager m = Torch.newManager()) {
            SpectralIndependence.Terms terms = SpectralIndependence.of(m.create(flat(x), shape(x)), m.create(flat(kernel), shape(kernel)));
            float[] rho = terms.perOutputChannel().toFloatArray();
            double[] want = expected.perOutputChannel();
            assertEquals(want.length, rho.length);
            for (int o = 0; o < rho.length; o++) assertEquals(want[o], rho[o], 1e-5 * want[o], "output channel " + o);
            float[] numerator = terms.numerator().toFloatArray();
            for (int o = 0; o < rho.length; o++) assertEquals(expected.numerators()[o], numerator[o], 1e-5 * expected.numerators()[o]);
            assertEquals(expected.layer(), terms.layer().getFloat(), 1e-5 * expected.layer());
        }
    }

    @Test
    void theEngineVersionsGradientAgreesWithFiniteDifferences() {
        // (log ρ)² of the layer, the regulariser's term, in double; derivatives in the kernel and in the maps
        SplittableRandom r = new SplittableRandom(23);
        double[][][][] x = smooth(2, 6, 6, 4);
        double[][][][] kernel = {{randomKernel(3, r)}, {randomKernel(3, r)}};
        double[] xs = flatDouble(x), ks = flatDouble(kernel);
        try (NDManager m = Torch.newManager()) {
            NDArray maps = m.create(xs.clone(), shape(x));
            NDArray weights = m.create(ks.clone(), shape(kernel));
            maps.setRequiresGradient(true);
            weights.setRequiresGradient(true);
            double[] gradMaps, gradKernel;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray loss = SpectralIndependence.of(maps, weights).layer().log().square();
                collector.backward(loss);
                gradMaps = maps.getGradient().toDoubleArray();
                gradKernel = weights.getGradient().toDoubleArray();
            }
            double step = 1e-6;
            for (int i = 0; i < ks.length; i++) {
                double[] plus = ks.clone(), minus = ks.clone();
                plus[i] += step;
                minus[i] -= step;
                double fd = (penalty(m, xs, shape(x), plus, shape(kernel)) - penalty(m, xs, shape(x), minus, shape(kernel))) / (2 * step);
                assertEquals(fd, gradKernel[i], 1e-6 + 1e-5 * Math.abs(fd), "kernel entry " + i);
            }
            for (int i = 0; i < xs.length; i += 7) {
                double[] plus = xs.clone(), minus = xs.clone();
                plus[i] += step;
                minus[i] -= step;
                double fd = (penalty(m, plus, shape(x), ks, shape(kernel)) - penalty(m, minus, shape(x), ks, shape(kernel))) / (2 * step);
                assertEquals(fd, gradMaps[i], 1e-6 + 1e-5 * Math.abs(fd), "map entry " + i);
            }
        }
    }

    private static double penalty(NDManager m, double[] x, Shape xs, double[] k, Shape ks) {
        double rho = SpectralIndependence.of(m.create(x, xs), m.create(k, ks)).layer().getDouble();
        return Math.log(rho) * Math.log(rho);
    }
}
