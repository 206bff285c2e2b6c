package org.disentangle4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.disentangle4j.data.CausalGraph;
import org.junit.jupiter.api.Test;

class CausalLayerTest {

    private static CausalLayer layer(NDManager m, boolean[][] adjacency, CausalLayer.Mechanism mechanism) {
        CausalLayer layer = new CausalLayer(new CausalGraph(adjacency), mechanism, 5);
        layer.initialize(m, DataType.FLOAT32, new Shape(1, adjacency.length));
        return layer;
    }

    @Test
    void chainIsTheInverseOfIMinusBTransposedByHand() {
        try (NDManager m = Torch.newManager()) {
            boolean[][] chain = new boolean[3][3];
            chain[0][1] = true;
            chain[1][2] = true;
            CausalLayer layer = layer(m, chain, CausalLayer.Mechanism.LINEAR);
            // (I − Bᵀ)⁻¹ for the chain 0 → 1 → 2 (in-degree 1 each): lower triangular ones, so
            // e = (ε0, ε0 + ε1, ε0 + ε1 + ε2); rows (1, 2, 3) and (−1, 0.5, 4)
            NDArray eps = m.create(new float[] {1, 2, 3, -1, 0.5f, 4}, new Shape(2, 3));
            assertArrayEquals(new float[] {1, 3, 6, -1, -0.5f, 3.5f}, layer.endogenous(eps).toFloatArray(), 1e-6f);
            // f(e) = a·e + b with a = (2, 3, 4), b = (1, 0, −1)
            layer.getParameters().get("scale").getArray().set(new float[] {2, 3, 4});
            layer.getParameters().get("shift").getArray().set(new float[] {1, 0, -1});
            NDArray z = layer.mechanisms(new ParameterStore(m, false), layer.endogenous(eps), false);
            assertArrayEquals(new float[] {3, 9, 23, -1, -1.5f, 13}, z.toFloatArray(), 1e-5f);
        }
    }

    @Test
    void aColliderIsTheMeanOfItsParentsPlusItsNoise() {
        try (NDManager m = Torch.newManager()) {
            boolean[][] collider = new boolean[3][3];
            collider[0][2] = true;
            collider[1][2] = true;
            CausalLayer layer = layer(m, collider, CausalLayer.Mechanism.LINEAR);
            assertEquals(0.5, layer.weights()[0][2]);
            NDArray eps = m.create(new float[] {2, 4, 1}, new Shape(1, 3));
            assertArrayEquals(new float[] {2, 4, 4}, layer.endogenous(eps).toFloatArray(), 1e-6f); // 1 + (2 + 4)/2
        }
    }

    @Test
    void planarFlowIsInvertible() {
        try (NDManager m = Torch.newManager()) {
            CausalLayer layer = layer(m, new boolean[3][3], CausalLayer.Mechanism.PLANAR);
            // strong flows: w·u far below −1 before the constraint (node 1), large positive (node 2)
            layer.getParameters().get("w").getArray().set(new float[] {0.3f, 2f, 1.5f});
            layer.getParameters().get("bias").getArray().set(new float[] {-0.2f, 0.5f, 0.1f});
            layer.getParameters().get("u").getArray().set(new float[] {0.7f, -3f, 4f});
            float[] e = new float[3 * 200];
            java.util.SplittableRandom random = new java.util.SplittableRandom(1);
            for (int i = 0; i < e.length; i++) e[i] = (float) (3 * random.nextGaussian());
            float[] z = layer.mechanisms(new ParameterStore(m, false), m.create(e, new Shape(200, 3)), false).toFloatArray();
            double[][] p = layer.hostParameters();
            double worst = 0;
            for (int i = 0; i < 200; i++) {
                for (int j = 0; j < 3; j++) {
                    assertEquals(z[i * 3 + j], layer.forward(p, j, e[i * 3 + j]), 1e-4 * Math.max(1, Math.abs(z[i * 3 + j])));
                    // the inverse of the engine's flow (the host forward agrees with it above) in double precision: node 1's
                    // flow is nearly flat (w·û = −0.9975), so the float rounding of z would be magnified 400 times
                    worst = Math.max(worst, Math.abs(layer.inverse(p, j, layer.forward(p, j, e[i * 3 + j])) - e[i * 3 + j]));
                }
            }
            assertEquals(0, worst, 1e-5, "largest |f⁻¹(f(e)) − e|");
            for (int j = 0; j < 3; j++) assertEquals(true, p[0][j] * p[2][j] > -1, "w·û > −1 at node " + j);
        }
    }
}
