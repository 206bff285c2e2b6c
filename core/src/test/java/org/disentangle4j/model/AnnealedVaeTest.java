package org.disentangle4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import java.util.Map;
import org.disentangle4j.nn.Torch;
import org.junit.jupiter.api.Test;

class AnnealedVaeTest {

    @Test
    void capacityGrowsLinearlyToItsMaximumThenStays() {
        assertEquals(0.0, org.disentangle4j.model.objective.CapacityTerm.capacity(25, 0, 100_000), 0);          // the first update sees C = 0
        assertEquals(0.00025, org.disentangle4j.model.objective.CapacityTerm.capacity(25, 1, 100_000), 1e-12);  // 25/100,000
        assertEquals(12.5, org.disentangle4j.model.objective.CapacityTerm.capacity(25, 50_000, 100_000), 1e-12);
        assertEquals(25.0, org.disentangle4j.model.objective.CapacityTerm.capacity(25, 100_000, 100_000), 1e-12);
        assertEquals(25.0, org.disentangle4j.model.objective.CapacityTerm.capacity(25, 300_000, 100_000), 0);
        assertEquals(7.5, org.disentangle4j.model.objective.CapacityTerm.capacity(10, 3, 4), 1e-12);
    }

    private static float[] regularizerAndCapacity(float kl, long step) {
        try (NDManager m = Torch.newManager()) {
            ModelSpec spec = Methods.spec("annealed-vae", new int[] {1, 64, 64}, 2, Likelihood.BERNOULLI, Map.of());
            try (NDManager s = m.newSubManager()) {
                Losses losses = new Losses().term("kl", s.create(kl));
                float r = Regularizers.of(spec, losses, null, null, new StepContext(step, s, 0, true)).getFloat();
                return new float[] {r, losses.term("capacity").getFloat()};
            }
        }
    }

    @Test
    void regularizerIsGammaTimesTheDistanceOfKlFromTheCapacityWithTheStudyDefaults() {
        // γ = 1000, c_max = 25, threshold 100,000: at step 40,000 C = 10
        float[] a = regularizerAndCapacity(30f, 40_000);
        assertEquals(10f, a[1], 1e-5f);
        assertEquals(1000f * 20f, a[0], 1e-2f);
        // below the capacity the distance counts too: |5 − 25| at step 200,000
        float[] b = regularizerAndCapacity(5f, 200_000);
        assertEquals(25f, b[1], 0f);
        assertEquals(1000f * 20f, b[0], 1e-2f);
    }
}
