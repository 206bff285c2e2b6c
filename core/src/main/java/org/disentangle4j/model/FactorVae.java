package org.disentangle4j.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import java.util.List;
import org.disentangle4j.model.HyperParameter.Range;

/**
 * FactorVAE (Kim &amp; Mnih 2018, Eq. 2): reconstruction + KL + γ·TC, the total correlation
 * estimated by a discriminator D that tells sampled codes z from their dimension-wise shuffle
 * (each column permuted independently across the batch, which keeps every marginal and
 * breaks the dependence between dimensions): TC ≈ mean(D(z)₀ − D(z)₁), the log density ratio.
 *
 * <p>D ({@link FactorDiscriminator}: six dense layers of 1000 units with leaky ReLU, slope 0.2,
 * then two logits) is trained in the same step with its own Adam (lr 1e-4, β1 0.5, β2 0.9) on
 * −½(mean log p₀(z) + mean log p₁(shuffled z)), as in disentanglement_lib.
 *
 * <p>The trainer back-propagates the sum of both objectives once, so the gradients are kept
 * apart (see {@link FactorDiscriminator}). Logs {@code tc}, {@code disc_loss} and
 * {@code disc_accuracy} (the fraction of real and shuffled codes D classifies correctly).
 */
public final class FactorVae extends VaeModel {
    public static final HyperParameter GAMMA = new HyperParameter("gamma", 40.0, "weight γ of the TC term", Range.WEIGHT)
            .withGrid(10, 20, 30, 40, 50, 100);

    public static final Method METHOD = new Method("factor-vae", "FactorVAE (Kim & Mnih 2018): reconstruction + KL + γ·TC, TC from a "
            + "discriminator on z vs dimension-wise shuffled z, trained in the same step with its own Adam (lr 1e-4, β1 0.5, β2 0.9); "
            + "γ = 40 from the study grid", List.of(GAMMA, IM_WEIGHT), FactorVae::new);

    /** The discriminator's optimiser group. */
    public static final String DISCRIMINATOR = FactorDiscriminator.GROUP;
    /** disentanglement_lib's discriminator Adam (unsupervised_study_v1/model_configs/shared.gin). */
    public static final OptimizerSettings DISCRIMINATOR_OPTIMIZER = FactorDiscriminator.OPTIMIZER;

    private final float gamma;
    private final SequentialBlock discriminator;

    public FactorVae(ModelSpec spec, NDManager parent, long initSeed) {
        super(spec, parent, initSeed);
        this.gamma = (float) spec.value(GAMMA);
        this.discriminator = addPart(DISCRIMINATOR, FactorDiscriminator.newBlock(), new Shape(1, spec.latentDim()));
    }

    @Override
    public List<ParameterGroup> parameterGroups(OptimizerSettings main) {
        return List.of(
                new ParameterGroup(MAIN_GROUP, parameterNamesOf("encoder", "decoder"), main),
                new ParameterGroup(DISCRIMINATOR, parameterNamesOf(DISCRIMINATOR), DISCRIMINATOR_OPTIMIZER));
    }

    /**
     * Each column of {@code z} (B, d) permuted across the batch by its own permutation:
     * out[i, j] = z[perms[j][i], j].
     */
    public static NDArray permuteDimensions(NDArray z, int[][] perms) {
        int b = Math.toIntExact(z.getShape().get(0));
        int d = Math.toIntExact(z.getShape().get(1));
        if (perms.length != d) throw new IllegalArgumentException("need " + d + " permutations, got " + perms.length);
        long[] index = new long[b * d];
        for (int j = 0; j < d; j++) {
            if (perms[j].length != b) throw new IllegalArgumentException("permutation " + j + " has length " + perms[j].length);
            for (int i = 0; i < b; i++) index[i * d + j] = (long) perms[j][i] * d + j;
        }
        NDArray flatIndex = z.getManager().create(index);
        return z.reshape(-1).take(flatIndex).reshape(b, d);
    }

    /** A dimension-wise shuffle with the step's randomness (so a resumed run draws the same). */
    public static NDArray permuteDimensions(NDArray z, StepContext context) {
        int b = Math.toIntExact(z.getShape().get(0));
        int d = Math.toIntExact(z.getShape().get(1));
        int[][] perms = new int[d][];
        for (int j = 0; j < d; j++) perms[j] = context.permutation(b);
        return permuteDimensions(z, perms);
    }

    @Override
    protected NDArray regularizer(Losses losses, Posterior posterior, NDArray sampled, StepContext context) {
        return FactorDiscriminator.penalty(discriminator, parameterStore(), losses, sampled, context, gamma);
    }
}
