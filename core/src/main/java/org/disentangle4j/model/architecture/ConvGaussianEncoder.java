package org.disentangle4j.model.architecture;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import org.disentangle4j.model.ModelSpec;
import org.disentangle4j.nn.ConvEncoder;

/** disentanglement_lib's convolutional encoder of 64×64 images to a diagonal Gaussian posterior ({@link ConvEncoder}). */
public final class ConvGaussianEncoder implements Encoder {
    private final SequentialBlock network;
    private final Networks networks;

    public ConvGaussianEncoder(ModelSpec spec, Networks networks) {
        int[] obs = ImageShapes.require64(spec, "the convolutional encoder");
        this.networks = networks;
        this.network = networks.add("encoder", new ConvEncoder(2 * spec.latentDim()), new Shape(1, obs[0], obs[1], obs[2]));
    }

    /** The network, for counting its operations. */
    public SequentialBlock network() {
        return network;
    }

    @Override
    public boolean gaussian() {
        return true;
    }

    @Override
    public NDArray forward(NDArray observations, boolean training) {
        return networks.forward(network, observations, training);
    }
}
