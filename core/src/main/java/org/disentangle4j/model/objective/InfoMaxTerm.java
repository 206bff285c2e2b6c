package org.disentangle4j.model.objective;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import java.util.List;
import org.disentangle4j.model.HyperParameter;
import org.disentangle4j.model.HyperParameter.Range;
import org.disentangle4j.model.Losses;
import org.disentangle4j.model.OptimizerSettings;
import org.disentangle4j.model.Part;
import org.disentangle4j.nn.Mlps;
import org.disentangle4j.model.architecture.Networks;
import org.disentangle4j.nn.Scalars;

/**
 * The InfoMax baseline's term of the CDG-VAE paper (its reference code, modules/model.py and
 * modules/train.py): γ·MI with MI = −(mean T(x, z) − mean exp(T(x, z′) − 1)), the negative of a
 * Nguyen–Wainwright–Jordan lower bound on the mutual information between an observation and its
 * sampled code, z′ the codes shuffled across the batch. The critic T is an MLP on the flattened
 * observation concatenated with the code (300-300 ELU, one output), network {@value #GROUP} with its
 * own Adam (lr 1e-4, the reference's). Minimising MI tightens the bound in T and raises the
 * information the encoder keeps.
 *
 * <p>As in the reference, which back-propagates the total loss and then MI again before both
 * optimisers step, the critic and the encoder both receive (γ + 1)·∇MI: the term adds γ·MI to the
 * main objective without detaching anything, and MI is the critic group's own objective. Logs
 * {@code mi}.
 */
public final class InfoMaxTerm implements ObjectiveTerm {
    /** The critic's network and optimiser group. */
    public static final String GROUP = "infomax";
    /** The reference's critic optimiser. */
    public static final OptimizerSettings OPTIMIZER = OptimizerSettings.adam(1e-4);
    /** γ = 5: the paper's Table 6 for InfoMax (the reference code's argument default is 1). */
    public static final HyperParameter GAMMA = new HyperParameter("infomax-weight", 5.0,
            "weight γ of the InfoMax term γ·MI (the paper's 5; its code's default 1)", Range.WEIGHT);
    public static final Part<ObjectiveTerm> PART = new Part<>("γ·MI(x; z) by an NWJ critic (own Adam)", List.of(GAMMA), InfoMaxTerm::new);

    private final float gamma;
    private final SequentialBlock critic;
    private final Networks networks;

    private InfoMaxTerm(org.disentangle4j.model.ModelSpec spec, Networks networks) {
        this.gamma = (float) spec.value(GAMMA);
        this.networks = networks;
        long size = 1;
        for (int s : spec.observationShape()) size *= s;
        this.critic = networks.add(GROUP, Mlps.of(1), new Shape(1, size + spec.latentDim()));
    }

    @Override
    public Placement placement() {
        return Placement.PENALTY;
    }

    @Override
    public OwnGroup ownGroup() {
        return new OwnGroup(GROUP, OPTIMIZER);
    }

    @Override
    public List<NDArray> contribute(TrainingStep step, Losses losses) {
        NDArray z = step.codes();
        long b = step.batchSize(2, "the critic compares codes with codes of other rows");
        NDArray x = step.observations().reshape(b, -1);
        NDArray shuffled = z.get(step.manager().create(toLong(step.context().permutation(Math.toIntExact(b)))));
        NDArray joint = networks.forward(critic, NDArrays.concat(new NDList(x, z), 1), true);
        NDArray marginal = networks.forward(critic, NDArrays.concat(new NDList(x, shuffled), 1), true);
        NDArray mi = joint.mean().sub(marginal.sub(1f).exp().mean()).neg();
        losses.term("mi", mi);
        losses.objective(GROUP, mi);
        return List.of(Scalars.mul(mi, gamma));
    }

    private static long[] toLong(int[] values) {
        long[] l = new long[values.length];
        for (int i = 0; i < values.length; i++) l[i] = values[i];
        return l;
    }
}
