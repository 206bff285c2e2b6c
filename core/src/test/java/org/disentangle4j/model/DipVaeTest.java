package org.disentangle4j.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import org.disentangle4j.nn.Torch;
import org.junit.jupiter.api.Test;

/**
 * DIP-VAE's covariance penalties on a constructed batch of four posteriors in two dimensions.
 *
 * <p>Means (1, 2), (3, 0), (−1, 2), (1, 0): their average is (1, 1), centred rows (0, 1),
 * (2, −1), (−2, 1), (0, −1). Biased covariance (÷4): Cov11 = (0 + 4 + 4 + 0)/4 = 2,
 * Cov22 = 4/4 = 1, Cov12 = (0 − 2 − 2 + 0)/4 = −1. (The unbiased ÷3 covariance would give
 * different penalties, so the test also pins the normalisation.)
 *
 * <p>Variances (0.5, 1), (0.5, 1), (1.5, 1), (0.5, 1) average to (0.75, 1), so DIP-VAE-II's
 * aggregate covariance is [[2.75, −1], [−1, 2]].
 */
class DipVaeTest {
    private static Posterior batch(NDManager m) {
        float ln05 = (float) Math.log(0.5), ln15 = (float) Math.log(1.5);
        return new Posterior(
                m.create(new float[] {1, 2, 3, 0, -1, 2, 1, 0}, new Shape(4, 2)),
                m.create(new float[] {ln05, 0, ln05, 0, ln15, 0, ln05, 0}, new Shape(4, 2)));
    }

    @Test
    void typeOneCovarianceIsTheBiasedCovarianceOfTheMeans() {
        try (NDManager m = Torch.newManager()) {
            NDArray cov = org.disentangle4j.model.objective.DipTerm.covariance(batch(m), org.disentangle4j.model.objective.DipTerm.Type.I);
            assertArrayEquals(new float[] {2, -1, -1, 1}, cov.toFloatArray(), 1e-6f);
            NDArray[] p = org.disentangle4j.model.objective.DipTerm.penalties(cov);
            assertEquals(2 * 1.0, p[0].getFloat(), 1e-6);           // Σ_{i≠j} Cov_ij² = 2·(−1)²
            assertEquals(1.0 + 0.0, p[1].getFloat(), 1e-6);         // (2 − 1)² + (1 − 1)²
        }
    }

    @Test
    void typeTwoCovarianceAddsTheMeanPosteriorVariance() {
        try (NDManager m = Torch.newManager()) {
            NDArray cov = org.disentangle4j.model.objective.DipTerm.covariance(batch(m), org.disentangle4j.model.objective.DipTerm.Type.II);
            assertArrayEquals(new float[] {2.75f, -1, -1, 2}, cov.toFloatArray(), 1e-6f);
            NDArray[] p = org.disentangle4j.model.objective.DipTerm.penalties(cov);
            assertEquals(2.0, p[0].getFloat(), 1e-6);
            assertEquals(1.75 * 1.75 + 1.0, p[1].getFloat(), 1e-5); // 4.0625
        }
    }

    private static float regularizer(String method, Map<String, Double> hyper) {
        try (NDManager m = Torch.newManager()) {
            ModelSpec spec = Methods.spec(method, new int[] {1, 64, 64}, 2, Likelihood.BERNOULLI, hyper);
            try (NDManager step = m.newSubManager()) {
                Losses losses = new Losses().term("kl", step.create(3f));
                StepContext context = new StepContext(0, step, 0, true);
                return Regularizers.of(spec, losses, batch(step), null, context).getFloat();
            }
        }
    }

    @Test
    void regularizerIsKlPlusWeightedPenaltiesWithTheStudysDiagonalWeights() {
        // DIP-VAE-I, λ_od = 2 given, λ_d defaults to 10·λ_od = 20: 3 + 2·2 + 20·1 = 27
        assertEquals(27f, regularizer("dip-vae-i", Map.of("lambda-od", 2.0)), 1e-4f);
        // DIP-VAE-II, λ_od = 2, λ_d defaults to λ_od = 2: 3 + 2·2 + 2·4.0625 = 15.125
        assertEquals(15.125f, regularizer("dip-vae-ii", Map.of("lambda-od", 2.0)), 1e-4f);
        // an explicit λ_d wins over the relative default: 3 + 2·2 + 5·1 = 12
        assertEquals(12f, regularizer("dip-vae-i", Map.of("lambda-od", 2.0, "lambda-d", 5.0)), 1e-4f);
    }
}
