package org.disentangle4j.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.disentangle4j.model.HyperParameter.Range;
import org.disentangle4j.nn.Scalars;

/**
 * β-VAE (Higgins et al. 2017): reconstruction + β·KL. β = 1 is the plain VAE (registered as
 * {@code vae}, without a hyper-parameter).
 */
public final class BetaVae extends VaeModel {
    public static final HyperParameter BETA = new HyperParameter("beta", 4.0, "weight β of the KL term", Range.WEIGHT)
            .withGrid(1, 2, 4, 6, 8, 16);

    public static final Method VAE = new Method("vae", "VAE (Kingma & Welling 2014): reconstruction + KL (β-VAE with β = 1)",
            List.of(IM_WEIGHT), (spec, parent, seed) -> new BetaVae(spec, parent, seed, 1f));
    public static final Method METHOD = new Method("beta-vae",
            "β-VAE (Higgins et al. 2017): reconstruction + β·KL; β = 4 as in the paper's dSprites runs", List.of(BETA, IM_WEIGHT), BetaVae::new);

    private final float beta;

    /** β from the spec's {@code beta} hyper-parameter. */
    public BetaVae(ModelSpec spec, NDManager parent, long initSeed) {
        this(spec, parent, initSeed, (float) spec.value(BETA));
    }

    /** A fixed β (the plain VAE uses 1). */
    public BetaVae(ModelSpec spec, NDManager parent, long initSeed, float beta) {
        super(spec, parent, initSeed);
        this.beta = beta;
    }

    @Override
    protected NDArray regularizer(Losses losses, Posterior posterior, NDArray sampled, StepContext context) {
        return penalty(losses, beta);
    }

    /** β·KL of the batch's {@code kl} term (the KL itself when β = 1); shared with methods built on a β-VAE ({@link Cfasl}). */
    static NDArray penalty(Losses losses, float beta) {
        return beta == 1f ? losses.term("kl") : Scalars.mul(losses.term("kl"), beta);
    }
}
