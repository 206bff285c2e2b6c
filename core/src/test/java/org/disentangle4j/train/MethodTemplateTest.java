package org.disentangle4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.disentangle4j.io.UserInputException;
import org.disentangle4j.model.BlockRenderingsFigure;
import org.disentangle4j.model.Likelihood;
import org.disentangle4j.model.Methods;
import org.disentangle4j.model.Model;
import org.disentangle4j.model.ModelSpec;
import org.disentangle4j.nn.Torch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The method template's hooks, seen from a toy method registered by one line and from the registered ones. */
class MethodTemplateTest {
    static {
        Methods.register(RotatedBetaVae.METHOD); // the one registry line of a new method
    }

    private static final int[] DSPRITES = {1, 64, 64};

    @Test
    void aLatentTransformOfTheIdentityTrainsExactlyAsTheMethodWithout(@TempDir Path tmp) throws IOException {
        // a rotation by 0 is the identity matrix: R·z adds exact zeros, so every logged bit must match β-VAE's
        Map<String, Double> zero = Map.of("angle", 0.0);
        GateTraining.Fingerprint plain = GateTraining.train("beta-vae", tmp.resolve("plain"), 5, 1);
        GateTraining.Fingerprint toy = train("rotated-beta-vae-test", zero, tmp.resolve("toy"));
        assertEquals(plain.terms(), toy.terms());
        assertEquals(plain.parameterDigest(), toy.parameterDigest());
        // a real rotation changes what is trained
        GateTraining.Fingerprint turned = train("rotated-beta-vae-test", Map.of(), tmp.resolve("turned"));
        assertTrue(!plain.terms().equals(turned.terms()), "the transform reaches the loss");
    }

    private static GateTraining.Fingerprint train(String model, Map<String, Double> hyper, Path dir) throws IOException {
        return GateTraining.train(model, dir, 5, 1, hyper);
    }

    @Test
    void generateDecodesTheTransformedCode() {
        try (NDManager root = Torch.newManager();
                Model model = Methods.create(Methods.spec("rotated-beta-vae-test", DSPRITES, 3, Likelihood.BERNOULLI,
                        Map.of("angle", Math.PI / 2)), root, 7);
                NDManager m = model.manager().newSubManager()) {
            float[] codes = new float[12];
            SplittableRandom random = new SplittableRandom(3);
            for (int i = 0; i < codes.length; i++) codes[i] = (float) random.nextGaussian();
            // rotating (a, b, c) by 90° gives (cos·a − sin·b, sin·a + cos·b, c) = (−b, a, c) up to cos(π/2) ≈ 6e-17 → 0 in float
            float[] turned = new float[12];
            for (int i = 0; i < 4; i++) {
                turned[3 * i] = -codes[3 * i + 1];
                turned[3 * i + 1] = codes[3 * i];
                turned[3 * i + 2] = codes[3 * i + 2];
            }
            NDArray generated = model.generate(m.create(codes, new Shape(4, 3)));
            NDArray byHand = model.observationMean(model.decode(m.create(turned, new Shape(4, 3)), false));
            assertArrayEquals(byHand.toFloatArray(), generated.toFloatArray(), 1e-6f);
        }
    }

    @Test
    void aDeclaredRangeRefusesBadValuesInOneLine() {
        UserInputException e = assertThrows(UserInputException.class,
                () -> Methods.spec("rotated-beta-vae-test", DSPRITES, 3, Likelihood.BERNOULLI, Map.of("angle", 4.0)));
        assertEquals("--angle must be ≥ -3.141592653589793 and ≤ 3.141592653589793, got 4", e.getMessage());
    }

    @Test
    void hooksOfTheRegisteredMethods() {
        try (NDManager root = Torch.newManager()) {
            ModelSpec vaeSpec = Methods.spec("beta-vae", DSPRITES, 10, Likelihood.BERNOULLI, Map.of());
            try (Model vae = Methods.create(vaeSpec, root, 1)) {
                assertEquals(List.of("z0", "z1", "z2", "z3", "z4", "z5", "z6", "z7", "z8", "z9"), vae.interventionTargets().latentNodes());
                assertEquals(vae.parts().get("decoder").getChildren().size(), vae.interventionTargets().decoderLayers().size());
                assertTrue(vae.hasPrior());
                assertTrue(vae.latentBlocks().isEmpty());
                assertTrue(vae.validation().isEmpty());
                assertTrue(vae.extraFigures().isEmpty());
                assertEquals(1, vae.parameterGroups(org.disentangle4j.model.OptimizerSettings.adam(1e-4)).size());
            }
            int[] rgb = {3, 64, 64};
            try (Model additive = Methods.create(Methods.spec("additive-ae", rgb, 4, Likelihood.BERNOULLI, Map.of("block-size", 2.0)), root, 1);
                    Model plain = Methods.create(Methods.spec("ae", rgb, 4, Likelihood.BERNOULLI, Map.of()), root, 1)) {
                assertArrayEquals(new int[][] {{0, 1}, {2, 3}}, additive.latentBlocks().orElseThrow());
                assertEquals(List.of(BlockRenderingsFigure.FILE), additive.extraFigures().stream().map(f -> f.file()).toList());
                assertEquals("blocks", additive.extraFigures().get(0).name());
                assertEquals(250, additive.validation().orElseThrow().every());
                assertTrue(plain.latentBlocks().isEmpty());
                assertTrue(plain.extraFigures().isEmpty());
                assertTrue(!plain.hasPrior());
            }
        }
    }
}
