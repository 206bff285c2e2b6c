package org.disentangle4j.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.disentangle4j.model.HyperParameter.Range;
import org.disentangle4j.nn.Scalars;

/**
 * AnnealedVAE (Burgess et al. 2018, "Understanding disentangling in β-VAE", Eq. 8):
 * reconstruction + γ·|KL − C(t)|, the capacity C growing linearly from 0 to c_max over the first
 * {@code iteration-threshold} steps and staying there.
 *
 * <p>As in disentanglement_lib, t is the global step <em>before</em> this update (TensorFlow's
 * global step is read in the forward pass and incremented by the update), so the first step
 * uses C = 0. Logs the capacity as {@code capacity}.
 */
public final class AnnealedVae extends VaeModel {
    public static final HyperParameter C_MAX = new HyperParameter("c-max", 25.0, "final capacity C in nats", Range.WEIGHT)
            .withGrid(5, 10, 25, 50, 75, 100);
    public static final HyperParameter GAMMA = new HyperParameter("gamma", 1000.0, "weight γ of |KL − C| (study: 1000)", Range.WEIGHT);
    public static final HyperParameter ITERATION_THRESHOLD = new HyperParameter("iteration-threshold", 100_000.0,
            "steps over which C grows from 0 to c_max (study: 100,000)", Range.POSITIVE);

    public static final Method METHOD = new Method("annealed-vae", "AnnealedVAE (Burgess et al. 2018): reconstruction + γ·|KL − C(t)|, "
            + "C(t) = min(c_max, c_max·t/threshold) for t steps done; γ = 1000 and threshold 100,000 fixed in the study, "
            + "c_max = 25 nats as in the paper's dSprites runs",
            List.of(C_MAX, GAMMA, ITERATION_THRESHOLD, IM_WEIGHT), AnnealedVae::new);

    private final float gamma;
    private final double cMax;
    private final double threshold;

    public AnnealedVae(ModelSpec spec, NDManager parent, long initSeed) {
        super(spec, parent, initSeed);
        this.gamma = (float) spec.value(GAMMA);
        this.cMax = spec.value(C_MAX);
        this.threshold = spec.value(ITERATION_THRESHOLD);
        if (!(threshold > 0)) {
            throw new org.disentangle4j.io.UserInputException("--iteration-threshold must be positive, got " + threshold);
        }
    }

    /** C(t) = min(c_max, c_max·t / threshold) for t completed steps. */
    public static double capacity(double cMax, long step, double threshold) {
        return Math.min(cMax, cMax * step / threshold);
    }

    @Override
    protected NDArray regularizer(Losses losses, Posterior posterior, NDArray sampled, StepContext context) {
        float c = (float) capacity(cMax, context.step(), threshold);
        NDArray kl = losses.term("kl");
        losses.term("capacity", context.manager().create(c));
        return Scalars.mul(kl.sub(c).abs(), gamma);
    }
}
