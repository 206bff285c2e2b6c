package org.disentangle4j.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.disentangle4j.io.UserInputException;
import org.disentangle4j.nn.Torch;
import org.junit.jupiter.api.Test;

class AutoencoderTest {
    private static final int[] RGB = {3, 64, 64};

    private static Model create(String method, int latentDim, Map<String, Double> hyper, NDManager m) {
        return Methods.create(Methods.spec(method, RGB, latentDim, Likelihood.BERNOULLI, hyper), m, 4);
    }

    private static float[] noise(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) r.nextDouble();
        return v;
    }

    @Test
    void theAdditiveDecoderOutputIsTheSumOfItsBlockOutputs() {
        try (NDManager root = Torch.newManager();
                ComposedModel model = (ComposedModel) create("additive-ae", 4, Map.of("block-size", 2.0), root);
                NDManager m = model.manager().newSubManager()) {
            assertArrayEquals(new int[][] {{0, 1}, {2, 3}}, model.latentBlocks().orElseThrow());
            NDArray codes = m.create(noise(5 * 4, 1), new Shape(5, 4)).mul(4).sub(2);
            float[] whole = model.decode(codes, false).toFloatArray();
            List<NDArray> blocks = decodeBlocks(model, codes);
            assertEquals(2, blocks.size());
            float[] sum = blocks.get(0).add(blocks.get(1)).toFloatArray();
            assertArrayEquals(sum, whole, 1e-5f);
            // block 1's rendering depends on z2, z3 only
            NDArray moved = codes.duplicate();
            moved.set(new ai.djl.ndarray.index.NDIndex(":, 0:2"), 0.5f);
            assertArrayEquals(blocks.get(1).toFloatArray(), decodeBlocks(model, moved).get(1).toFloatArray(), 0f);
        }
    }

    /** f(a, b) + f(a', b') − f(a, b') − f(a', b) over every pixel: 0 for an additive decoder. */
    private static List<NDArray> decodeBlocks(ComposedModel model, NDArray codes) {
        return ((org.disentangle4j.model.architecture.AdditiveImageDecoder) model.decoder()).decodeBlocks(codes, false);
    }

    private static double interaction(Model model, NDManager m) {
        float[] a = {1.2f, -0.7f}, a2 = {-1.5f, 0.4f}, b = {0.3f, 1.1f}, b2 = {-0.9f, -1.3f};
        float[] codes = new float[16];
        float[][] rows = {concat(a, b), concat(a2, b2), concat(a, b2), concat(a2, b)};
        for (int i = 0; i < 4; i++) System.arraycopy(rows[i], 0, codes, 4 * i, 4);
        float[] out = model.decode(m.create(codes, new Shape(4, 4)), false).toFloatArray();
        int size = out.length / 4;
        double max = 0, scale = 0;
        for (int p = 0; p < size; p++) {
            max = Math.max(max, Math.abs(out[p] + out[size + p] - out[2 * size + p] - out[3 * size + p]));
            scale = Math.max(scale, Math.abs(out[p] - out[size + p]));
        }
        return max / scale;
    }

    private static float[] concat(float[] x, float[] y) {
        return new float[] {x[0], x[1], y[0], y[1]};
    }

    @Test
    void onlyTheAdditiveDecoderHasNoInteractionBetweenBlocks() {
        try (NDManager root = Torch.newManager();
                Model additive = create("additive-ae", 4, Map.of("block-size", 2.0), root);
                Model plain = create("ae", 4, Map.of(), root);
                NDManager m = root.newSubManager()) {
            assertTrue(interaction(additive, m) < 1e-4, "additive: " + interaction(additive, m));
            assertTrue(interaction(plain, m) > 1e-2, "non-additive: " + interaction(plain, m));
        }
    }

    /** A batch-norm block's running statistics, by parameter name. */
    private static Map<String, float[]> runningStatistics(Block bn) {
        Map<String, float[]> s = new java.util.LinkedHashMap<>();
        for (var p : bn.getParameters()) {
            if (!p.getValue().requiresGradient()) s.put(p.getKey(), p.getValue().getArray().toFloatArray());
        }
        return s;
    }

    @Test
    void batchNormalisationUsesBatchStatisticsInTrainingAndRunningOnesInInference() {
        int n = 16, d = 3;
        try (NDManager root = Torch.newManager(); Model model = create("ae", d, Map.of(), root);
                NDManager m = model.manager().newSubManager()) {
            SequentialBlock encoder = (SequentialBlock) model.parts().get("encoder");
            List<Block> layers = new ArrayList<>(encoder.getChildren().values());
            Block lastNorm = layers.get(layers.size() - 1);
            NDArray x = m.create(noise(n * 3 * 64 * 64, 2), new Shape(n, 3, 64, 64));

            // inference mode changes no running statistic and treats each image on its own
            Map<String, float[]> before = runningStatistics(lastNorm);
            float[] eval = ((ComposedModel) model).encoder().forward(x, false).toFloatArray();
            NDArray shuffled = m.create(noise(n * 3 * 64 * 64, 3), new Shape(n, 3, 64, 64));
            shuffled.set(new ai.djl.ndarray.index.NDIndex("0"), x.get(0));
            float[] evalOther = ((ComposedModel) model).encoder().forward(shuffled, false).toFloatArray();
            assertArrayEquals(java.util.Arrays.copyOf(eval, d), java.util.Arrays.copyOf(evalOther, d), 1e-5f);
            runningStatistics(lastNorm).forEach((k, v) -> assertArrayEquals(before.get(k), v, 0f, k));

            // the code before the last normalisation, layer by layer in training mode
            NDArray h = x;
            for (int i = 0; i < layers.size() - 1; i++) h = model.forward(layers.get(i), h, true);
            float[] pre = h.toFloatArray();
            float[] codes = model.forward(lastNorm, h, true).toFloatArray();
            Map<String, float[]> after = runningStatistics(lastNorm);
            float[] runningMean = after.get("runningMean"), runningVar = after.get("runningVar");
            for (int j = 0; j < d; j++) {
                double mean = 0;
                for (int i = 0; i < n; i++) mean += pre[i * d + j];
                mean /= n;
                double squares = 0;
                for (int i = 0; i < n; i++) squares += Math.pow(pre[i * d + j] - mean, 2);
                double biased = squares / n, unbiased = squares / (n - 1);
                // training: normalised by the batch's own mean and (biased) variance, γ = 1 and β = 0 at start
                for (int i = 0; i < n; i++) {
                    assertEquals((pre[i * d + j] - mean) / Math.sqrt(biased + 1e-5), codes[i * d + j], 1e-4, "code " + i + "," + j);
                }
                // running statistics move 10% of the way to the batch's (PyTorch's momentum 0.1; unbiased variance)
                assertEquals(0.1 * mean, runningMean[j], 1e-5 * Math.max(1, Math.abs(mean)));
                assertEquals(0.9 * 1 + 0.1 * unbiased, runningVar[j], 1e-4 * Math.max(1, unbiased));
                // inference: normalised by the running statistics instead
                float[] inference = model.forward(lastNorm, h, false).toFloatArray();
                for (int i = 0; i < n; i++) {
                    assertEquals((pre[i * d + j] - runningMean[j]) / Math.sqrt(runningVar[j] + 1e-5), inference[i * d + j], 1e-4);
                }
            }
        }
    }

    @Test
    void runningStatisticsAreCheckpointedButNotOptimisedAndWeightDecayIsTheReferences() {
        try (NDManager root = Torch.newManager(); Model model = create("additive-ae", 2, Map.of(), root)) {
            List<ParameterGroup> groups = model.parameterGroups(OptimizerSettings.adam(1e-3));
            assertEquals(1, groups.size());
            assertEquals(5e-4, groups.get(0).optimizer().weightDecay());
            assertEquals(1e-3, groups.get(0).optimizer().learningRate());
            List<String> trainable = groups.get(0).parameterNames();
            long running = model.namedParameters().keySet().stream().filter(k -> k.contains("running")).count();
            assertTrue(running > 0);
            assertTrue(trainable.stream().noneMatch(k -> k.contains("running")), trainable.toString());
            assertEquals(model.namedParameters().size() - running, trainable.size());
            for (Map.Entry<String, Parameter> p : model.namedParameters().entrySet()) {
                assertEquals(!p.getKey().contains("running"), p.getValue().requiresGradient(), p.getKey());
            }
        }
    }

    @Test
    void theLatentSizeMustBeAMultipleOfTheBlockSize() {
        try (NDManager root = Torch.newManager()) {
            UserInputException e = assertThrows(UserInputException.class, () -> create("additive-ae", 3, Map.of("block-size", 2.0), root));
            assertEquals("--latent-dim 3 is not a multiple of --block-size 2; an additive decoder needs blocks of equal size", e.getMessage());
            assertFalse(Methods.get("ae").hyperParameters().stream().anyMatch(h -> h.name().equals("block-size")));
            assertEquals(1e-3, Methods.get("ae").trainingDefaults().learningRate());
        }
    }
}
