package org.disentangle4j.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.disentangle4j.metrics.DecoderFunction.ConvolutionLayerInputs;
import org.disentangle4j.metrics.SpectralIndependenceScore;
import org.disentangle4j.metrics.stats.SpectralDensityRatio;
import org.disentangle4j.model.Batch;
import org.disentangle4j.model.Likelihood;
import org.disentangle4j.model.Losses;
import org.disentangle4j.model.Methods;
import org.disentangle4j.model.Model;
import org.disentangle4j.model.SpectralProbe;
import org.disentangle4j.model.StepContext;
import org.disentangle4j.model.objective.SpectralIndependenceTerm;
import org.disentangle4j.nn.Torch;
import org.junit.jupiter.api.Test;

/** spectral_independence on a model's decoder, and --im-weight's term in a VAE's loss (issue 15). */
class SpectralIndependenceOfModelsTest {

    private static Model vae(NDManager m, String method, double imWeight) {
        Map<String, Double> hyper = imWeight > 0 ? Map.of(SpectralIndependenceTerm.IM_WEIGHT.name(), imWeight) : Map.of();
        return Methods.create(Methods.spec(method, new int[] {1, 64, 64}, 5, Likelihood.BERNOULLI, hyper), m, 7);
    }

    private static double[][] codes(int n, int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] z = new double[n][d];
        for (double[] row : z) for (int j = 0; j < d; j++) row[j] = r.nextGaussian();
        return z;
    }

    @Test
    void theDecodersFourConvolutionsAreProbedWithTheMapsThatEnterThem() {
        try (NDManager m = Torch.newManager(); Model model = vae(m, "beta-vae", 0)) {
            List<ConvolutionLayerInputs> layers = new ModelDecoder(model).convolutionLayers(codes(6, 5, 1));
            assertEquals(4, layers.size());
            // 64×4×4 → 64×8×8 → 32×16×16 → 32×32×32 enter the sub-pixel stages; kernels (4·C_out, C_in, 3, 3)
            int[][] in = {{64, 4}, {64, 8}, {32, 16}, {32, 32}};
            int[] out = {4 * 64, 4 * 32, 4 * 32, 4};
            for (int k = 0; k < 4; k++) {
                ConvolutionLayerInputs l = layers.get(k);
                assertArrayEquals(new int[] {6, in[k][0], in[k][1], in[k][1]},
                        new int[] {l.inputs().length, l.inputs()[0].length, l.inputs()[0][0].length, l.inputs()[0][0][0].length}, l.name());
                assertArrayEquals(new int[] {out[k], in[k][0], 3, 3},
                        new int[] {l.kernel().length, l.kernel()[0].length, l.kernel()[0][0].length, l.kernel()[0][0][0].length}, l.name());
            }
            Map<String, Double> scores = SpectralIndependenceScore.score(layers);
            assertEquals(5, scores.size());
            double meanAbsLog = 0;
            for (ConvolutionLayerInputs l : layers) {
                double rho = SpectralDensityRatio.of(l.inputs(), l.kernel()).layer();
                assertEquals(rho, scores.get("rho_" + l.name()));
                assertTrue(rho > 0 && Double.isFinite(rho), l.name() + ": " + rho);
                meanAbsLog += Math.abs(Math.log(rho)) / 4;
            }
            assertEquals(meanAbsLog, scores.get(SpectralIndependenceScore.MEAN_ABS_LOG_RHO), 1e-12);
        }
    }

    @Test
    void aModelWithoutDecoderLayersHasNoneToProbe() {
        FunctionModel identity = new FunctionModel(new int[] {1, 2, 2}, 4) {
            @Override
            public NDArray represent(NDArray observations) {
                return observations.reshape(-1, 4);
            }

            @Override
            public NDArray decode(NDArray codes, boolean training) {
                return codes.reshape(-1, 1, 2, 2);
            }
        };
        assertTrue(new ModelDecoder(identity).convolutionLayers(codes(3, 4, 2)).isEmpty());
    }

    /** The engine's penalty Σ(log ρ)² (float, differentiable) against the double definition on the same maps. */
    @Test
    void thePenaltyOnTheEngineIsTheSumOfSquaredLogRatiosOfTheDoubleDefinition() {
        try (NDManager m = Torch.newManager(); Model model = vae(m, "beta-vae", 0)) {
            double[][] z = codes(8, 5, 3);
            double expected = 0;
            for (ConvolutionLayerInputs l : new ModelDecoder(model).convolutionLayers(z)) {
                double log = Math.log(SpectralDensityRatio.of(l.inputs(), l.kernel()).layer());
                expected += log * log;
            }
            try (NDManager step = m.newSubManager()) {
                float[] flat = new float[40];
                for (int i = 0; i < 8; i++) for (int j = 0; j < 5; j++) flat[i * 5 + j] = (float) z[i][j];
                List<NDArray[]> probed = new ArrayList<>();
                model.decode(step.create(flat, new Shape(8, 5)), false, SpectralProbe.collecting(probed));
                assertEquals(expected, SpectralProbe.penalty(probed).getFloat(), 1e-4 * expected);
            }
        }
    }

    /** With λ > 0 the loss gains λ·im and the term is logged; with λ = 0 (the default) there is no such term. */
    @Test
    void imWeightAddsItsWeightedTermToTheLossAndNothingElse() {
        for (String method : List.of("beta-vae", "factor-vae")) {
            Map<String, Float> plain = terms(method, 0), weighted = terms(method, 2.5);
            assertFalse(plain.containsKey("im"), method);
            float im = weighted.get("im");
            assertTrue(im > 0 && Float.isFinite(im), method + ": " + im);
            assertEquals(plain.get("recon"), weighted.get("recon"), 0f, method);
            assertEquals(plain.get("kl"), weighted.get("kl"), 0f, method);
            assertEquals(plain.get("loss") + 2.5f * im, weighted.get("loss"), 1e-3f * Math.abs(weighted.get("loss")), method);
        }
    }

    private static Map<String, Float> terms(String method, double imWeight) {
        try (NDManager m = Torch.newManager(); Model model = vae(m, method, imWeight); NDManager step = m.newSubManager()) {
            float[] pixels = new float[4 * 64 * 64];
            SplittableRandom r = new SplittableRandom(5);
            for (int i = 0; i < pixels.length; i++) pixels[i] = r.nextDouble() < 0.2 ? 1f : 0f;
            Batch batch = new Batch(step.create(pixels, new Shape(4, 1, 64, 64)), new int[4][1]);
            Losses losses = model.losses(batch, new StepContext(0, step, 11, true));
            return losses.termValues();
        }
    }
}
