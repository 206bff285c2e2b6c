package org.disentangle4j.metrics;

/**
 * What the reconstruction metrics see of a model: observations in, the model's reconstructions
 * of them out (for autoencoders and VAEs the decoding of the code that {@link RepresentationFunction}
 * gives, in inference mode). Metrics never see anything else of a model.
 */
@FunctionalInterface
public interface ReconstructionFunction {

    /**
     * @param observations {@code count} observations laid out one after another, each of the
     *     dataset's {@code observationSize()} floats
     * @return the reconstructions in the same layout: {@code count · observationSize()} floats
     */
    float[] reconstruct(float[] observations, int count);
}
