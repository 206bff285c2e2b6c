package org.disentangle4j.model.architecture;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import org.disentangle4j.model.ModelSpec;
import org.disentangle4j.nn.Mlps;
import org.disentangle4j.nn.AutoencoderEncoder;
import org.disentangle4j.nn.ConvEncoder;

/**
 * An encoder that is one network, registered as {@code encoder}: disentanglement_lib's
 * convolutional one or CDG-VAE's MLP to a diagonal Gaussian, or the additive-decoder paper's
 * convolutional one to a batch-normalised code.
 */
public final class NetworkEncoder implements Encoder {
    private final Block network;
    private final Networks networks;
    private final boolean gaussian;

    private NetworkEncoder(Networks networks, Block network, Shape inputShape, boolean gaussian) {
        this.networks = networks;
        this.network = networks.add("encoder", network, inputShape);
        this.gaussian = gaussian;
    }

    /** disentanglement_lib's convolutional encoder of 64×64 images ({@link ConvEncoder}) to a Gaussian posterior. */
    public static NetworkEncoder convGaussian(ModelSpec spec, Networks networks) {
        int[] obs = ImageShapes.require64(spec, "the convolutional encoder");
        return new NetworkEncoder(networks, new ConvEncoder(2 * spec.latentDim()), new Shape(1, obs[0], obs[1], obs[2]), true);
    }

    /** An {@link Mlps MLP} (300-300 ELU) on the flattened observation to a Gaussian posterior: CDG-VAE's, and any method's on vectors. */
    public static NetworkEncoder mlpGaussian(ModelSpec spec, Networks networks) {
        return new NetworkEncoder(networks, Mlps.of(2 * spec.latentDim()), new Shape(1, ImageShapes.size(spec.observationShape())), true);
    }

    /** The additive-decoder paper's encoder of 64×64 images to a batch-normalised code ({@link AutoencoderEncoder}); deterministic. */
    public static NetworkEncoder convCodes(ModelSpec spec, Networks networks) {
        int[] obs = ImageShapes.require64(spec, "the autoencoder's encoder");
        // a batch of 2: batch normalisation needs more than one row to initialise
        return new NetworkEncoder(networks, new AutoencoderEncoder(spec.latentDim()), new Shape(2, obs[0], obs[1], obs[2]), false);
    }

    /** The network, for counting its operations. */
    public Block network() {
        return network;
    }

    @Override
    public boolean gaussian() {
        return gaussian;
    }

    @Override
    public NDArray forward(NDArray observations, boolean training) {
        return networks.forward(network, observations, training);
    }
}
