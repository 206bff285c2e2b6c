package org.disentangle4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class SubPixelUpsampleTest {

    @Test
    void depthToSpacePutsChannelGroupsIntoTwoByTwoBlocks() {
        try (NDManager m = Torch.newManager()) {
            // one output channel, input 4 channels × 1×2: channel k holds 10k + column
            float[] in = {0, 1, 10, 11, 20, 21, 30, 31};
            float[] out = SubPixelUpsample.depthToSpace(m.create(in, new Shape(1, 4, 1, 2)), 1).toFloatArray();
            // channel 2i + j goes to row i, column 2·col + j
            float[] expected = {
                0, 10, 1, 11,
                20, 30, 21, 31
            };
            assertArrayEquals(expected, out);
        }
    }

    @Test
    void upsamplingDoublesHeightAndWidth() {
        try (NDManager m = Torch.newManager()) {
            SubPixelUpsample up = new SubPixelUpsample(3);
            up.setInitializer(new GlorotUniform(1), ai.djl.nn.Parameter.Type.WEIGHT);
            up.initialize(m, ai.djl.ndarray.types.DataType.FLOAT32, new Shape(2, 5, 4, 6));
            var y = up.forward(new ai.djl.training.ParameterStore(m, false),
                    new ai.djl.ndarray.NDList(m.ones(new Shape(2, 5, 4, 6))), false).singletonOrThrow();
            org.junit.jupiter.api.Assertions.assertEquals(new Shape(2, 3, 8, 12), y.getShape());
        }
    }
}
