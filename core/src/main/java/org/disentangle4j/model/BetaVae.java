package org.disentangle4j.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.disentangle4j.nn.Scalars;

/**
 * β-VAE (Higgins et al. 2017): reconstruction + β·KL. β = 1 is the plain VAE (registered as
 * {@code vae}, without a hyper-parameter).
 */
public final class BetaVae extends VaeModel {
    private final float beta;

    /** β from the spec's {@code beta} hyper-parameter. */
    public BetaVae(ModelSpec spec, NDManager parent, long initSeed) {
        this(spec, parent, initSeed, (float) spec.hyper("beta"));
    }

    /** A fixed β (the plain VAE uses 1). */
    public BetaVae(ModelSpec spec, NDManager parent, long initSeed, float beta) {
        super(spec, parent, initSeed);
        this.beta = beta;
    }

    @Override
    protected NDArray regularizer(Losses losses, Posterior posterior, NDArray sampled, StepContext context) {
        return beta == 1f ? losses.term("kl") : Scalars.mul(losses.term("kl"), beta);
    }
}
