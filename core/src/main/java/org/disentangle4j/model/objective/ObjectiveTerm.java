package org.disentangle4j.model.objective;

import java.util.List;
import org.disentangle4j.model.BatchSampling;
import org.disentangle4j.model.ExtraFigure;
import org.disentangle4j.model.Losses;
import org.disentangle4j.model.Model;
import org.disentangle4j.model.OptimizerSettings;
import ai.djl.ndarray.NDArray;

/**
 * One term of a model's objective (KL, β·KL, a TC estimate, DIP, an alignment, CFASL's symmetry
 * losses, …): what it adds to the loss of a step, the terms it logs, and, where it has them, its
 * own networks (registered when it is built), optimiser group and figures.
 *
 * <p>The loss of a step is reconstruction + the regulariser (the sum of the {@link Placement#REGULARIZER}
 * terms' summands, in order, as disentanglement_lib's methods each override one regulariser), then
 * each {@link Placement#PENALTY} term's summands added in order.
 */
public interface ObjectiveTerm {
    /** Where a term's summands enter the loss. */
    enum Placement {
        /** inside the regulariser, which is added to the reconstruction as a whole */
        REGULARIZER,
        /** added to reconstruction + regulariser afterwards */
        PENALTY
    }

    default Placement placement() {
        return Placement.REGULARIZER;
    }

    /**
     * The term's summands of this step's loss (none when it is switched off), each a scalar; logs
     * its terms into {@code losses} and may set its own group's objective there.
     */
    List<NDArray> contribute(TrainingStep step, Losses losses);

    /** Whether it reads the decoder's layers (the step then decodes through {@link TrainingStep#probedLayers}). */
    default boolean readsDecoderLayers() {
        return false;
    }

    /**
     * Whether it reads the Gaussian posterior or its KL (most terms do); a deterministic encoder
     * cannot carry such a term. The terms that read neither say so.
     */
    default boolean needsPosterior() {
        return true;
    }

    /**
     * The network the term trains with an optimiser of its own (FactorVAE's discriminator, CFASL's
     * predictor), or null; the main group keeps every parameter no term claims.
     */
    default OwnGroup ownGroup() {
        return null;
    }

    /** A term's network (its name among the model's networks, which is also the group's) and that group's optimiser. */
    record OwnGroup(String network, OptimizerSettings optimizer) {}

    /** The main group's optimiser settings with what the term asks of them (weight decay, clipping). */
    default OptimizerSettings adjustMain(OptimizerSettings main) {
        return main;
    }

    /** The batches it needs (labels for an alignment); null when any batch will do. */
    default BatchSampling batchSampling() {
        return null;
    }

    /** Figures of its own. */
    default List<ExtraFigure> figures(Model model) {
        return List.of();
    }
}
