package org.disentangle4j.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.disentangle4j.nn.FreedMemory;
import org.disentangle4j.nn.Torch;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every method's gradients must not depend on what the garbage collector does between the
 * forward and the backward pass.
 *
 * <p>DJL's {@code NDArray.mul(Number)} (and div, pow, maximum, minimum) wraps the constant in a
 * tensor over a Java direct buffer and closes it at once, while autograd keeps that tensor for
 * the backward pass; a collection in between frees memory the backward pass still reads. This
 * test collects garbage and refills freed small blocks with NaN between the passes, so a model
 * that uses such an operation gets NaN or different gradients here.
 */
class AutogradMemorySafetyTest {

    static List<String> methods() {
        return Methods.all().stream().map(Method::name).toList();
    }

    @ParameterizedTest
    @MethodSource("methods")
    void gradientsDoNotDependOnGarbageCollectionBetweenForwardAndBackward(String method) throws Exception {
        Map<String, float[]> calm = gradients(method, false);
        Map<String, float[]> disturbed = gradients(method, true);
        for (Map.Entry<String, float[]> e : calm.entrySet()) {
            for (float v : e.getValue()) assertTrue(Float.isFinite(v), method + " " + e.getKey() + " has a non-finite gradient");
            assertArrayEquals(e.getValue(), disturbed.get(e.getKey()), method + " " + e.getKey());
        }
    }

    private static Map<String, float[]> gradients(String method, boolean disturb) throws Exception {
        Map<String, float[]> grads = new LinkedHashMap<>();
        try (NDManager root = Torch.newManager();
                Model model = Methods.create(Methods.spec(method, new int[] {1, 64, 64}, 4, Likelihood.BERNOULLI, Map.of()), root, 3)) {
            SplittableRandom random = new SplittableRandom(11);
            float[] pixels = new float[8 * 64 * 64];
            for (int i = 0; i < pixels.length; i++) pixels[i] = random.nextInt(4) == 0 ? 1f : 0f;
            try (NDManager step = model.manager().newSubManager();
                    GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray x = step.create(pixels, new Shape(8, 1, 64, 64));
                Losses losses = model.losses(new Batch(x, null), new StepContext(5, step, 9, true));
                NDArray total = null;
                for (NDArray objective : losses.objectives().values()) total = total == null ? objective : total.add(objective);
                if (disturb) FreedMemory.refillWithNaN();
                collector.backward(total);
            }
            model.namedParameters().forEach((name, p) -> {
                if (!p.requiresGradient()) return; // running statistics (batch normalisation) have none
                try (NDArray g = p.getArray().getGradient()) {
                    grads.put(name, g.toFloatArray());
                }
            });
        }
        return grads;
    }
}
