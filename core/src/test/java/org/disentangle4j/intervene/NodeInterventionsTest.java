package org.disentangle4j.intervene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.disentangle4j.data.CausalGraph;
import org.disentangle4j.data.FactorSpace;
import org.disentangle4j.data.GroundTruthDataset;
import org.disentangle4j.io.UserInputException;
import org.disentangle4j.model.DatasetFacts;
import org.disentangle4j.model.Likelihood;
import org.disentangle4j.model.Methods;
import org.disentangle4j.model.Model;
import org.disentangle4j.nn.Torch;
import org.junit.jupiter.api.Test;

/** do(node = v) on a cdg-vae over a tiny table: a → c, b → c, c → d; columns x0 (a), x1 (b), x2..x5 (c, d). */
class NodeInterventionsTest {

    static final class Table implements GroundTruthDataset {
        private final FactorSpace space;

        Table() {
            double[] levels = FactorSpace.linspace(0, 1, 5, true);
            space = new FactorSpace(List.of("a", "b", "c", "d"), new double[][] {levels, levels, levels, levels});
        }

        @Override
        public String name() {
            return "tiny-table";
        }

        @Override
        public FactorSpace factors() {
            return space;
        }

        @Override
        public int[] observationShape() {
            return new int[] {6};
        }

        @Override
        public void render(int[] f, float[] out, int offset) {
            float[] x = {f[0] / 4f, f[1] / 4f, f[2] / 4f, f[3] / 4f, f[2] / 8f, f[3] / 8f};
            System.arraycopy(x, 0, out, offset, 6);
        }

        @Override
        public Optional<int[][]> latentBlocks() {
            return Optional.of(new int[][] {{0}, {1}, {2, 3}});
        }

        @Override
        public Optional<float[][]> blockMasks() {
            return Optional.of(new float[][] {{1, 0, 0, 0, 0, 0}, {0, 1, 0, 0, 0, 0}, {0, 0, 1, 1, 1, 1}});
        }

        @Override
        public Optional<CausalGraph> causalGraph() {
            boolean[][] g = new boolean[4][4];
            g[0][2] = true;
            g[1][2] = true;
            g[2][3] = true;
            return Optional.of(new CausalGraph(g));
        }
    }

    @Test
    void onATableOnlyTheNodesAndItsDescendantsColumnsMove() {
        Table table = new Table();
        try (NDManager root = Torch.newManager();
                Model model = Methods.create(Methods.spec("cdg-vae", new int[] {6}, 4, Likelihood.GAUSSIAN, Map.of(), DatasetFacts.of(table)), root, 1)) {
            int a = NodeInterventions.node(model, "a");
            double[] values = NodeInterventions.values(model, table, 3, a, null);
            assertEquals(7, values.length);
            assertTrue(values[0] < values[6], values[0] + " … " + values[6]);
            double[][] change = NodeInterventions.columnChange(model, table, 3, a, values);
            for (double[] row : change) {
                assertEquals(0.0, row[1], "b's column does not move under do(a)");
                for (int c : new int[] {0, 2, 3, 4, 5}) assertTrue(row[c] > 0, "column " + c + " moves");
            }
            int b = NodeInterventions.node(model, "b");
            for (double[] row : NodeInterventions.columnChange(model, table, 3, b, new double[] {-1, 2})) assertEquals(0.0, row[0]);
            String csv = NodeInterventions.csv("a", new double[] {0.5}, new double[][] {{0, 0.25}});
            assertEquals("a,x0,x1\n0.500000,0.00000,0.250000\n", csv);
        }
    }

    @Test
    void anUnknownNodeIsOneLineNamingTheKnownOnes() {
        Table table = new Table();
        try (NDManager root = Torch.newManager();
                Model model = Methods.create(Methods.spec("cdg-vae", new int[] {6}, 4, Likelihood.GAUSSIAN, Map.of(), DatasetFacts.of(table)), root, 1)) {
            UserInputException e = assertThrows(UserInputException.class, () -> NodeInterventions.node(model, "sun"));
            assertEquals("--node: unknown latent node 'sun'; the model's latent nodes are: a, b, c, d", e.getMessage());
        }
        UserInputException e = assertThrows(UserInputException.class, () -> NodeInterventions.parseValues("1,x"));
        assertEquals("--values: expected numbers separated by commas, e.g. -1,0,1; got '1,x'", e.getMessage());
    }
}
