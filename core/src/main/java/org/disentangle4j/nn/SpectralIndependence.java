package org.disentangle4j.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * The spectral density ratio of a convolutional layer on the engine, differentiable in both the
 * input feature maps and the kernel, for an independence regulariser λ·Σ_k (log ρ_k)² (issue 15).
 * The same quantity as {@code metrics.stats.SpectralDensityRatio} (see there for the definition
 * and why channels combine as they do):
 * <pre>
 *   ρ_o = Σ_i ⟨S_i·|ĥ_oi|²⟩ / Σ_i ⟨S_i⟩·⟨|ĥ_oi|²⟩,    layer: ρ = Σ_o numerator_o / Σ_o denominator_o
 * </pre>
 * with S_i the batch mean of |x̂_i|² over the H×W grid and ĥ_oi the kernel slice zero-padded to
 * H×W ({@link Dft2d}).
 *
 * <p>Gradients reach the input too, i.e. the layers before; pass {@code inputs.stopGradient()} to
 * push only on this layer's kernel.
 *
 * <p>Memory: every array, the DFT matrices included, is made in the input's manager (a step's),
 * never in the kernel's (a parameter lives in the model's manager for the whole run). The
 * kernel's power spectrum is (C_out, C_in, H, W): for the standard decoder's layers at most
 * about a million numbers.
 */
public final class SpectralIndependence {
    private SpectralIndependence() {}

    /** Numerator and denominator of each output channel, each (C_out). */
    public record Terms(NDArray numerator, NDArray denominator) {
        /** ρ_o, (C_out). */
        public NDArray perOutputChannel() {
            return numerator.div(denominator);
        }

        /** The layer's ρ, pooled over output channels, a scalar. */
        public NDArray layer() {
            return numerator.sum().div(denominator.sum());
        }
    }

    /** The terms for input feature maps (B, C_in, H, W) and a kernel (C_out, C_in, k_h, k_w). */
    public static Terms of(NDArray inputs, NDArray kernel) {
        long[] x = inputs.getShape().getShape();
        long[] w = kernel.getShape().getShape();
        if (x.length != 4 || w.length != 4 || x[1] != w[1]) {
            throw new IllegalArgumentException("need maps (B, C_in, H, W) and a kernel (C_out, C_in, k, k), got "
                    + inputs.getShape() + " and " + kernel.getShape());
        }
        int height = Math.toIntExact(x[2]), width = Math.toIntExact(x[3]);
        NDManager manager = inputs.getManager();
        NDArray spectrum = Dft2d.power(inputs, height, width, manager).mean(new int[] {0});   // S, (C_in, H, W)
        NDArray kernelPower = Dft2d.power(kernel, height, width, manager);                  // |ĥ|², (C_out, C_in, H, W)
        // ⟨·⟩ over the grid as two one-axis means (the engine's mean takes one axis)
        NDArray numerator = gridMean(kernelPower.mul(spectrum)).sum(new int[] {1});
        NDArray denominator = gridMean(kernelPower).mul(gridMean(spectrum)).sum(new int[] {1});
        return new Terms(numerator, denominator);
    }

    /** The mean over the last two axes (the frequency grid). */
    private static NDArray gridMean(NDArray a) {
        int last = a.getShape().dimension() - 1;
        return a.mean(new int[] {last}).mean(new int[] {last - 1});
    }
}
