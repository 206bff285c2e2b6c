package org.disentangle4j.nn;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;

/**
 * The standard 64×64 decoder: dense 256, dense 1024 (both ReLU), reshaped to 64×4×4, then four
 * ×2 sub-pixel upsampling stages to 64, 32, 32 and {@code channels} maps (ReLU between), ending
 * in logits of shape (channels, 64, 64).
 *
 * <p>Layers are plain children of this sequential block, so interventions can run any range of
 * them (see {@code intervene}).
 */
public final class ConvDecoder extends SequentialBlock {

    public ConvDecoder(int channels) {
        add(Linear.builder().setUnits(256).build());
        add(Activation.reluBlock());
        add(Linear.builder().setUnits(1024).build());
        add(Activation.reluBlock());
        add(new LambdaBlock(x -> new NDList(x.singletonOrThrow().reshape(-1, 64, 4, 4)), "reshape"));
        int[] stages = {64, 32, 32};
        for (int c : stages) {
            add(new SubPixelUpsample(c));
            add(Activation.reluBlock());
        }
        add(new SubPixelUpsample(channels));
    }
}
