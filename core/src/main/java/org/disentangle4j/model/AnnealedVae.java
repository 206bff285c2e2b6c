package org.disentangle4j.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
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
    private final float gamma;
    private final double cMax;
    private final double threshold;

    public AnnealedVae(ModelSpec spec, NDManager parent, long initSeed) {
        super(spec, parent, initSeed);
        this.gamma = (float) spec.hyper("gamma");
        this.cMax = spec.hyper("c-max");
        this.threshold = spec.hyper("iteration-threshold");
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
