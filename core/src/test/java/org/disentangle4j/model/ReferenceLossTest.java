package org.disentangle4j.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.SplittableRandom;
import org.disentangle4j.model.architecture.ObservationModel;
import org.disentangle4j.model.architecture.ObservationModels;
import org.disentangle4j.nn.Torch;
import org.junit.jupiter.api.Test;

/** The additive-decoder reference's loss: 0–255 values, squared error averaged over all of them. */
class ReferenceLossTest {
    private static final ObservationModel REFERENCE = ObservationModels.REFERENCE_MEAN_SQUARED_ERROR.build(null, null);
    private static final ObservationModel SUM = ObservationModels.SQUARED_ERROR.build(
            new ModelSpec("ae", new int[] {3, 4, 4}, 2, Likelihood.BERNOULLI, java.util.Map.of()), null);

    @Test
    void byHand() {
        try (NDManager m = Torch.newManager()) {
            NDArray decoded = m.create(new float[] {255, 0, 127.5f, 300}, new ai.djl.ndarray.types.Shape(2, 2));
            NDArray observations = m.create(new float[] {1, 0, 0, 1}, new ai.djl.ndarray.types.Shape(2, 2));
            // (0² + 0² + 127.5² + 45²) / 4
            assertEquals((127.5 * 127.5 + 45 * 45) / 4, REFERENCE.loss(decoded, observations).getFloat(), 1e-3);
            // the mean observation: the output / 255, clamped to [0, 1]
            assertArrayEquals(new float[] {1, 0, 0.5f, 1}, REFERENCE.mean(decoded).toFloatArray(), 1e-6f);
        }
    }

    @Test
    void itIsTheSummedLossOnTheZeroToOneScaleTimes255SquaredOverTheValuesOfAnImage() {
        SplittableRandom rng = new SplittableRandom(3);
        float[] d = new float[4 * 48], x = new float[4 * 48];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) rng.nextDouble();
            x[i] = (float) rng.nextDouble();
        }
        try (NDManager m = Torch.newManager()) {
            ai.djl.ndarray.types.Shape shape = new ai.djl.ndarray.types.Shape(4, 3, 4, 4);
            NDArray observations = m.create(x, shape);
            double reference = REFERENCE.loss(m.create(d, shape).mul(255f), observations).getFloat();
            double summed = SUM.loss(m.create(d, shape), observations).getFloat();
            assertEquals(255.0 * 255.0 * summed / 48, reference, 1e-3 * reference);
        }
    }
}
