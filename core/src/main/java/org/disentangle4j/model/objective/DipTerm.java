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
 * DIP-VAE's λ_od·Σ_{i≠j} Cov_ij² + λ_d·Σ_i (Cov_ii − 1)² (Kumar et al. 2018, Eqs. 6 and 7), Cov the
 * covariance over the batch of the posterior means (type I) or of the whole aggregate posterior,
 * E_x[Cov q(z|x)] + Cov_x[μ(x)] (type II). The covariance of the means is the biased one (divided
 * by the batch size), as disentanglement_lib computes it. Logs the unweighted {@code dip_offdiag}
 * and {@code dip_diag}.
 */
public final class DipTerm implements ObjectiveTerm {
    /** Which covariance the penalty is on. */
    public enum Type {
        /** the posterior means */
        I,
        /** the aggregate posterior: the mean of the posterior covariances plus the covariance of the means */
        II
    }

    public static final HyperParameter LAMBDA_OD = new HyperParameter("lambda-od", 10.0, "weight λ_od of the off-diagonal penalty",
            Range.WEIGHT).withGrid(1, 2, 5, 10, 20, 50);
    private static final String LAMBDA_D_MEANING = "weight λ_d of the diagonal penalty (study: 10·λ_od for DIP-VAE-I, λ_od for DIP-VAE-II)";
    /** DIP-VAE-I's λ_d: 10·λ_od unless given. */
    public static final HyperParameter LAMBDA_D_I = HyperParameter.relative("lambda-d", 10.0, LAMBDA_OD.name(), LAMBDA_D_MEANING, Range.WEIGHT);
    /** DIP-VAE-II's λ_d: λ_od unless given. */
    public static final HyperParameter LAMBDA_D_II = HyperParameter.relative("lambda-d", 1.0, LAMBDA_OD.name(), LAMBDA_D_MEANING, Range.WEIGHT);

    public static final Part<ObjectiveTerm> TYPE_I = part(Type.I, LAMBDA_D_I);
    public static final Part<ObjectiveTerm> TYPE_II = part(Type.II, LAMBDA_D_II);

    private final Type type;
    private final float lambdaOffDiagonal;
    private final float lambdaDiagonal;

    private DipTerm(Type type, float lambdaOffDiagonal, float lambdaDiagonal) {
        this.type = type;
        this.lambdaOffDiagonal = lambdaOffDiagonal;
        this.lambdaDiagonal = lambdaDiagonal;
    }

    private static Part<ObjectiveTerm> part(Type type, HyperParameter lambdaD) {
        return new Part<>("DIP-" + type + " covariance penalty", List.of(LAMBDA_OD, lambdaD),
                (spec, networks) -> new DipTerm(type, (float) spec.value(LAMBDA_OD), (float) spec.value(lambdaD)));
    }

    /** The (d, d) covariance the method penalises, for a batch's posterior. */
    public static NDArray covariance(Posterior q, Type type) {
        NDArray mean = q.mean();
        float batch = mean.getShape().get(0);
        NDArray centered = mean.sub(mean.mean(new int[] {0}, true));
        NDArray cov = Scalars.div(centered.transpose().matMul(centered), batch);
        if (type == Type.II) {
            // E_x[diag σ²(x)]: only the diagonal gains
            NDArray meanVariance = q.logVar().exp().mean(new int[] {0});
            cov = cov.add(diag(meanVariance));
        }
        return cov;
    }

    /** Σ_{i≠j} C_ij² (index 0) and Σ_i (C_ii − 1)² (index 1), both scalars. */
    public static NDArray[] penalties(NDArray cov) {
        int d = Math.toIntExact(cov.getShape().get(0));
        NDArray eye = cov.getManager().eye(d);
        NDArray diagonal = cov.mul(eye).sum(new int[] {1});
        NDArray offDiagonal = cov.sub(cov.mul(eye)).square().sum();
        NDArray diagonalPenalty = diagonal.sub(1f).square().sum();
        return new NDArray[] {offDiagonal, diagonalPenalty};
    }

    /** A (d, d) matrix with {@code v} on its diagonal. */
    private static NDArray diag(NDArray v) {
        int d = Math.toIntExact(v.getShape().get(0));
        return v.reshape(1, d).mul(v.getManager().eye(d));
    }

    @Override
    public List<NDArray> contribute(TrainingStep step, Losses losses) {
        NDArray[] p = penalties(covariance(step.requirePosterior(), type));
        losses.term("dip_offdiag", p[0]).term("dip_diag", p[1]);
        return List.of(Scalars.mul(p[0], lambdaOffDiagonal), Scalars.mul(p[1], lambdaDiagonal));
    }
}
