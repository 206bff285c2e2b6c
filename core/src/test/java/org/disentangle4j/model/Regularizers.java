package org.disentangle4j.model;

import ai.djl.ndarray.NDArray;
import java.util.List;
import org.disentangle4j.model.objective.ObjectiveTerm;
import org.disentangle4j.model.objective.TrainingStep;

/** A composed method's regulariser for given step values, as {@link ComposedModel#losses} folds it (terms without networks only). */
final class Regularizers {
    private Regularizers() {}

    /** The sum of the regulariser terms' summands of {@code method}'s composition, logging into {@code losses}. */
    static NDArray of(ModelSpec spec, Losses losses, Posterior posterior, NDArray codes, StepContext context) {
        Composition composition = Methods.get(spec.method()).composition();
        TrainingStep step = new TrainingStep(spec, null, context, posterior, codes, losses.term("kl"), List.of(), null, null);
        NDArray sum = null;
        for (Part<ObjectiveTerm> part : composition.terms()) {
            ObjectiveTerm term = part.build(spec, null);
            if (term.placement() != ObjectiveTerm.Placement.REGULARIZER) continue;
            for (NDArray s : term.contribute(step, losses)) sum = sum == null ? s : sum.add(s);
        }
        return sum;
    }
}
