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

    /**
     * What enters each convolutional layer of the decoder when these codes are decoded, with the
     * layer's kernel (spectral independence, issue 15); empty when the decoder has none or does
     * not expose its layers.
     */
    default java.util.List<ConvolutionLayerInputs> convolutionLayers(double[][] codes) {
        return java.util.List.of();
    }

    /**
     * @param name the layer's name in the decoder
     * @param inputs the feature maps that entered it, (B, C_in, H, W)
     * @param kernel its kernel, (C_out, C_in, k_h, k_w)
     */
    record ConvolutionLayerInputs(String name, double[][][][] inputs, double[][][][] kernel) {}
}
