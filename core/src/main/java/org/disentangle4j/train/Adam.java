package org.disentangle4j.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.disentangle4j.model.OptimizerSettings;

/**
 * Adam for one parameter group, TensorFlow's formulation (as used by disentanglement_lib):
 * θ ← θ − lr·√(1−β2ᵗ)/(1−β1ᵗ) · m / (√v + ε).
 *
 * <p>The update itself is the engine's fused kernel, which also zeroes the gradient. The moment
 * estimates are ordinary arrays owned by the model's manager, so they can be checkpointed and
 * restored: a resumed run continues with exactly the optimiser state it stopped with.
 */
public final class Adam {
    private final OptimizerSettings settings;
    private final Map<String, Parameter> parameters;
    private final Map<String, NDArray> firstMoments = new LinkedHashMap<>();
    private final Map<String, NDArray> secondMoments = new LinkedHashMap<>();

    public Adam(OptimizerSettings settings, Map<String, Parameter> parameters, NDManager stateManager) {
        this.settings = settings;
        this.parameters = new LinkedHashMap<>(parameters);
        for (Map.Entry<String, Parameter> p : this.parameters.entrySet()) {
            NDArray w = p.getValue().getArray();
            firstMoments.put(p.getKey(), stateManager.zeros(w.getShape(), w.getDataType()));
            secondMoments.put(p.getKey(), stateManager.zeros(w.getShape(), w.getDataType()));
        }
    }

    /** Applies update number {@code t} (1-based) from the gradients left by the last backward pass. */
    public void update(long t, NDManager stepManager) {
        float lr = (float) settings.learningRate();
        float biasCorrected = (float) (lr * Math.sqrt(1 - Math.pow(settings.beta2(), t)) / (1 - Math.pow(settings.beta1(), t)));
        Map<String, NDArray> gradients = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> p : parameters.entrySet()) {
            NDArray g = p.getValue().getArray().getGradient();
            g.attach(stepManager); // a fresh handle each call; the step closes it
            gradients.put(p.getKey(), g);
        }
        float rescale = settings.clipNorm() > 0 ? clipScale(gradients.values(), (float) settings.clipNorm()) : 1f;
        for (Map.Entry<String, Parameter> p : parameters.entrySet()) {
            String name = p.getKey();
            NDArray w = p.getValue().getArray();
            w.getNDArrayInternal().adamUpdate(
                    new NDList(w, gradients.get(name), firstMoments.get(name), secondMoments.get(name)),
                    new NDList(w),
                    lr, biasCorrected, (float) settings.weightDecay(), rescale, -1f,
                    (float) settings.beta1(), (float) settings.beta2(), (float) settings.epsilon(),
                    true, false);
        }
    }

    /** Factor that scales the gradients' global L2 norm down to {@code maxNorm} (1 if already below). */
    private static float clipScale(Iterable<NDArray> gradients, float maxNorm) {
        double squares = 0;
        for (NDArray g : gradients) {
            try (NDArray s = g.square().sum()) {
                squares += s.getFloat();
            }
        }
        double norm = Math.sqrt(squares);
        return norm > maxNorm ? (float) (maxNorm / norm) : 1f;
    }

    /** The optimiser state by "m/param" and "v/param", for checkpoints. */
    public Map<String, NDArray> state() {
        Map<String, NDArray> state = new LinkedHashMap<>();
        firstMoments.forEach((k, v) -> state.put("m/" + k, v));
        secondMoments.forEach((k, v) -> state.put("v/" + k, v));
        return state;
    }
}
