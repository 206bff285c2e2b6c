package org.disentangle4j.nn;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;

/**
 * The standard 64×64 convolutional encoder of Higgins et al. / Locatello et al.: four 4×4
 * stride-2 convolutions with 32, 32, 64, 64 filters and ReLU (64 → 32 → 16 → 8 → 4), dense 256
 * with ReLU, then one dense layer with {@code outputs} units (a VAE asks for 2·d: means and
 * log-variances side by side).
 *
 * <p>disentanglement_lib uses 2×2 kernels in the last two convolutions; the zoo spec allows
 * either, and 4×4 everywhere is the original β-VAE network.
 */
public final class ConvEncoder extends SequentialBlock {

    public ConvEncoder(int outputs) {
        int[] filters = {32, 32, 64, 64};
        for (int f : filters) {
            add(Conv2d.builder()
                    .setKernelShape(new Shape(4, 4))
                    .optStride(new Shape(2, 2))
                    .optPadding(new Shape(1, 1))
                    .setFilters(f)
                    .build());
            add(Activation.reluBlock());
        }
        add(Blocks.batchFlattenBlock());
        add(Linear.builder().setUnits(256).build());
        add(Activation.reluBlock());
        add(Linear.builder().setUnits(outputs).build());
    }
}
