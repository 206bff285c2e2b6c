package org.disentangle4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.util.List;
import java.util.Map;
import org.disentangle4j.model.objective.InfoMaxTerm;
import org.disentangle4j.nn.Torch;
import org.junit.jupiter.api.Test;

/** The InfoMax baseline's term: the NWJ bound's closed form for a constant critic, its own group, its place in the loss. */
class InfoMaxTermTest {

    @Test
    void aConstantCriticGivesTheBoundsClosedFormAndTheTermHasItsOwnGroup() {
        ModelSpec spec = Methods.spec("cdg-infomax", CdgTestData.SHAPE, 4, Likelihood.GAUSSIAN, Map.of(), CdgTestData.facts());
        try (NDManager root = Torch.newManager(); Model model = Methods.create(spec, root, 3); NDManager m = model.manager().newSubManager()) {
            // every weight of the critic 0 and its output bias c: T ≡ c, so MI = −(c − exp(c − 1))
            float c = 0.25f;
            for (Map.Entry<String, Parameter> p : model.namedParameters().entrySet()) {
                if (!p.getKey().startsWith(InfoMaxTerm.GROUP + "/")) continue;
                p.getValue().getArray().set(new ai.djl.ndarray.index.NDIndex("..."), 0f);
            }
            List<String> biases = model.namedParameters().keySet().stream()
                    .filter(k -> k.startsWith(InfoMaxTerm.GROUP + "/") && k.endsWith("bias")).sorted().toList();
            model.namedParameters().get(biases.get(biases.size() - 1)).getArray().set(new ai.djl.ndarray.index.NDIndex("..."), c);
            int[][] factors = {{0, 1, 2, 3}, {1, 0, 3, 2}, {2, 2, 1, 0}, {3, 3, 0, 1}};
            Batch batch = new Batch(m.randomUniform(0, 1, new Shape(4, 1, 8, 8)), factors);
            Losses losses = model.losses(batch, new StepContext(0, m, 5, true));
            assertEquals(-(c - Math.exp(c - 1)), losses.term("mi").getFloat(), 1e-6);
            assertEquals(List.of(InfoMaxTerm.GROUP, Model.MAIN_GROUP), List.copyOf(losses.objectives().keySet()));
            // recon + β·KL, then the penalties in order: λ·align + γ·mi, γ = 5
            double expected = losses.term("recon").getFloat() + 0.1 * losses.term("kl").getFloat() + 5 * losses.term("align").getFloat()
                    + 5 * losses.term("mi").getFloat();
            assertEquals(expected, losses.term("loss").getFloat(), 1e-3 * Math.abs(expected));
            List<ParameterGroup> groups = model.parameterGroups(OptimizerSettings.adam(1e-3));
            assertEquals(InfoMaxTerm.OPTIMIZER, groups.get(1).optimizer());
            assertTrue(groups.get(1).parameterNames().stream().allMatch(n -> n.startsWith(InfoMaxTerm.GROUP + "/")));
            assertTrue(groups.get(0).parameterNames().stream().noneMatch(n -> n.startsWith(InfoMaxTerm.GROUP + "/")));
        }
    }
}
