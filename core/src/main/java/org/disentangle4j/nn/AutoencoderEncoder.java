package org.disentangle4j.nn;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;

/**
 * The encoder of the deterministic autoencoders (additive decoders): a small convolutional trunk
 * standing in for the reference's ResNet-18, an MLP, a linear map to the code and batch
 * normalisation of the code.
 *
 * <p>Trunk: four 4×4 stride-2 convolutions with 32, 32, 64, 64 filters (64 → 32 → 16 → 8 → 4),
 * each followed by batch normalisation and leaky ReLU (slope 0.01): the standard
 * disentanglement encoder with the batch normalisation a ResNet has. Head: two dense layers of
 * {@value #WIDTH} units with batch normalisation and leaky ReLU (the reference has five of 512),
 * a dense layer to {@code latentDim} and batch normalisation of the code, as in the reference.
 */
public final class AutoencoderEncoder extends SequentialBlock {
    public static final int WIDTH = 256;
    public static final float SLOPE = 0.01f;

    public AutoencoderEncoder(int latentDim) {
        for (int f : new int[] {32, 32, 64, 64}) {
            add(Conv2d.builder().setKernelShape(new Shape(4, 4)).optStride(new Shape(2, 2)).optPadding(new Shape(1, 1))
                    .setFilters(f).build());
            add(BatchNorm.builder().build());
            add(Activation.leakyReluBlock(SLOPE));
        }
        add(Blocks.batchFlattenBlock());
        for (int i = 0; i < 2; i++) {
            add(Linear.builder().setUnits(WIDTH).build());
            add(BatchNorm.builder().build());
            add(Activation.leakyReluBlock(SLOPE));
        }
        add(Linear.builder().setUnits(latentDim).build());
        add(BatchNorm.builder().build());
    }
}
