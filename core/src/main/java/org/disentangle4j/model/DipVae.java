package org.disentangle4j.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.disentangle4j.model.HyperParameter.Range;
import org.disentangle4j.nn.Scalars;

/**
 * DIP-VAE (Kumar et al. 2018, Eqs. 6 and 7): reconstruction + KL + λ_od·Σ_{i≠j} Cov_ij² +
 * λ_d·Σ_i (Cov_ii − 1)², where Cov is the covariance over the batch of the posterior means
 * (type I) or of the whole aggregate posterior, E_x[Cov q(z|x)] + Cov_x[μ(x)] (type II).
 *
 * <p>The covariance of the means is the biased one, E[μμᵀ] − E[μ]E[μ]ᵀ (divided by the batch
 * size, not batch − 1), as disentanglement_lib computes it. Logs the unweighted
 * {@code dip_offdiag} = Σ_{i≠j} Cov_ij² and {@code dip_diag} = Σ_i (Cov_ii − 1)².
 */
public final class DipVae extends VaeModel {
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

    public static final Method METHOD_I = new Method("dip-vae-i", "DIP-VAE-I (Kumar et al. 2018): reconstruction + KL + λ_od·Σ_{i≠j}Cov_ij² + "
            + "λ_d·Σ_i(Cov_ii − 1)², Cov of the posterior means over the batch; λ_d = 10·λ_od as in the study, λ_od = 10 from its grid",
            List.of(LAMBDA_OD, LAMBDA_D_I, IM_WEIGHT), (spec, parent, seed) -> new DipVae(spec, parent, seed, Type.I));
    public static final Method METHOD_II = new Method("dip-vae-ii", "DIP-VAE-II (Kumar et al. 2018): as DIP-VAE-I with Cov of the aggregate "
            + "posterior, E[Cov q(z|x)] + Cov(means); λ_d = λ_od as in the study, λ_od = 10 from its grid",
            List.of(LAMBDA_OD, LAMBDA_D_II, IM_WEIGHT), (spec, parent, seed) -> new DipVae(spec, parent, seed, Type.II));

    private final Type type;
    private final float lambdaOffDiagonal;
    private final float lambdaDiagonal;

    public DipVae(ModelSpec spec, NDManager parent, long initSeed, Type type) {
        super(spec, parent, initSeed);
        this.type = type;
        this.lambdaOffDiagonal = (float) spec.value(LAMBDA_OD);
        this.lambdaDiagonal = (float) spec.value(type == Type.I ? LAMBDA_D_I : LAMBDA_D_II);
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
    protected NDArray regularizer(Losses losses, Posterior posterior, NDArray sampled, StepContext context) {
        NDArray[] p = penalties(covariance(posterior, type));
        losses.term("dip_offdiag", p[0]).term("dip_diag", p[1]);
        return losses.term("kl").add(Scalars.mul(p[0], lambdaOffDiagonal)).add(Scalars.mul(p[1], lambdaDiagonal));
    }
}
