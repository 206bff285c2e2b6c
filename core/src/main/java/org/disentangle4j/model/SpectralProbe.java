package org.disentangle4j.model;

import ai.djl.ndarray.NDArray;
import java.util.List;
import org.disentangle4j.nn.ConvolutionMechanism;
import org.disentangle4j.nn.SpectralIndependence;

/**
 * The independence regulariser's view of a decoder (issue 15): a {@link DecoderLayerHook} that
 * records, for every convolutional layer ({@link ConvolutionMechanism}), what enters it and its
 * kernel, and the penalty Σ_k (log ρ_k)² of what it recorded.
 *
 * <p>Design: the penalty reaches the kernels only; the recorded inputs are cut from the graph
 * ({@code stopGradient}), so a layer is made generic with respect to what it receives rather than
 * the layers before being pushed to feed it a spectrum that suits its kernel. The input spectrum
 * includes the maps' mean (the definition's S_x, frequency (0, 0) included).
 */
public final class SpectralProbe {
    private SpectralProbe() {}

    /** A hook that runs every layer as it is and adds {input, kernel} of each convolutional one to {@code into}. */
    public static DecoderLayerHook collecting(List<NDArray[]> into) {
        return (index, name, layer, input, original) -> {
            if (layer instanceof ConvolutionMechanism conv) into.add(new NDArray[] {input, conv.kernel().getArray()});
            return original.apply(input);
        };
    }

    /** Σ_k (log ρ_k)² of the recorded layers, a scalar in the inputs' manager (differentiable in the kernels). */
    public static NDArray penalty(List<NDArray[]> recorded) {
        if (recorded.isEmpty()) throw new IllegalStateException("the decoder has no convolutional layer for --im-weight");
        NDArray sum = null;
        for (NDArray[] layer : recorded) {
            NDArray logRho = SpectralIndependence.of(layer[0].stopGradient(), layer[1]).layer().log();
            NDArray term = logRho.square();
            sum = sum == null ? term : sum.add(term);
        }
        return sum;
    }
}
