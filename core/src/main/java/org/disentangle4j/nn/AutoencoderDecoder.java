package org.disentangle4j.nn;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;

/**
 * The decoder of the additive-decoder paper, for codes of any size: five dense layers of 512
 * units and one of 1024, each with batch normalisation and leaky ReLU (slope 0.01), reshaped to
 * 64×4×4, then four ×2 sub-pixel upsampling stages to 64, 32, 32 and {@code channels} maps (leaky
 * ReLU between), ending in images of shape (channels, 64, 64) with no output activation.
 *
 * <p>The reference upsamples with 4×4 stride-2 transposed convolutions, which the engine lacks;
 * each {@link SubPixelUpsample} can represent such a layer (see there).
 */
public final class AutoencoderDecoder extends SequentialBlock {
    public static final int HIDDEN = 512;
    public static final int HIDDEN_LAYERS = 5;

    public AutoencoderDecoder(int channels) {
        for (int i = 0; i < HIDDEN_LAYERS; i++) dense(HIDDEN);
        dense(1024);
        add(new LambdaBlock(x -> new NDList(x.singletonOrThrow().reshape(-1, 64, 4, 4)), "reshape"));
        for (int c : new int[] {64, 32, 32}) {
            add(new SubPixelUpsample(c));
            add(Activation.leakyReluBlock(AutoencoderEncoder.SLOPE));
        }
        add(new SubPixelUpsample(channels));
    }

    private void dense(int units) {
        add(Linear.builder().setUnits(units).build());
        add(BatchNorm.builder().build());
        add(Activation.leakyReluBlock(AutoencoderEncoder.SLOPE));
    }
}
