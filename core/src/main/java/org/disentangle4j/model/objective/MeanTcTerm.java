package org.disentangle4j.model.objective;

import ai.djl.ndarray.NDArray;
import java.util.List;
import org.disentangle4j.model.HyperParameter;
import org.disentangle4j.model.HyperParameter.Range;
import org.disentangle4j.model.Losses;
import org.disentangle4j.model.Part;
import org.disentangle4j.nn.Cholesky;
import org.disentangle4j.nn.Scalars;

/**
 * γ·TC(μ): a penalty on the total correlation of the mean representation (issue 14; only the
 * paper's abstract is public, so the design is ours). TC(μ) is the Gaussian total correlation
 * ½(Σ log C_ii − log det C) of C, the batch covariance of the posterior means (biased, as
 * DIP-VAE-I's) plus a ridge of {@value #RIDGE}·I.
 *
 * <p>Why: penalising TC of sampled codes bounds the dependence of μ + σ·ε, which a large σ hides,
 * not of μ, which every metric and user reads (see {@code theory mean-tc}). Why Gaussian: the
 * batch (64 codes) is too small for a non-parametric estimate of TC(μ); the Gaussian one is the
 * TC of the means' second moments, exact when μ is Gaussian. Why the ridge: a dimension the model
 * switches off has μ ≈ const, a near-singular C and an unbounded gradient; 1e-3 (μ is in units of
 * the prior's standard deviation) makes such a dimension count as independent. log det C comes
 * from a Cholesky factorisation built from differentiable operations ({@link Cholesky}). Logs
 * {@code mean_tc}.
 */
public final class MeanTcTerm implements ObjectiveTerm {
    /** Added to the diagonal of the means' batch covariance before its log-determinant. */
    public static final float RIDGE = 1e-3f;
    /** γ = 10: the largest value of the grid whose reconstruction stays within 10% of β-TCVAE's (docs/experiments/meantc.md). */
    public static final HyperParameter GAMMA = new HyperParameter("mean-tc-weight", 10.0,
            "weight γ of the Gaussian TC of the batch's posterior means", Range.WEIGHT).withGrid(0.1, 1, 10, 100);
    public static final Part<ObjectiveTerm> PART = new Part<>("γ·TC(μ), Gaussian TC of the batch's means", List.of(GAMMA),
            (spec, networks) -> new MeanTcTerm((float) spec.value(GAMMA)));

    private final float gamma;

    private MeanTcTerm(float gamma) {
        this.gamma = gamma;
    }

    /** TC(μ) of a batch's posterior means (B, d): the Gaussian TC of their covariance plus {@value #RIDGE}·I. */
    public static NDArray meanTotalCorrelation(NDArray means) {
        long b = means.getShape().get(0);
        int d = Math.toIntExact(means.getShape().get(1));
        NDArray centred = means.sub(means.mean(new int[] {0}, true));
        NDArray covariance = Scalars.div(centred.transpose().matMul(centred), (float) b);
        NDArray ridge = Scalars.mul(means.getManager().eye(d, d, 0, means.getDataType()), RIDGE);
        return Cholesky.gaussianTotalCorrelation(covariance.add(ridge));
    }

    @Override
    public List<NDArray> contribute(TrainingStep step, Losses losses) {
        NDArray meanTc = meanTotalCorrelation(step.requirePosterior().mean());
        losses.term("mean_tc", meanTc);
        return List.of(Scalars.mul(meanTc, gamma));
    }
}
