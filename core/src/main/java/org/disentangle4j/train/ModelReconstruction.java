package org.disentangle4j.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.Optional;
import org.disentangle4j.metrics.ReconstructionFunction;
import org.disentangle4j.model.LatentVariableModel;
import org.disentangle4j.model.Model;

/**
 * A trained model's reconstructions as the metrics see them: {@link LatentVariableModel#generate}
 * of {@link LatentVariableModel#represent} (the decoded posterior mean for VAEs, the decoded code
 * for autoencoders), in inference mode, a chunk at a time in its own scope.
 */
public final class ModelReconstruction implements ReconstructionFunction {
    private static final int CHUNK = 256;

    private final Model model;
    private final LatentVariableModel latent;
    private final int[] observationShape;

    private ModelReconstruction(Model model, LatentVariableModel latent, int[] observationShape) {
        this.model = model;
        this.latent = latent;
        this.observationShape = observationShape.clone();
    }

    /** The model's reconstructions, or empty when it has no decoder to reconstruct with. */
    public static Optional<ReconstructionFunction> of(Model model, int[] observationShape) {
        return model instanceof LatentVariableModel latent
                ? Optional.of(new ModelReconstruction(model, latent, observationShape))
                : Optional.empty();
    }

    @Override
    public float[] reconstruct(float[] observations, int count) {
        int size = Arrays.stream(observationShape).reduce(1, (a, b) -> a * b);
        float[] out = new float[count * size];
        for (int start = 0; start < count; start += CHUNK) {
            int n = Math.min(CHUNK, count - start);
            long[] dims = new long[observationShape.length + 1];
            dims[0] = n;
            for (int i = 0; i < observationShape.length; i++) dims[i + 1] = observationShape[i];
            try (NDManager m = model.manager().newSubManager()) {
                float[] chunk = Arrays.copyOfRange(observations, start * size, (start + n) * size);
                NDArray x = m.create(chunk, new Shape(dims));
                float[] images = latent.generate(latent.represent(x)).toFloatArray();
                if (images.length != n * size) {
                    throw new IllegalStateException("the model reconstructed " + images.length + " values for " + n * size);
                }
                System.arraycopy(images, 0, out, start * size, images.length);
            }
        }
        return out;
    }
}
