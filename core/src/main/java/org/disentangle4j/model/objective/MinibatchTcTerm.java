package org.disentangle4j.model.objective;

import ai.djl.ndarray.NDArray;
import java.util.List;
import org.disentangle4j.model.HyperParameter;
import org.disentangle4j.model.HyperParameter.Range;
import org.disentangle4j.model.Losses;
import org.disentangle4j.model.Part;
import org.disentangle4j.model.Posterior;
import org.disentangle4j.nn.Scalars;

/**
 * β-TCVAE's (β − 1)·TC (Chen et al. 2018, Eq. 5 with α = γ = 1), the total correlation of the
 * aggregate posterior estimated on the batch by minibatch-weighted sampling. Logs the estimate as
 * {@code tc}.
 */
public final class MinibatchTcTerm implements ObjectiveTerm {
    public static final HyperParameter BETA = new HyperParameter("beta", 6.0, "β: the TC term's weight is β − 1", Range.atLeast(1))
            .withGrid(1, 2, 4, 6, 8, 10);
    public static final Part<ObjectiveTerm> PART = new Part<>("(β − 1)·TC by minibatch-weighted sampling", List.of(BETA),
            (spec, networks) -> new MinibatchTcTerm((float) spec.value(BETA)));

    private static final float LOG_2PI = (float) Math.log(2 * Math.PI);

    private final float beta;

    private MinibatchTcTerm(float beta) {
        this.beta = beta;
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
    public static NDArray logSumExp(NDArray x, int axis) {
        NDArray max = x.max(new int[] {axis}, true).stopGradient();
        return x.sub(max).exp().sum(new int[] {axis}).log().add(max.squeeze(axis));
    }

    @Override
    public List<NDArray> contribute(TrainingStep step, Losses losses) {
        Posterior q = step.requirePosterior();
        NDArray tc = totalCorrelation(step.codes(), q.mean(), q.logVar());
        losses.term("tc", tc);
        return List.of(Scalars.mul(tc, beta - 1f));
    }
}
