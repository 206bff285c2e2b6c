package org.disentangle4j.model.objective;

import ai.djl.ndarray.NDArray;
import java.util.List;
import org.disentangle4j.model.HyperParameter;
import org.disentangle4j.model.HyperParameter.Range;
import org.disentangle4j.model.Losses;
import org.disentangle4j.model.OptimizerSettings;
import org.disentangle4j.model.Part;

/** L2 weight decay of the main group, added to its gradient as PyTorch's Adam does (the additive-decoder reference's 5e-4). */
public final class WeightDecayTerm implements ObjectiveTerm {
    public static final HyperParameter WEIGHT_DECAY = new HyperParameter("weight-decay", 5e-4,
            "Adam's L2 weight decay (reference: 5e-4)", Range.WEIGHT);
    public static final Part<ObjectiveTerm> PART = new Part<>("L2 weight decay in Adam", List.of(WEIGHT_DECAY),
            (spec, networks) -> new WeightDecayTerm(spec.value(WEIGHT_DECAY)));

    private final double decay;

    private WeightDecayTerm(double decay) {
        this.decay = decay;
    }

    @Override
    public boolean needsPosterior() {
        return false;
    }

    @Override
    public List<NDArray> contribute(TrainingStep step, Losses losses) {
        return List.of();
    }

    @Override
    public OptimizerSettings adjustMain(OptimizerSettings main) {
        return main.withWeightDecay(decay);
    }
}
