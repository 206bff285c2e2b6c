package org.disentangle4j.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import java.util.function.UnaryOperator;

/**
 * What runs in place of each decoder layer in {@link Model#decode(NDArray, boolean, DecoderLayerHook)}:
 * a layer intervention replaces one layer's mechanism and calls {@code original} for the others;
 * a probe records what enters a layer (spectral independence) and calls {@code original}.
 */
@FunctionalInterface
public interface DecoderLayerHook {

    /**
     * @param index the layer's position in {@link InterventionTargets#decoderLayers()}, from 0
     * @param name its name there
     * @param layer the layer's block (e.g. an {@code nn.ConvolutionMechanism})
     * @param input what enters it
     * @param original the layer itself
     * @return what leaves it
     */
    NDArray apply(int index, String name, Block layer, NDArray input, UnaryOperator<NDArray> original);

    /** Every layer as it is. */
    DecoderLayerHook IDENTITY = (index, name, layer, input, original) -> original.apply(input);
}
