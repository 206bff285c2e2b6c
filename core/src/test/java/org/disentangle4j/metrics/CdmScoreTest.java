package org.disentangle4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.disentangle4j.data.CausalGraph;
import org.junit.jupiter.api.Test;

/**
 * CDM on a hand-built generative model whose blocks are known: factors a, b, c, d with a → c,
 * b → c, c → d, blocks {a}, {b}, {c, d}. Codes are the noise ε; nodes z_a = ε_a, z_b = ε_b,
 * z_c = ε_c + (z_a + z_b)/2, z_d = ε_d + z_c. The "image" has one pixel per block, pixel 0 =
 * σ(z_a), pixel 1 = σ(z_b + leak·z_a), pixel 2 = σ(z_c + z_d); the classifier of a reads pixel 0,
 * of b pixel 1, of c and d pixel 2.
 */
class CdmScoreTest {
    private static final List<String> FACTORS = List.of("a", "b", "c", "d");

    private static CausalGraph causalGraph() {
        boolean[][] g = new boolean[4][4];
        g[0][2] = true;
        g[1][2] = true;
        g[2][3] = true;
        return new CausalGraph(g);
    }

    private static double[] nodes(double[] eps) {
        double a = eps[0], b = eps[1], c = eps[2] + (a + b) / 2, d = eps[3] + c;
        return new double[] {a, b, c, d};
    }

    private static final LatentInterventions INTERVENTIONS = new LatentInterventions() {
        @Override
        public List<String> nodeNames() {
            return FACTORS;
        }

        @Override
        public Optional<CausalGraph> graph() {
            return Optional.of(causalGraph());
        }

        @Override
        public double[][] nodeValues(double[][] codes) {
            double[][] out = new double[codes.length][];
            for (int i = 0; i < codes.length; i++) out[i] = nodes(codes[i]);
            return out;
        }

        @Override
        public double[][] intervene(double[][] codes, int node, double[] values) {
            double[][] out = new double[codes.length][];
            for (int i = 0; i < codes.length; i++) {
                double[] z = nodes(codes[i]);
                double parents = node == 2 ? (z[0] + z[1]) / 2 : node == 3 ? z[2] : 0;
                out[i] = codes[i].clone();
                out[i][node] = values[i] - parents;
            }
            return out;
        }
    };

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    private static DecoderFunction decoder(double leak) {
        return codes -> {
            float[] images = new float[codes.length * 3];
            for (int i = 0; i < codes.length; i++) {
                double[] z = nodes(codes[i]);
                images[i * 3] = (float) sigmoid(z[0]);
                images[i * 3 + 1] = (float) sigmoid(z[1] + leak * z[0]);
                images[i * 3 + 2] = (float) sigmoid(z[2] + z[3]);
            }
            return images;
        };
    }

    private static final CdmScore.Scorer SCORER = (images, count) -> {
        double[][] s = new double[count][];
        for (int i = 0; i < count; i++) s[i] = new double[] {images[i * 3], images[i * 3 + 1], images[i * 3 + 2], images[i * 3 + 2]};
        return s;
    };

    private static Map<String, Double> score(double leak, List<String> notes) {
        SplittableRandom random = new SplittableRandom(4);
        double[][] codes = new double[300][4];
        for (double[] row : codes) for (int j = 0; j < 4; j++) row[j] = random.nextGaussian();
        return CdmScore.score(codes, INTERVENTIONS, decoder(leak), SCORER, FACTORS, Optional.of(causalGraph()),
                Optional.of(new int[][] {{0}, {1}, {2, 3}}), notes, ProgressListener.NONE);
    }

    @Test
    void aBlockSeparableDecoderIsPerfectlyRobust() {
        List<String> notes = new ArrayList<>();
        Map<String, Double> r = score(0, notes);
        // non-descendants in other blocks: a ⟂ b, and a, b under do(c), do(d)
        for (String pair : List.of("b_a", "a_b", "a_c", "b_c", "a_d", "b_d")) assertEquals(0.0, r.get("cdm_L_" + pair), pair);
        assertEquals(0.0, r.get(CdmScore.ROBUSTNESS));
        assertEquals("cdm pairs are (measured factor, intervened node); interventional robustness, lower is better: "
                + "(b, a) (a, b) (a, c) (b, c) (a, d) (b, d)", notes.get(0));
        assertTrue(notes.get(1).endsWith("(a, a) (c, a) (d, a) (b, b) (c, b) (d, b) (c, c) (d, c) (d, d)"), notes.get(1));
        assertTrue(r.get("cdm_L_a_a") > 0.3, "do(a) from its min to its max moves a's score: " + r.get("cdm_L_a_a"));
        assertTrue(r.get("cdm_L_c_a") > 0.1, "and its descendant c's: " + r.get("cdm_L_c_a"));
        assertTrue(r.get(CdmScore.GENERATIVENESS) > 0.1);
        for (Map.Entry<String, Double> e : r.entrySet()) {
            if (e.getKey().startsWith("cdm_L_")) {
                assertTrue(r.get("cdm_U_" + e.getKey().substring(6)) >= e.getValue() - 1e-12, "CDM_U ≥ CDM_L: " + e.getKey());
            }
        }
    }

    @Test
    void aDecoderThatLeaksOneBlockIntoAnotherIsNot() {
        Map<String, Double> r = score(0.5, new ArrayList<>());
        assertTrue(r.get("cdm_L_b_a") > 0.05, "do(a) moves b's pixel: " + r.get("cdm_L_b_a"));
        assertEquals(0.0, r.get("cdm_L_a_b"));
        assertTrue(r.get(CdmScore.ROBUSTNESS) > 0);
    }
}
