package org.disentangle4j.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;
import org.disentangle4j.data.FactorSampler;
import org.disentangle4j.data.GroundTruthDataset;

/**
 * What a figure is drawn from: the dataset of the run, a manager whose sub-managers hold the
 * figure's temporaries, and the seed every random choice of the figure derives from (so the same
 * run gives the same pictures).
 */
public record FigureInputs(GroundTruthDataset dataset, NDManager parent, long seed) {
    public FigureInputs {
        if (dataset.observationShape().length != 3) {
            throw new IllegalArgumentException("figures need image observations, got " + Arrays.toString(dataset.observationShape()));
        }
    }

    /** {@code count} observations of the training distribution, drawn for {@code purpose} (each purpose its own draw). */
    public float[] render(int count, long purpose) {
        SplittableRandom random = new SplittableRandom(Seeds.mix(seed, Seeds.FIGURES, purpose));
        return dataset.render(dataset.sampleFactors(count, random));
    }

    /** {@code count} observations of the dataset's out-of-support set, drawn for {@code purpose}; empty when it has none. */
    public Optional<float[]> renderOutOfSupport(int count, long purpose) {
        Optional<FactorSampler> sampler = dataset.outOfSupport();
        if (sampler.isEmpty()) return Optional.empty();
        SplittableRandom random = new SplittableRandom(Seeds.mix(seed, Seeds.FIGURES, purpose));
        return Optional.of(dataset.render(sampler.get().sample(count, random)));
    }

    /** The first {@code count} observations of {@code pixels} as a (count, C, H, W) array in {@code m}. */
    public NDArray batch(NDManager m, float[] pixels, int count) {
        int[] shape = dataset.observationShape();
        int size = dataset.observationSize();
        float[] first = pixels.length == count * size ? pixels : Arrays.copyOf(pixels, count * size);
        return m.create(first, new Shape(count, shape[0], shape[1], shape[2]));
    }
}
