package org.disentangle4j.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.disentangle4j.model.objective.LabelAlignmentTerm;
import org.disentangle4j.io.UserInputException;
import org.disentangle4j.nn.Torch;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CdgVaeTest {

    private static float[] column(float[] rows, int d, int j) {
        float[] c = new float[rows.length / d];
        for (int i = 0; i < c.length; i++) c[i] = rows[i * d + j];
        return c;
    }

    @ParameterizedTest
    @ValueSource(strings = {"linear", "planar"})
    void interveningOnARootMovesItsDescendantsAndLeavesTheRestBitIdentical(String mechanism) {
        try (NDManager root = Torch.newManager(); Model model = Methods.create(CdgTestData.spec(mechanism, "blocks"), root, 3);
                NDManager m = model.manager().newSubManager()) {
            assertEquals(List.of("a", "b", "c", "d"), model.interventionTargets().latentNodes());
            SplittableRandom random = new SplittableRandom(2);
            float[] eps = new float[16 * 4];
            for (int i = 0; i < eps.length; i++) eps[i] = (float) random.nextGaussian();
            NDArray codes = m.create(eps, new Shape(16, 4));
            float[] before = model.latentNodeValues(codes).toFloatArray();
            float[] images = model.generate(codes).toFloatArray();
            NDArray values = m.full(new Shape(16), 0.8f);
            NDArray intervened = model.intervene(codes, 0, values);
            float[] after = model.latentNodeValues(intervened).toFloatArray();
            for (float v : column(after, 4, 0)) assertEquals(0.8f, v, 1e-5f);
            assertArrayEquals(column(before, 4, 1), column(after, 4, 1), 0f, "b is not a descendant of a");
            for (int j : new int[] {2, 3}) {
                float[] x = column(before, 4, j), y = column(after, 4, j);
                for (int i = 0; i < x.length; i++) assertNotEquals(x[i], y[i], "node " + j + " row " + i);
            }
            // the decoder is block-separable: b's rows (2:5) of every image are bit-identical, a's (0:2) and c/d's (5:8) move
            float[] changed = model.generate(intervened).toFloatArray();
            for (int i = 0; i < 16; i++) {
                for (int p = 16; p < 40; p++) assertEquals(Float.floatToIntBits(images[i * 64 + p]), Float.floatToIntBits(changed[i * 64 + p]));
            }
            assertNotEquals(images[0], changed[0]);
            assertNotEquals(images[63], changed[63]);
        }
    }

    @Test
    void alignmentIsTheBceOfTheLabelledRowsOnly() {
        try (NDManager root = Torch.newManager(); Model model = Methods.create(CdgTestData.spec("linear", "blocks"), root, 3);
                NDManager m = model.manager().newSubManager()) {
            NDArray zbar = m.create(new float[] {0, 1, -1, 2, 5, 5, 5, 5}, new Shape(2, 4));
            int[][] factors = {{0, 4, 2, 1}, {0, 0, 0, 0}}; // scaled labels (0, 1, 0.5, 0.25); row 2 unlabelled
            Batch batch = new Batch(m.zeros(new Shape(2, 1, 8, 8)), factors, null, new boolean[] {true, false});
            double expected = bce(0, 0) + bce(1, 1) + bce(-1, 0.5) + bce(2, 0.25);
            assertEquals(expected, LabelAlignmentTerm.alignment(batch, zbar, model.spec().datasetFacts().orElse(null), m).getFloat(), 1e-5);
            Batch none = new Batch(m.zeros(new Shape(2, 1, 8, 8)), factors, null, null);
            assertEquals(0f, LabelAlignmentTerm.alignment(none, zbar, model.spec().datasetFacts().orElse(null), m).getFloat());
        }
    }

    private static double bce(double z, double u) {
        double s = 1 / (1 + Math.exp(-z));
        return -(u * Math.log(s) + (1 - u) * Math.log(1 - s));
    }

    @Test
    void theLatentSizeMustBeTheNumberOfCausalNodes() {
        UserInputException e = assertThrows(UserInputException.class, () -> {
            try (NDManager root = Torch.newManager()) {
                Methods.create(Methods.spec("cdg-vae", CdgTestData.SHAPE, 5, Likelihood.GAUSSIAN, Map.of(), CdgTestData.facts()), root, 3);
            }
        });
        assertEquals("--latent-dim 5: cdg-vae has one latent per causal node, and the dataset's graph has 4 nodes; drop --latent-dim or give 4",
                e.getMessage());
    }
}
