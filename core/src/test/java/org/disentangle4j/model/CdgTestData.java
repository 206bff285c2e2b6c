package org.disentangle4j.model;

import java.util.List;
import java.util.Map;
import org.disentangle4j.data.CausalGraph;
import org.disentangle4j.data.FactorSpace;

/**
 * A tiny pendulum-shaped structure for tests: factors a, b, c, d; graph a → c, b → c, c → d;
 * blocks {a}, {b}, {c, d}; 1×8×8 observations whose rows 0:2, 2:5, 5:8 are the blocks' masks.
 */
final class CdgTestData {
    static final int[] SHAPE = {1, 8, 8};

    private CdgTestData() {}

    static CausalGraph graph() {
        boolean[][] a = new boolean[4][4];
        a[0][2] = true;
        a[1][2] = true;
        a[2][3] = true;
        return new CausalGraph(a);
    }

    static float[][] masks() {
        int[][] rows = {{0, 2}, {2, 5}, {5, 8}};
        float[][] m = new float[3][64];
        for (int b = 0; b < 3; b++) {
            for (int r = rows[b][0]; r < rows[b][1]; r++) for (int c = 0; c < 8; c++) m[b][r * 8 + c] = 1f;
        }
        return m;
    }

    static DatasetFacts facts() {
        double[] levels = FactorSpace.linspace(0, 1, 5, true);
        FactorSpace space = new FactorSpace(List.of("a", "b", "c", "d"), new double[][] {levels, levels, levels, levels});
        return new DatasetFacts(space, graph(), new int[][] {{0}, {1}, {2, 3}}, masks());
    }

    static ModelSpec spec(String mechanism, String decoder) {
        Map<String, Double> given = Map.of("mechanism", mechanism.equals("linear") ? 0.0 : 1.0, "decoder", decoder.equals("blocks") ? 0.0 : 1.0);
        return Methods.spec("cdg-vae", SHAPE, 4, Likelihood.GAUSSIAN, given, facts());
    }
}
