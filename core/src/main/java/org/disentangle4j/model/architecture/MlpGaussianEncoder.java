package org.disentangle4j.model.architecture;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import org.disentangle4j.model.ModelSpec;

/** An {@link Mlps MLP} (300-300 ELU) on the flattened observation to a diagonal Gaussian posterior: CDG-VAE's encoder, and any method's on vectors. */
public final class MlpGaussianEncoder implements Encoder {
    private final SequentialBlock network;
    private final Networks networks;

    public MlpGaussianEncoder(ModelSpec spec, Networks networks) {
        this.networks = networks;
        this.network = networks.add("encoder", Mlps.of(2 * spec.latentDim()), new Shape(1, ImageShapes.size(spec.observationShape())));
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
