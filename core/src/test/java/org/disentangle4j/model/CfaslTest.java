package org.disentangle4j.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.disentangle4j.data.Datasets;
import org.disentangle4j.data.GroundTruthDataset;
import org.disentangle4j.io.UserInputException;
import org.disentangle4j.model.objective.DiscriminatorTcTerm;
import org.disentangle4j.model.objective.SymmetryTerm;
import org.disentangle4j.nn.Torch;
import org.disentangle4j.viz.ImageGrid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CfaslTest {
    private static final int[] SHAPE = {1, 64, 64};
    private static final Map<String, Double> NO_CFASL = Map.of("symmetry-weight", 0.0, "switch-weight", 0.0,
            "encoder-equivariance", 0.0, "decoder-equivariance", 0.0);

    /** The rotation generator θ·[[0, 1], [−1, 0]]: z·exp(A) turns the row vector z by θ. */
    private static NDArray rotation(NDManager m, double theta) {
        return m.create(new float[] {0, (float) theta, (float) -theta, 0}, new Shape(1, 2, 2));
    }

    @Test
    void encoderEquivarianceIsZeroWhenTheCompositeCarriesOneCodeToTheOtherAndTheHandValueOtherwise() {
        double theta = 0.7;
        try (NDManager m = Torch.newManager()) {
            NDArray z1 = m.create(new float[] {1, 0}, new Shape(1, 2));
            NDArray z2 = m.create(new float[] {(float) Math.cos(theta), (float) Math.sin(theta)}, new Shape(1, 2));
            SymmetryTerm.Equivariance exact = SymmetryTerm.encoderEquivariance(z1, z2, rotation(m, theta));
            assertEquals(0, exact.loss().getFloat(), 1e-12);
            assertArrayEquals(z2.toFloatArray(), exact.z1Moved().toFloatArray(), 1e-6f);
            assertArrayEquals(z1.toFloatArray(), exact.z2Moved().toFloatArray(), 1e-6f);
            // turning by φ instead: each MSE is (2 − 2cos(φ − θ)) / 2 over the two entries
            double phi = 0.2;
            SymmetryTerm.Equivariance off = SymmetryTerm.encoderEquivariance(z1, z2, rotation(m, phi));
            assertEquals(2 * (1 - Math.cos(phi - theta)), off.loss().getFloat(), 1e-6);
        }
    }

    @Test
    void meanCommutatorIsTheSquaredCommutatorPerPairAndEntry() {
        try (NDManager m = Torch.newManager()) {
            // A = [[0, 1], [0, 0]], B = [[0, 0], [1, 0]]: AB − BA = diag(1, −1), ‖·‖² = 2; one pair, 4 entries
            NDArray pair = m.create(new float[] {0, 1, 0, 0, 0, 0, 1, 0}, new Shape(2, 2, 2));
            assertEquals(0.5, SymmetryTerm.meanCommutator(pair).getFloat(), 1e-7);
            // a third element commuting with both (the zero matrix) adds two pairs of 0: 2 / (3 · 4)
            NDArray three = m.create(new float[] {0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0}, new Shape(3, 2, 2));
            assertEquals(2.0 / 12, SymmetryTerm.meanCommutator(three).getFloat(), 1e-7);
        }
    }

    private static float[] pixels(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] p = new float[n * 64 * 64];
        for (int i = 0; i < p.length; i++) p[i] = random.nextInt(4) == 0 ? 1f : 0f;
        return p;
    }

    private static Map<String, Float> terms(String method, Map<String, Double> hyper) {
        try (NDManager root = Torch.newManager();
                Model model = Methods.create(Methods.spec(method, SHAPE, 4, Likelihood.BERNOULLI, hyper), root, 3);
                NDManager step = model.manager().newSubManager()) {
            NDArray x = step.create(pixels(8, 11), new Shape(8, 1, 64, 64));
            return model.losses(new Batch(x, null), new StepContext(5, step, 9, true)).termValues();
        }
    }

    @Test
    void theBasesTermsAreTheBasesOwnBitForBitAndWithoutCfaslWeightsSoIsTheLoss() {
        Map<String, Map<String, Double>> bases = Map.of("vae", Map.of(), "beta-vae", Map.of("beta", 4.0),
                "beta-tcvae", Map.of("beta", 6.0), "factor-vae", Map.of("gamma", 40.0));
        for (Map.Entry<String, Map<String, Double>> base : bases.entrySet()) {
            Map<String, Float> expected = terms(base.getKey(), base.getValue());
            Map<String, Double> off = new HashMap<>(base.getValue());
            off.putAll(NO_CFASL);
            off.put("base", Methods.CFASL_BASE.parse(base.getKey()));
            Map<String, Float> without = terms("cfasl", off);
            Map<String, Double> on = new HashMap<>(base.getValue());
            on.put("base", Methods.CFASL_BASE.parse(base.getKey()));
            Map<String, Float> with = terms("cfasl", on);
            for (Map.Entry<String, Float> term : expected.entrySet()) {
                assertEquals(Float.floatToRawIntBits(term.getValue()), Float.floatToRawIntBits(without.get(term.getKey())),
                        base.getKey() + " " + term.getKey() + ": " + term.getValue() + " vs " + without.get(term.getKey()));
                if (!term.getKey().equals("loss")) {
                    assertEquals(Float.floatToRawIntBits(term.getValue()), Float.floatToRawIntBits(with.get(term.getKey())),
                            base.getKey() + " " + term.getKey() + " with CFASL on");
                }
            }
            assertEquals(0f, without.get("cfasl"), base.getKey());
            // with CFASL on, the loss is the base's plus the weighted CFASL terms (α = γ = λ = 1, ε = 0.1)
            double cfasl = with.get("pd") + with.get("pl") + with.get("c") + with.get("s") + with.get("p") + with.get("ee") + 0.1 * with.get("de");
            assertEquals(cfasl, with.get("cfasl"), 1e-5 * Math.abs(cfasl), base.getKey());
            assertEquals(expected.get("loss") + cfasl, with.get("loss"), 1e-5 * Math.abs(cfasl), base.getKey());
            for (String t : List.of("pd", "pl", "c", "s", "p", "ee", "de", "switch_z0", "switch_z3")) assertTrue(with.containsKey(t), t);
            for (int i = 0; i < 4; i++) {
                float rate = with.get("switch_z" + i);
                assertTrue(rate >= 0 && rate <= 1 && rate * 4 == Math.rint(rate * 4), "a switch rate over 4 pairs: " + rate);
            }
        }
    }

    @Test
    void groupsClipAndThePredictorHasItsOwnLearningRate() {
        try (NDManager root = Torch.newManager();
                Model model = Methods.create(Methods.spec("cfasl", SHAPE, 4, Likelihood.BERNOULLI,
                        Map.of("base", Methods.CFASL_BASE.parse("factor-vae"))), root, 3)) {
            List<ParameterGroup> groups = model.parameterGroups(OptimizerSettings.adam(1e-4));
            assertEquals(List.of(Model.MAIN_GROUP, DiscriminatorTcTerm.GROUP, SymmetryTerm.PREDICTOR), groups.stream().map(ParameterGroup::name).toList());
            assertTrue(groups.get(0).parameterNames().contains(SymmetryTerm.CODEBOOK + "/" + SymmetryCodebook.PARAMETER));
            assertEquals(1.0, groups.get(0).optimizer().clipNorm());
            assertEquals(1e-4, groups.get(0).optimizer().learningRate());
            assertEquals(2e-5, groups.get(2).optimizer().learningRate());
            assertEquals(1.0, groups.get(2).optimizer().clipNorm());
            assertEquals(DiscriminatorTcTerm.OPTIMIZER, groups.get(1).optimizer());
            // every trainable parameter is in exactly one group
            long all = model.namedParameters().values().stream().filter(p -> p.requiresGradient()).count();
            assertEquals(all, groups.stream().mapToLong(g -> g.parameterNames().size()).sum());
        }
        assertEquals(6, Methods.CFASL.trainingDefaults().latentDimOn().get("shapes3d"));
        assertThrows(UserInputException.class, () -> Methods.create(Methods.spec("cfasl", SHAPE, 4, Likelihood.BERNOULLI,
                Map.of("base", Methods.CFASL_BASE.parse("beta-tcvae"), "beta", 0.5)), Torch.newManager(), 3));
        assertThrows(UserInputException.class, () -> Methods.create(Methods.spec("cfasl", SHAPE, 1, Likelihood.BERNOULLI, Map.of()),
                Torch.newManager(), 3));
    }

    @Test
    void symmetriesFigureHasOneRowPerSectionAndAZeroSectionLeavesItsRowStill(@TempDir Path tmp) throws Exception {
        GroundTruthDataset data = Datasets.open("dsprites", null);
        try (NDManager root = Torch.newManager();
                ComposedModel model = (ComposedModel) Methods.create(Methods.spec("cfasl", SHAPE, 3, Likelihood.BERNOULLI, Map.of()), root, 3)) {
            // section 1's sub-symmetries all zero: exp(t·0) = I, every column of row 1 is the reconstruction
            NDArray algebra = model.term(SymmetryTerm.class).orElseThrow().codebook().parameter().getArray();
            float[] a = algebra.toFloatArray();
            int s = model.term(SymmetryTerm.class).orElseThrow().codebook().subSymmetries();
            java.util.Arrays.fill(a, 1 * s * 9, 2 * s * 9, 0f);
            algebra.set(java.nio.FloatBuffer.wrap(a));
            FigureInputs inputs = new FigureInputs(data, root, 7);
            float[] image = inputs.render(1, 11);
            float[] images = new SymmetriesFigure(model, model.term(SymmetryTerm.class).orElseThrow().codebook()).traversals(inputs, image);
            int size = 64 * 64, steps = SymmetriesFigure.STEPS, middle = steps / 2;
            assertEquals(3 * steps * size, images.length);
            float[] reconstruction;
            try (NDManager m = root.newSubManager()) {
                reconstruction = model.generate(model.represent(inputs.batch(m, image, 1))).toFloatArray();
            }
            for (int row = 0; row < 3; row++) {
                float[] t0 = java.util.Arrays.copyOfRange(images, (row * steps + middle) * size, (row * steps + middle + 1) * size);
                assertArrayEquals(reconstruction, t0, 1e-5f, "t = 0 of row " + row + " is the reconstruction");
            }
            for (int k = 0; k < steps; k++) {
                assertArrayEquals(reconstruction, java.util.Arrays.copyOfRange(images, (steps + k) * size, (steps + k + 1) * size), 1e-5f);
            }
            // a section with non-zero elements moves the code: its ends differ from the reconstruction
            assertNotEquals(0, maxDifference(reconstruction, java.util.Arrays.copyOfRange(images, 0, size)));

            Path png = tmp.resolve(SymmetriesFigure.FILE);
            new SymmetriesFigure(model, model.term(SymmetryTerm.class).orElseThrow().codebook()).write(inputs, png);
            BufferedImage written = ImageIO.read(png.toFile());
            BufferedImage threeRows = new ImageGrid(3, 1 + steps, 1, 64, 64, 2, 30).image();
            assertEquals(threeRows.getHeight(), written.getHeight());
            assertEquals(threeRows.getWidth(), written.getWidth());
            assertNotEquals(new ImageGrid(2, 1 + steps, 1, 64, 64, 2, 30).image().getHeight(), written.getHeight());
            assertEquals(List.of(SymmetriesFigure.FILE), model.extraFigures().stream().map(ExtraFigure::file).toList());
        } finally {
            Datasets.close(data);
        }
    }

    private static double maxDifference(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
        return max;
    }
}
