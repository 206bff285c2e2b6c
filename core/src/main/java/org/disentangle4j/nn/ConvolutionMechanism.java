package org.disentangle4j.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;

/**
 * A decoder layer whose mechanism is a convolution (issue 15): its kernel can be read (spectral
 * independence, its regulariser) and replaced (layer interventions, e.g. a stretched kernel),
 * with everything else the layer does (bias, rearrangement) kept.
 */
public interface ConvolutionMechanism {

    /** The kernel parameter, (C_out, C_in, k_h, k_w). */
    Parameter kernel();

    /**
     * The layer's output on {@code input} (B, C_in, H, W) with {@code kernel} (C_out, C_in, k_h', k_w')
     * in place of its own, both sizes odd, "same" padding ((k − 1)/2 each side), its own bias.
     */
    NDArray forwardWithKernel(NDArray input, NDArray kernel);
}
