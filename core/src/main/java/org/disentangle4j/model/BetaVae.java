package org.disentangle4j.model;

import ai.djl.ndarray.NDArray;
import org.disentangle4j.nn.Scalars;
import ai.djl.ndarray.NDManager;

/**
 * β-VAE (Higgins et al. 2017): reconstruction + β·KL. β = 1 is the plain VAE.
 */
public final class BetaVae extends VaeModel {
    private final float beta;

    public BetaVae(ModelSpec spec, NDManager parent, long initSeed) {
        super(spec, parent, initSeed);
        this.beta = (float) spec.hyper("beta");
    }

    @Override
    protected NDArray regularizer(Losses losses, Posterior posterior, NDArray sampled, StepContext context) {
        return Scalars.mul(losses.term("kl"), beta);
    }
}
