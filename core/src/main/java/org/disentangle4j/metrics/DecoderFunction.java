package org.disentangle4j.metrics;

/**
 * What the reconstruction metrics see of a model: codes in (as its {@link RepresentationFunction}
 * gives them), images out, in inference mode. A model's reconstruction of an observation x is
 * {@code decode(represent(x))}: for autoencoders the decoded code, for VAEs the decoded posterior
 * mean. Taking codes rather than observations lets a metric encode each observation once for its
 * codes and its reconstruction. Metrics never see anything else of a model.
 */
@FunctionalInterface
public interface DecoderFunction {

    /**
     * @param codes {@code [count][numDims]}, as the representation gave them
     * @return {@code count} images laid out one after another, each of the dataset's
     *     {@code observationSize()} floats
     */
    float[] decode(double[][] codes);
}
