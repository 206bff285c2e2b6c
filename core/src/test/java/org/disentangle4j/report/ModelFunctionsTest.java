package org.disentangle4j.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import java.util.SplittableRandom;
import org.disentangle4j.data.Balls;
import org.disentangle4j.metrics.DecoderFunction;
import org.disentangle4j.model.Likelihood;
import org.disentangle4j.model.Methods;
import org.disentangle4j.model.Model;
import org.disentangle4j.nn.Torch;
import org.junit.jupiter.api.Test;

/** What metrics see of a model: its codes, blocks and decoded codes, chunk by chunk, equal to one whole pass. */
class ModelFunctionsTest {

    @Test
    void chunkedCodesAndDecodingsEqualTheModelsOwn() {
        Balls balls = Balls.blockIndependent();
        int n = 300; // more than one chunk of 256
        float[] x = balls.render(balls.sampleFactors(n, new SplittableRandom(1)));
        try (NDManager m = Torch.newManager();
                Model model = Methods.create(Methods.spec("additive-ae", balls.observationShape(), 4, Likelihood.BERNOULLI,
                        Map.of("block-size", 2.0)), m, 7)) {
            Model ae = model;
            ModelRepresentation representation = new ModelRepresentation(model, balls.observationShape());
            assertArrayEquals(new int[][] {{0, 1}, {2, 3}}, representation.latentBlocks().orElseThrow());
            double[][] codes = representation.represent(x, n);
            DecoderFunction decoder = new ModelDecoder(model);
            float[] decoded = decoder.decode(codes);
            assertEquals(n * balls.observationSize(), decoded.length);
            try (NDManager step = m.newSubManager()) {
                NDArray z = ae.represent(step.create(x, new Shape(n, 3, 64, 64)));
                float[] whole = ae.generate(z).toFloatArray();
                float[] flatCodes = z.toFloatArray();
                for (int i = 0; i < n; i++) for (int j = 0; j < 4; j++) assertEquals(flatCodes[i * 4 + j], codes[i][j], 1e-4);
                float worst = 0;
                for (int i = 0; i < whole.length; i++) worst = Math.max(worst, Math.abs(whole[i] - decoded[i]));
                assertTrue(worst < 1e-4, "largest difference " + worst);
            }
        }
    }

    @Test
    void aVaesPosteriorLogVariancesChunkByChunkAndNoneForAnAutoencoder() {
        Balls balls = Balls.blockIndependent();
        int n = 300;
        float[] x = balls.render(balls.sampleFactors(n, new SplittableRandom(2)));
        try (NDManager m = Torch.newManager();
                Model vae = Methods.create(Methods.spec("beta-vae", balls.observationShape(), 3, Likelihood.BERNOULLI, Map.of()), m, 7);
                Model ae = Methods.create(Methods.spec("ae", balls.observationShape(), 3, Likelihood.BERNOULLI, Map.of()), m, 7)) {
            double[][] logVar = new ModelRepresentation(vae, balls.observationShape()).posterior(x, n).orElseThrow().logVariances();
            try (NDManager step = m.newSubManager()) {
                float[] whole = vae.posterior(step.create(x, new Shape(n, 3, 64, 64))).orElseThrow().logVar().toFloatArray();
                for (int i = 0; i < n; i++) for (int j = 0; j < 3; j++) assertEquals(whole[i * 3 + j], logVar[i][j], 1e-4);
            }
            assertTrue(new ModelRepresentation(ae, balls.observationShape()).posterior(x, n).isEmpty());
        }
    }
}
