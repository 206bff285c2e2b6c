package org.disentangle4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import org.junit.jupiter.api.Test;

class FlopCounterTest {

    @Test
    void standardEncoderAndDecoderMultiplyAddsMatchAHandCount() {
        try (NDManager m = Torch.newManager()) {
            ConvEncoder encoder = new ConvEncoder(20);
            encoder.setInitializer(new GlorotUniform(0), Parameter.Type.WEIGHT);
            encoder.initialize(m, DataType.FLOAT32, new Shape(1, 1, 64, 64));
            // conv: output pixels × out channels × (in channels × 16)
            long conv1 = 32L * 32 * 32 * (1 * 16);
            long conv2 = 16L * 16 * 32 * (32 * 16);
            long conv3 = 8L * 8 * 64 * (32 * 16);
            long conv4 = 4L * 4 * 64 * (64 * 16);
            long dense = 1024L * 256 + 256L * 20;
            FlopCounter.Count enc = FlopCounter.forward(encoder, new Shape(1, 1, 64, 64));
            assertEquals(conv1 + conv2 + conv3 + conv4 + dense, enc.macs());
            assertEquals(conv1, enc.firstLayerMacs());

            ConvDecoder decoder = new ConvDecoder(1);
            decoder.setInitializer(new GlorotUniform(0), Parameter.Type.WEIGHT);
            decoder.initialize(m, DataType.FLOAT32, new Shape(1, 10));
            // sub-pixel stages: 3×3 convolutions to 4·C channels at the input resolution
            long up1 = 4L * 4 * 256 * (64 * 9);
            long up2 = 8L * 8 * 128 * (64 * 9);
            long up3 = 16L * 16 * 128 * (32 * 9);
            long up4 = 32L * 32 * 4 * (32 * 9);
            long decDense = 10L * 256 + 256L * 1024;
            assertEquals(decDense + up1 + up2 + up3 + up4, FlopCounter.forward(decoder, new Shape(1, 10)).macs());
        }
    }
}
