package org.disentangle4j.model.objective;

import ai.djl.ndarray.NDArray;
import java.util.List;
import org.disentangle4j.io.UserInputException;
import org.disentangle4j.model.HyperParameter;
import org.disentangle4j.model.HyperParameter.Range;
import org.disentangle4j.model.Losses;
import org.disentangle4j.model.Part;
import org.disentangle4j.nn.Scalars;

/**
 * AnnealedVAE's γ·|KL − C(t)| (Burgess et al. 2018, Eq. 8), the capacity C growing linearly from 0
 * to c_max over the first {@code iteration-threshold} steps and staying there. As in
 * disentanglement_lib, t is the global step <em>before</em> this update (TensorFlow's global step
 * is read in the forward pass and incremented by the update), so the first step uses C = 0. Logs
 * the capacity as {@code capacity}.
 */
public final class CapacityTerm implements ObjectiveTerm {
    public static final HyperParameter C_MAX = new HyperParameter("c-max", 25.0, "final capacity C in nats", Range.WEIGHT)
            .withGrid(5, 10, 25, 50, 75, 100);
    public static final HyperParameter GAMMA = new HyperParameter("gamma", 1000.0, "weight γ of |KL − C| (study: 1000)", Range.WEIGHT);
    public static final HyperParameter ITERATION_THRESHOLD = new HyperParameter("iteration-threshold", 100_000.0,
            "steps over which C grows from 0 to c_max (study: 100,000)", Range.POSITIVE);
    public static final Part<ObjectiveTerm> PART = new Part<>("γ·|KL − C(t)|", List.of(C_MAX, GAMMA, ITERATION_THRESHOLD), (spec, networks) -> {
        double threshold = spec.value(ITERATION_THRESHOLD);
        if (!(threshold > 0)) throw new UserInputException("--iteration-threshold must be positive, got " + threshold);
        return new CapacityTerm((float) spec.value(GAMMA), spec.value(C_MAX), threshold);
    });

    private final float gamma;
    private final double cMax;
    private final double threshold;

    private CapacityTerm(float gamma, double cMax, double threshold) {
        this.gamma = gamma;
        this.cMax = cMax;
        this.threshold = threshold;
    }

    /** C(t) = min(c_max, c_max·t / threshold) for t completed steps. */
    public static double capacity(double cMax, long step, double threshold) {
        return Math.min(cMax, cMax * step / threshold);
    }

    @Override
    public List<NDArray> contribute(TrainingStep step, Losses losses) {
        float c = (float) capacity(cMax, step.context().step(), threshold);
        losses.term("capacity", step.manager().create(c));
        return List.of(Scalars.mul(step.kl().sub(c).abs(), gamma));
    }
}
