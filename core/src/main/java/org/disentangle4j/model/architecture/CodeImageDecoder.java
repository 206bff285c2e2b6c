package org.disentangle4j.model.architecture;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import org.disentangle4j.model.ModelSpec;
import org.disentangle4j.nn.AutoencoderDecoder;

/** The additive-decoder paper's non-additive decoder ({@link AutoencoderDecoder}: MLP with batch norm, then upsampling), images without an output activation. */
public final class CodeImageDecoder implements Decoder {
    private final Block network;
    private final Networks networks;

    public CodeImageDecoder(ModelSpec spec, Networks networks) {
        ImageShapes.require64(spec, "the autoencoder's decoder");
        this.networks = networks;
        this.network = networks.add("decoder", new AutoencoderDecoder(spec.channels()), new Shape(2, spec.latentDim()));
    }

    @Override
    public NDArray decode(NDArray input, boolean training) {
        return networks.forward(network, input, training);
    }
}
