package org.disentangle4j.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.disentangle4j.nn.Torch;
import org.junit.jupiter.api.Test;

class PosteriorTest {

    @Test
    void klPerDimensionMatchesTheClosedFormAveragedOverTheBatch() {
        try (NDManager m = Torch.newManager()) {
            // row 1: μ = (1, 0), σ² = (1, 4); row 2: μ = (0, 2), σ² = (e⁻¹, 1)
            float ln4 = (float) Math.log(4);
            Posterior q = new Posterior(
                    m.create(new float[] {1, 0, 0, 2}, new Shape(2, 2)),
                    m.create(new float[] {0, ln4, -1, 0}, new Shape(2, 2)));
            // ½(μ² + σ² − ln σ² − 1) by hand for each entry
            double a = 0.5 * (1 + 1 - 0 - 1);                     // 0.5
            double b = 0.5 * (0 + 4 - Math.log(4) - 1);           // 0.806853
            double c = 0.5 * (0 + Math.exp(-1) + 1 - 1);          // 0.183940
            double d = 0.5 * (4 + 1 - 0 - 1);                     // 2.0
            float[] expected = {(float) ((a + c) / 2), (float) ((b + d) / 2)};
            assertArrayEquals(expected, q.klPerDimension().toFloatArray(), 1e-6f);
        }
    }

    @Test
    void klIsZeroForTheStandardNormal() {
        try (NDManager m = Torch.newManager()) {
            Posterior q = new Posterior(m.zeros(new Shape(3, 4)), m.zeros(new Shape(3, 4)));
            assertArrayEquals(new float[4], q.klPerDimension().toFloatArray(), 0f);
        }
    }

    @Test
    void sampleIsMeanPlusSigmaTimesNoise() {
        try (NDManager m = Torch.newManager()) {
            Posterior q = new Posterior(m.create(new float[] {1, -2}, new Shape(1, 2)),
                    m.create(new float[] {(float) Math.log(9), 0}, new Shape(1, 2)));
            float[] z = q.sample(m.create(new float[] {0.5f, -1}, new Shape(1, 2))).toFloatArray();
            assertArrayEquals(new float[] {1 + 3 * 0.5f, -2 - 1}, z, 1e-6f);
        }
    }
}
