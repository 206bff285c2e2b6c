package org.disentangle4j.model;

import ai.djl.ndarray.NDArray;
import org.disentangle4j.nn.Scalars;

/**
 * A diagonal Gaussian posterior q(z|x) = N(mean, exp(logVar)) for a batch: both (B, d).
 */
public record Posterior(NDArray mean, NDArray logVar) {

    /** Reparameterised sample mean + σ·ε for standard normal noise ε of the same shape. */
    public NDArray sample(NDArray noise) {
        return mean.add(Scalars.mul(logVar, 0.5f).exp().mul(noise));
    }

    /**
     * KL(q(z|x) ‖ N(0, I)) per latent dimension, averaged over the batch: shape (d).
     * Closed form ½(μ² + σ² − log σ² − 1).
     */
    public NDArray klPerDimension() {
        long batch = mean.getShape().get(0);
        return Scalars.mul(mean.square().add(logVar.exp()).sub(logVar).sub(1f).sum(new int[] {0}), 0.5f / batch);
    }
}
