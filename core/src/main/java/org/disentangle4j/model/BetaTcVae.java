package org.disentangle4j.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.disentangle4j.model.HyperParameter.Range;
import org.disentangle4j.nn.Scalars;

/**
 * β-TCVAE (Chen et al. 2018, Eq. 5 with α = γ = 1): reconstruction + KL + (β − 1)·TC, the total
 * correlation of the aggregate posterior estimated on the batch by minibatch-weighted sampling.
 * Logs the estimate as {@code tc}.
 */
public final class BetaTcVae extends VaeModel {
    public static final HyperParameter BETA = new HyperParameter("beta", 6.0, "β: the TC term's weight is β − 1", Range.atLeast(1))
            .withGrid(1, 2, 4, 6, 8, 10);

    public static final Method METHOD = new Method("beta-tcvae", "β-TCVAE (Chen et al. 2018): reconstruction + KL + (β − 1)·TC, TC by the "
            + "minibatch-weighted sampling estimate on the batch; β = 6 from the study grid", List.of(BETA, IM_WEIGHT), BetaTcVae::new);

    private static final float LOG_2PI = (float) Math.log(2 * Math.PI);

    private final float beta;

    public BetaTcVae(ModelSpec spec, NDManager parent, long initSeed) {
        super(spec, parent, initSeed);
        this.beta = (float) spec.value(BETA);
    }

    /**
     * disentanglement_lib's {@code total_correlation(z, z_mean, z_logvar)}: with
     * L[j, i, l] = log q(z_j,l | x_i) for the batch's samples z (B, d) and posteriors (B, d),
     * the mean over j of logsumexp_i Σ_l L[j, i, l] − Σ_l logsumexp_i L[j, i, l].
     *
     * <p>The normalising constants are left out, as there: the estimate is the TC of the batch's
     * mixture of posteriors minus (d − 1)·log B (and, read as the minibatch-weighted estimator
     * of Chen et al., minus (d − 1)·log(B·N) for a dataset of size N). It does not use the
     * dataset size. A constant shift leaves the gradients unchanged.
     */
    public static NDArray totalCorrelation(NDArray z, NDArray mean, NDArray logVar) {
        long b = z.getShape().get(0);
        long d = z.getShape().get(1);
        // (B, 1, d) against (1, B, d) → (B, B, d), indexed [j, i, l]
        NDArray diff = z.reshape(b, 1, d).sub(mean.reshape(1, b, d));
        NDArray lv = logVar.reshape(1, b, d);
        NDArray logDensity = Scalars.mul(diff.square().mul(lv.neg().exp()).add(lv).add(LOG_2PI), -0.5f);
        NDArray logQz = logSumExp(logDensity.sum(new int[] {2}), 1);                  // (B)
        NDArray logQzProduct = logSumExp(logDensity, 1).sum(new int[] {1});           // (B)
        return logQz.sub(logQzProduct).mean();
    }

    /** log Σ exp over one axis, shifted by the (constant) maximum for stability. */
    static NDArray logSumExp(NDArray x, int axis) {
        NDArray max = x.max(new int[] {axis}, true).stopGradient();
        return x.sub(max).exp().sum(new int[] {axis}).log().add(max.squeeze(axis));
    }

    @Override
    protected NDArray regularizer(Losses losses, Posterior posterior, NDArray sampled, StepContext context) {
        return penalty(losses, posterior, sampled, beta);
    }

    /** KL + (β − 1)·TC, logging {@code tc}; shared with methods built on a β-TCVAE ({@link Cfasl}). */
    static NDArray penalty(Losses losses, Posterior posterior, NDArray sampled, float beta) {
        NDArray tc = totalCorrelation(sampled, posterior.mean(), posterior.logVar());
        losses.term("tc", tc);
        return losses.term("kl").add(Scalars.mul(tc, beta - 1f));
    }
}
