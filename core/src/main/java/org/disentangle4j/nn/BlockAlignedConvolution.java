package org.disentangle4j.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;

/**
 * A 2-D convolution whose output channels are padded with zero filters up to a whole number of
 * {@link #CHANNEL_BLOCK} before the engine sees them, and cut back after.
 *
 * <p>Why: libtorch 2.7.1 runs CPU convolutions through its bundled oneDNN 3.7.1, which stores
 * tensors in channel-blocked layouts (16 channels a block with AVX-512, 8 with AVX2) and pads a
 * channel count that is not a whole number of blocks. On this project's machines (AMD EPYC, CPU
 * family 26, AVX-512) the JIT backward-data pass of such a convolution reads the padded lanes of
 * its output-gradient / weight layouts uninitialised: the input gradient differs from call to call
 * and is sometimes NaN, while the forward pass and the weight gradient stay exact. Isolated on a
 * single layer (batch 8, 32→{1, 4, 8, 12} channels, 3×3, 32×32): 1–98 % of repeated backward passes
 * gave a different input gradient; with 16 or 32 output channels, or the same layer padded as here,
 * 0 of 100. With whole blocks no padded layout exists, so the defective path is never taken.
 *
 * <p>The cost is the zero filters' multiply-adds: for the 1-channel sub-pixel output layer (4 → 16
 * filters) about 3.5 M per 64×64 image. The zero filters get gradients that are dropped, so the
 * trained parameters and their gradients are exactly those of the unpadded convolution.
 */
public final class BlockAlignedConvolution {
    /** A multiple of every SIMD channel block oneDNN uses for 32-bit floats (AVX-512: 16, AVX2: 8). */
    public static final int CHANNEL_BLOCK = 16;

    private BlockAlignedConvolution() {}

    /** Same as {@link Conv2d#conv2d} with unit dilation and one group. */
    public static NDArray conv2d(NDArray input, NDArray weight, NDArray bias, Shape stride, Shape padding) {
        long filters = weight.getShape().get(0);
        long missing = paddedFilters(filters) - filters;
        Shape unitDilation = new Shape(1, 1);
        if (missing == 0) {
            return Conv2d.conv2d(input, weight, bias, stride, padding, unitDilation, 1).singletonOrThrow();
        }
        NDManager manager = input.getManager();
        Shape w = weight.getShape();
        NDArray zeroFilters = manager.zeros(new Shape(missing, w.get(1), w.get(2), w.get(3)));
        NDArray paddedWeight = weight.concat(zeroFilters, 0);
        // a result belongs to its first operand's manager, here the parameter's long-lived one
        paddedWeight.attach(manager);
        // concat's backward needs only the sizes, so the zeros are freed at once: the input's
        // manager can be a long-lived one, where they would pile up step after step
        zeroFilters.close();
        NDArray paddedBias = null;
        if (bias != null) {
            NDArray zeroBias = manager.zeros(new Shape(missing));
            paddedBias = bias.concat(zeroBias, 0);
            paddedBias.attach(manager);
            zeroBias.close();
        }
        NDArray out = Conv2d.conv2d(input, paddedWeight, paddedBias, stride, padding, unitDilation, 1).singletonOrThrow();
        return out.get(new NDIndex(":, 0:{}", filters));
    }

    /** The filter count rounded up to whole channel blocks. */
    static long paddedFilters(long filters) {
        return (filters + CHANNEL_BLOCK - 1) / CHANNEL_BLOCK * CHANNEL_BLOCK;
    }
}
