package org.disentangle4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.util.Map;
import org.disentangle4j.model.OptimizerSettings;
import org.disentangle4j.nn.Torch;
import org.junit.jupiter.api.Test;

class AdamTest {

    /** loss = Σ c·w, so the gradient is c at every step. */
    private static void backward(Parameter w, float[] c, NDManager m) {
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            gc.backward(w.getArray().mul(m.create(c)).sum());
        }
    }

    private static Parameter parameter(NDManager m, float[] values) {
        Parameter p = Parameter.builder().setName("w").setType(Parameter.Type.WEIGHT).optShape(new Shape(values.length)).build();
        p.setInitializer((manager, shape, type) -> manager.create(values));
        p.initialize(m, ai.djl.ndarray.types.DataType.FLOAT32);
        return p;
    }

    @Test
    void threeStepsFollowTheTensorFlowFormula() {
        try (NDManager m = Torch.newManager()) {
            float[] w0 = {1f, -2f, 0.5f};
            float[] c = {0.3f, -4f, 1e-3f};
            Parameter w = parameter(m, w0);
            double lr = 0.01, b1 = 0.9, b2 = 0.999, eps = 1e-8;
            Adam adam = new Adam(OptimizerSettings.adam(lr), Map.of("w", w), m);
            double[] expected = {w0[0], w0[1], w0[2]};
            double[] mom = new double[3], vel = new double[3];
            for (int t = 1; t <= 3; t++) {
                backward(w, c, m);
                try (NDManager step = m.newSubManager()) {
                    adam.update(t, step);
                }
                double lrT = lr * Math.sqrt(1 - Math.pow(b2, t)) / (1 - Math.pow(b1, t));
                for (int i = 0; i < 3; i++) {
                    mom[i] = b1 * mom[i] + (1 - b1) * c[i];
                    vel[i] = b2 * vel[i] + (1 - b2) * c[i] * c[i];
                    expected[i] -= lrT * mom[i] / (Math.sqrt(vel[i]) + eps);
                }
            }
            float[] got = w.getArray().toFloatArray();
            for (int i = 0; i < 3; i++) org.junit.jupiter.api.Assertions.assertEquals(expected[i], got[i], 1e-6);
        }
    }

    @Test
    void gradientIsZeroedAfterTheUpdateSoStepsDoNotAccumulate() {
        try (NDManager m = Torch.newManager()) {
            Parameter w = parameter(m, new float[] {1f});
            Adam adam = new Adam(OptimizerSettings.adam(0.1), Map.of("w", w), m);
            backward(w, new float[] {2f}, m);
            try (NDManager step = m.newSubManager()) {
                adam.update(1, step);
            }
            try (NDArray g = w.getArray().getGradient()) {
                assertArrayEquals(new float[] {0f}, g.toFloatArray());
            }
        }
    }

    @Test
    void clippingScalesTheGlobalGradientNorm() {
        try (NDManager m = Torch.newManager()) {
            // With the gradient scaled by k, Adam's first step is unchanged up to ε, so compare the
            // second moment instead: v₁ = (1 − β2)·(k·g)², with k = clip / ‖g‖ = 1 / 5.
            Parameter w = parameter(m, new float[] {0f, 0f});
            Adam adam = new Adam(OptimizerSettings.adam(0.1).withClipNorm(1.0), Map.of("w", w), m);
            backward(w, new float[] {3f, 4f}, m);
            try (NDManager step = m.newSubManager()) {
                adam.update(1, step);
            }
            float[] v = adam.state().get("v/w").toFloatArray();
            // (1 − 0.999 in float32 is 0.00099998713, hence the tolerance)
            assertArrayEquals(new float[] {0.001f * 0.36f, 0.001f * 0.64f}, v, 1e-8f);
        }
    }
}
