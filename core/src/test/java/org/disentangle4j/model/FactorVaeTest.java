package org.disentangle4j.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.disentangle4j.model.objective.DiscriminatorTcTerm;
import org.disentangle4j.nn.Torch;
import org.junit.jupiter.api.Test;

class FactorVaeTest {

    @Test
    void permutationMovesEachColumnByItsOwnPermutation() {
        try (NDManager m = Torch.newManager()) {
            NDArray z = m.create(new float[] {1, 10, 2, 20, 3, 30}, new Shape(3, 2));
            int[][] perms = {{2, 0, 1}, {1, 2, 0}};
            // out[i, j] = z[perms[j][i], j]
            assertArrayEquals(new float[] {3, 20, 1, 30, 2, 10},
                    DiscriminatorTcTerm.permuteDimensions(z, perms).toFloatArray(), 0f);
        }
    }

    @Test
    void shuffleKeepsEveryMarginalAndBreaksTheJoint() {
        int b = 500;
        float[] v = new float[b * 3];
        for (int i = 0; i < b; i++) {
            v[3 * i] = i;            // columns 0 and 1 are equal: correlation 1
            v[3 * i + 1] = i;
            v[3 * i + 2] = -2f * i;  // column 2 is a decreasing function: correlation −1
        }
        try (NDManager m = Torch.newManager()) {
            StepContext context = new StepContext(3, m, 11, true);
            float[] out = DiscriminatorTcTerm.permuteDimensions(m.create(v, new Shape(b, 3)), context).toFloatArray();
            for (int j = 0; j < 3; j++) {
                assertArrayEquals(sorted(column(v, j, b)), sorted(column(out, j, b)), 0f, "column " + j + " keeps its values");
            }
            // an independent permutation leaves correlations of about ±1/√500 = ±0.045
            assertTrue(Math.abs(correlation(column(out, 0, b), column(out, 1, b))) < 0.2);
            assertTrue(Math.abs(correlation(column(out, 0, b), column(out, 2, b))) < 0.2);
            // and not the identity on any column
            for (int j = 0; j < 3; j++) assertTrue(!Arrays.equals(column(v, j, b), column(out, j, b)));
            // the same step and seed draw the same shuffle (a resumed run replays it)
            float[] again = DiscriminatorTcTerm.permuteDimensions(m.create(v, new Shape(b, 3)), new StepContext(3, m, 11, true)).toFloatArray();
            assertArrayEquals(out, again, 0f);
        }
    }

    private static float[] column(float[] v, int j, int b) {
        float[] c = new float[b];
        for (int i = 0; i < b; i++) c[i] = v[3 * i + j];
        return c;
    }

    private static float[] sorted(float[] v) {
        float[] s = v.clone();
        Arrays.sort(s);
        return s;
    }

    private static double correlation(float[] a, float[] b) {
        double ma = 0, mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= a.length;
        mb /= b.length;
        double sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }

    /** The largest |gradient| over the parameters of the named parts. */
    private static double maxGradient(Model model, String... parts) {
        double max = 0;
        for (Map.Entry<String, Parameter> p : model.namedParameters().entrySet()) {
            if (Arrays.stream(parts).noneMatch(part -> p.getKey().startsWith(part + "/"))) continue;
            try (NDArray g = p.getValue().getArray().getGradient(); NDArray a = g.abs().max()) {
                max = Math.max(max, a.getFloat());
            }
        }
        return max;
    }

    private static void zeroGradients(Model model) {
        for (Parameter p : model.namedParameters().values()) {
            try (NDArray g = p.getArray().getGradient()) {
                g.muli(0);
            }
        }
    }

    /** Back-propagates one group's objective of a fresh step and returns the step's loss terms. */
    private static Map<String, Float> backward(Model model, NDManager m, String group) {
        try (NDManager step = m.newSubManager(); GradientCollector collector = Torch.engine().newGradientCollector()) {
            StepContext context = new StepContext(0, step, 5, true);
            NDArray x = context.uniform(new Shape(8, 1, 64, 64)).gt(0.7f).toType(ai.djl.ndarray.types.DataType.FLOAT32, false);
            Losses losses = model.losses(new Batch(x, null), context);
            collector.backward(losses.objectives().get(group));
            return losses.termValues();
        }
    }

    @Test
    void eachObjectiveMovesOnlyItsOwnGroup() {
        try (NDManager m = Torch.newManager()) {
            ModelSpec spec = Methods.spec("factor-vae", new int[] {1, 64, 64}, 4, Likelihood.BERNOULLI, Map.of());
            try (Model model = Methods.create(spec, m, 3)) {
                List<ParameterGroup> groups = model.parameterGroups(OptimizerSettings.adam(1e-4));
                assertEquals(List.of(Model.MAIN_GROUP, DiscriminatorTcTerm.GROUP), groups.stream().map(ParameterGroup::name).toList());
                assertEquals(DiscriminatorTcTerm.OPTIMIZER, groups.get(1).optimizer());
                assertTrue(groups.get(1).parameterNames().stream().allMatch(n -> n.startsWith("discriminator/")));
                assertTrue(groups.get(0).parameterNames().stream().noneMatch(n -> n.startsWith("discriminator/")));

                zeroGradients(model);
                Map<String, Float> terms = backward(model, m, Model.MAIN_GROUP);
                assertEquals(0.0, maxGradient(model, "discriminator"), "the VAE objective (with γ·TC) moved the discriminator");
                assertTrue(maxGradient(model, "encoder") > 0, "the VAE objective should move the encoder");
                for (String t : List.of("recon", "kl", "tc", "disc_loss", "disc_accuracy", "loss")) {
                    assertTrue(terms.containsKey(t) && Float.isFinite(terms.get(t)), t + " in " + terms);
                }
                float accuracy = terms.get("disc_accuracy");
                assertTrue(accuracy >= 0 && accuracy <= 1, "accuracy " + accuracy);

                zeroGradients(model);
                backward(model, m, DiscriminatorTcTerm.GROUP);
                assertEquals(0.0, maxGradient(model, "encoder", "decoder"), "the discriminator objective moved the VAE");
                assertTrue(maxGradient(model, "discriminator") > 0, "the discriminator objective should move the discriminator");
            }
        }
    }

    @Test
    void aStepLeavesNothingInTheModelsManager() {
        try (NDManager m = Torch.newManager()) {
            ModelSpec spec = Methods.spec("factor-vae", new int[] {1, 64, 64}, 4, Likelihood.BERNOULLI, Map.of());
            try (Model model = Methods.create(spec, m, 3)) {
                backward(model, m, Model.MAIN_GROUP);
                int before = model.manager().getManagedArrays().size();
                backward(model, m, Model.MAIN_GROUP);
                backward(model, m, DiscriminatorTcTerm.GROUP);
                assertEquals(before, model.manager().getManagedArrays().size());
            }
        }
    }
}
