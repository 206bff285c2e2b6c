package org.disentangle4j.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

/**
 * The 2-D discrete Fourier transform of real arrays (…, h, w), zero-padded to (…, H, W), as its
 * real and imaginary parts, built from real matrix products (the engine's FFT has no gradient in
 * DJL), so that a loss may contain a power spectrum and back-propagate to the input.
 *
 * <p>X[u, v] = Σ_{m<h, n<w} x[m, n] · e^{−2πi(um/H + vn/W)}, unnormalised (numpy's {@code fft2}
 * convention), u &lt; H along the second-last axis and v &lt; W along the last. With
 * C_N[u, m] = cos(2πum/N) and S_N[u, m] = sin(2πum/N):
 * <pre>
 *   Re X = C_H·x·C_Wᵀ − S_H·x·S_Wᵀ,   Im X = −(C_H·x·S_Wᵀ + S_H·x·C_Wᵀ)
 * </pre>
 * Zero-padding a small array (a convolution kernel) to H×W needs no padded copy: the rectangular
 * matrices C_H (H × h) and C_W (W × w) only visit the h×w non-zero entries. The kernel sits at
 * the top-left corner; where it sits changes only the phase, not the power spectrum.
 *
 * <p>Cost: 2 products of size (h·w)·W and 4 of size H·h·W per map, O(HW(H + W)) rather than the
 * FFT's O(HW log HW); for the decoder's maps (up to 64×64) that is small beside a convolution.
 * Each pass is one matrix product whose second operand is a 2-D matrix (the column pass on the
 * transposed rows), so the engine runs it as one large product whatever the leading axes.
 *
 * <p>Memory: the cos/sin matrices are computed in double in Java (angles reduced mod N first, so
 * they are exact to rounding), copied into engine memory owned by the manager given (by default
 * the input's), and never closed here: the backward pass reads them, and they go with that
 * manager. Every array this creates is owned by that manager too, so a long-lived input (a
 * parameter) with a step's manager given leaves nothing behind in the parameter's manager.
 */
public final class Dft2d {
    private Dft2d() {}

    /** Real and imaginary parts, each (…, H, W). */
    public record Spectrum(NDArray real, NDArray imaginary) {
        /** |X|² = Re² + Im², (…, H, W). */
        public NDArray power() {
            return real.square().add(imaginary.square());
        }
    }

    /** The DFT of x (…, h, w) at its own size, in x's manager. */
    public static Spectrum transform(NDArray x) {
        int[] hw = lastTwo(x);
        return transform(x, hw[0], hw[1], x.getManager());
    }

    /** The DFT of x (…, h, w) zero-padded to (…, height, width), every array owned by {@code manager}. */
    public static Spectrum transform(NDArray x, int height, int width, NDManager manager) {
        int[] hw = lastTwo(x);
        if (height < hw[0] || width < hw[1]) {
            throw new IllegalArgumentException("cannot zero-pad " + x.getShape() + " to " + height + "×" + width);
        }
        DataType type = x.getDataType();
        // C_Wᵀ and S_Wᵀ (w × W): x·C_Wᵀ transforms the last axis
        NDArray cosW = EngineConstants.matrix(manager, trig(width, hw[1], true, true), type);
        NDArray sinW = EngineConstants.matrix(manager, trig(width, hw[1], false, true), type);
        // C_Hᵀ and S_Hᵀ (h × H): the second-last axis is transformed as (x·C_Wᵀ)ᵀ·C_Hᵀ = (C_H·x·C_Wᵀ)ᵀ, so that
        // both passes are one matrix product with a 2-D second operand (torch folds the leading axes
        // into its rows), never a batch of tiny products (a 2-D first operand is broadcast as one
        // small product per leading index: for a kernel (C_out, C_in, 3, 3) that was most of the cost)
        NDArray cosH = EngineConstants.matrix(manager, trig(height, hw[0], true, true), type);
        NDArray sinH = EngineConstants.matrix(manager, trig(height, hw[0], false, true), type);
        // x is the first operand here, so these belong to x's manager unless moved
        NDArray xCos = x.matMul(cosW);
        NDArray xSin = x.matMul(sinW);
        xCos.attach(manager);
        xSin.attach(manager);
        int rank = x.getShape().dimension();
        NDArray cosT = xCos.swapAxes(rank - 2, rank - 1);      // (…, W, h)
        NDArray sinT = xSin.swapAxes(rank - 2, rank - 1);
        NDArray real = cosT.matMul(cosH).sub(sinT.matMul(sinH)).swapAxes(rank - 2, rank - 1);
        NDArray imaginary = sinT.matMul(cosH).add(cosT.matMul(sinH)).neg().swapAxes(rank - 2, rank - 1);
        return new Spectrum(real, imaginary);
    }

    /** |X|² of x (…, h, w) at its own size, (…, h, w), in x's manager. */
    public static NDArray power(NDArray x) {
        return transform(x).power();
    }

    /** |X|² of x (…, h, w) zero-padded to (…, height, width), owned by {@code manager}. */
    public static NDArray power(NDArray x, int height, int width, NDManager manager) {
        return transform(x, height, width, manager).power();
    }

    /**
     * cos or sin of 2π·u·m/n for u &lt; n (frequencies) and m &lt; size (positions), as (n × size),
     * or its transpose. u·m is reduced mod n in integers first, so large angles lose nothing.
     */
    static double[][] trig(int n, int size, boolean cosine, boolean transposed) {
        double[][] out = transposed ? new double[size][n] : new double[n][size];
        for (int u = 0; u < n; u++) {
            for (int m = 0; m < size; m++) {
                double angle = 2 * Math.PI * (((long) u * m) % n) / n;
                double value = cosine ? Math.cos(angle) : Math.sin(angle);
                if (transposed) out[m][u] = value;
                else out[u][m] = value;
            }
        }
        return out;
    }

    private static int[] lastTwo(NDArray x) {
        long[] s = x.getShape().getShape();
        if (s.length < 2) throw new IllegalArgumentException("need an array (…, h, w), got " + x.getShape());
        return new int[] {Math.toIntExact(s[s.length - 2]), Math.toIntExact(s[s.length - 1])};
    }
}
