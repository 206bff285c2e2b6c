package org.disentangle4j.model;

import ai.djl.ndarray.NDArray;

/**
 * A model with a latent code that can be read from observations and decoded back: what latent
 * traversals, samples, reconstructions and interventions need.
 */
public interface LatentVariableModel {
    int latentDim();

    /** Codes (B, d) of observations: the posterior mean for VAEs. Inference mode. */
    NDArray represent(NDArray observations);

    /** Mean observations in [0, 1] for codes (B, d). Inference mode. */
    NDArray generate(NDArray codes);

    /**
     * How much each latent dimension is used for these observations, shape (d): the mean KL to
     * the prior for VAEs. Used to order traversals.
     */
    NDArray latentUsage(NDArray observations);

    /** Whether codes have a standard normal prior to sample from. */
    boolean hasPrior();
}
