package org.disentangle4j.model.architecture;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import org.disentangle4j.model.ModelSpec;
import org.disentangle4j.nn.AutoencoderEncoder;

/** The additive-decoder paper's encoder of 64×64 images to a batch-normalised code ({@link AutoencoderEncoder}); deterministic. */
public final class ConvCodeEncoder implements Encoder {
    private final Block network;
    private final Networks networks;

    public ConvCodeEncoder(ModelSpec spec, Networks networks) {
        int[] obs = ImageShapes.require64(spec, "the autoencoder's encoder");
        this.networks = networks;
        // a batch of 2: batch normalisation needs more than one row to initialise
        this.network = networks.add("encoder", new AutoencoderEncoder(spec.latentDim()), new Shape(2, obs[0], obs[1], obs[2]));
    }

    @Override
    public boolean gaussian() {
        return false;
    }

    @Override
    public NDArray forward(NDArray observations, boolean training) {
        return networks.forward(network, observations, training);
    }
}
