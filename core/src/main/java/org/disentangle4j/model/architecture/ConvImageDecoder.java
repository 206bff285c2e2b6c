package org.disentangle4j.model.architecture;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.util.Pair;
import java.util.List;
import org.disentangle4j.model.DecoderLayerHook;
import org.disentangle4j.model.ModelSpec;
import org.disentangle4j.nn.ConvDecoder;

/**
 * disentanglement_lib's decoder of codes to 64×64 logits ({@link ConvDecoder}, sub-pixel
 * upsampling); every layer can be intervened on by its name.
 */
public final class ConvImageDecoder implements Decoder {
    private final SequentialBlock network;
    private final Networks networks;

    public ConvImageDecoder(ModelSpec spec, Networks networks) {
        int[] obs = ImageShapes.require64(spec, "the convolutional decoder");
        this.networks = networks;
        this.network = networks.add("decoder", new ConvDecoder(obs[0]), new Shape(1, spec.latentDim()));
    }

    /** The network, for counting its operations and running a range of its layers. */
    public SequentialBlock network() {
        return network;
    }

    @Override
    public NDArray decode(NDArray input, boolean training) {
        return networks.forward(network, input, training);
    }

    @Override
    public List<String> layers() {
        return network.getChildren().keys();
    }

    @Override
    public NDArray decode(NDArray input, boolean training, DecoderLayerHook hook) {
        NDArray x = input;
        int index = 0;
        for (Pair<String, Block> child : network.getChildren()) {
            Block layer = child.getValue();
            x = hook.apply(index++, child.getKey(), layer, x, in -> networks.forward(layer, in, training));
        }
        return x;
    }
}
