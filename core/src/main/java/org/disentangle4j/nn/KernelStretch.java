package org.disentangle4j.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * A convolution kernel resampled to a wider support: the layer intervention's replacement
 * mechanism (issue 15), e.g. a decoder layer's kernels stretched ×2 along x draw wider shapes.
 *
 * <p><b>Resampling.</b> The kernel's taps sit at centred positions p = j − (k − 1)/2. The kernel is
 * read as the piecewise-linear function through its taps, zero beyond them (a tap's tent reaches
 * one tap spacing out), stretched by s about the centre and sampled at the new taps
 * q = j' − (k' − 1)/2: h_s(q) = Σ_j h_j·max(0, 1 − |q/s − p_j|). Along x and y at once this is
 * bilinear resampling. Size: k' = round(k·s), one more when k is odd and that is even, so an odd
 * kernel keeps a centre tap (3 × 2 → 7, 3 × 1.5 → 5, 3 × 3 → 9). The stretched tents reach
 * s·(k + 1)/2 from the centre; when k' is too short for that (3 × 3 → 9 < 11), the outermost,
 * smallest samples are cut. s ≥ 1 (a stretch, never a shrink), s = 1 is the identity.
 *
 * <p><b>Normalisation.</b> {@link Normalisation#KEEP_SUM} (the default) divides each original
 * tap's tent samples by their sum, so each tap hands on exactly its own weight: Σ h_s = Σ h
 * exactly, per (output, input) channel pair, whatever s and whatever was cut, and a constant
 * input gives the same output as before. It is linear in h and divides by nothing that depends on
 * h, so zero-sum kernels (edge detectors) stay zero-sum instead of blowing up. For an integer s
 * with nothing cut it is h_s(q) = h(q/s)/s, the continuous stretch that keeps the integral.
 * {@link Normalisation#KEEP_VALUES} keeps the interpolated values h(q/s) (the peak stays, the
 * sum grows about s-fold: exactly s for an integer s with nothing cut, e.g. 3 × 2).
 */
public final class KernelStretch {
    private KernelStretch() {}

    public enum Axis { X, Y }

    public enum Normalisation { KEEP_SUM, KEEP_VALUES }

    /** The kernel (…, k_h, k_w) stretched by {@code factor} along one axis, sum kept, in the kernel's manager. */
    public static NDArray stretch(NDArray kernel, Axis axis, double factor) {
        return axis == Axis.X
                ? stretch(kernel, factor, 1, Normalisation.KEEP_SUM, kernel.getManager())
                : stretch(kernel, 1, factor, Normalisation.KEEP_SUM, kernel.getManager());
    }

    /**
     * The kernel (…, k_h, k_w) stretched by {@code factorX} along its last axis and {@code factorY}
     * along the one before, (…, k_h', k_w'), owned by {@code manager} (with the resampling matrices,
     * which a gradient through the result reads).
     */
    public static NDArray stretch(NDArray kernel, double factorX, double factorY, Normalisation normalisation, NDManager manager) {
        long[] shape = kernel.getShape().getShape();
        if (shape.length < 2) throw new IllegalArgumentException("need a kernel (…, k_h, k_w), got " + kernel.getShape());
        int kh = Math.toIntExact(shape[shape.length - 2]), kw = Math.toIntExact(shape[shape.length - 1]);
        NDArray rows = EngineConstants.matrix(manager, resampling(kh, factorY, normalisation), kernel.getDataType());
        NDArray columns = EngineConstants.matrix(manager, transpose(resampling(kw, factorX, normalisation)), kernel.getDataType());
        // R_y·h·R_xᵀ; a 2-D first operand broadcasts over the leading axes, and the result is manager's
        return rows.matMul(kernel).matMul(columns);
    }

    /** k' = round(k·s), one more when k is odd and that is even. */
    public static int stretchedSize(int k, double factor) {
        checkFactor(factor);
        int size = Math.toIntExact(Math.round(k * factor));
        return k % 2 == 1 && size % 2 == 0 ? size + 1 : size;
    }

    /** The resampling matrix (k' × k): h_s = R·h along one axis. */
    public static double[][] resampling(int k, double factor, Normalisation normalisation) {
        if (k < 1) throw new IllegalArgumentException("kernel size must be at least 1, got " + k);
        int size = stretchedSize(k, factor);
        double[][] r = new double[size][k];
        for (int q = 0; q < size; q++) {
            double at = (q - (size - 1) / 2.0) / factor;          // the new tap, in old tap units
            for (int j = 0; j < k; j++) r[q][j] = Math.max(0, 1 - Math.abs(at - (j - (k - 1) / 2.0)));
        }
        if (normalisation == Normalisation.KEEP_SUM) {
            for (int j = 0; j < k; j++) {
                double column = 0;
                for (double[] row : r) column += row[j];
                // positive for s ≥ 1: some new tap lies within s of every stretched old tap
                for (double[] row : r) row[j] /= column;
            }
        }
        return r;
    }

    private static void checkFactor(double factor) {
        if (!(factor >= 1) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("a stretch factor is a finite number ≥ 1, got " + factor);
        }
    }

    private static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) for (int j = 0; j < a[0].length; j++) t[j][i] = a[i][j];
        return t;
    }
}
