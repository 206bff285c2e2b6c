package org.disentangle4j.model.objective;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.disentangle4j.io.UserInputException;
import org.disentangle4j.model.Batch;
import org.disentangle4j.model.ModelSpec;
import org.disentangle4j.model.Posterior;
import org.disentangle4j.model.StepContext;
import org.disentangle4j.model.architecture.Networks;

/**
 * What the objective terms of one training step read: the batch, the posterior and sampled codes
 * of its encoder pass, the KL, the decoder's recorded layers, and the model's training-mode
 * decoder and reconstruction loss (for terms that decode codes of their own).
 *
 * @param posterior the Gaussian posterior q(z|x), null for a deterministic encoder (see {@link #requirePosterior})
 * @param codes the codes the decoder was given: a sample of the posterior, or a deterministic encoder's codes
 * @param kl KL(q(z|x) ‖ N(0, I)) summed over dimensions, averaged over the batch (the logged {@code kl}); null without a posterior
 * @param probedLayers {input, kernel} of each convolutional decoder layer of this step's decoding, when a term reads them
 * @param networks the model's networks, for terms that run networks of their own
 */
public record TrainingStep(ModelSpec spec, Batch batch, StepContext context, Posterior posterior, NDArray codes, NDArray kl,
        List<NDArray[]> probedLayers, Decoding decoding, Networks networks) {

    /** Training-mode decoding and reconstruction loss of the model, for terms that decode codes of their own. */
    public interface Decoding {
        /** The latent structure's output for codes, training mode. */
        NDArray transform(NDArray codes);

        /** The decoder's raw output for codes (through the latent structure), training mode. */
        NDArray decode(NDArray codes);

        /** The observation model's reconstruction loss. */
        NDArray reconstructionLoss(NDArray decoded, NDArray observations);
    }

    public NDArray observations() {
        return batch.observations();
    }

    public NDManager manager() {
        return context.manager();
    }

    /** The posterior; a term that reads it declares {@link ObjectiveTerm#needsPosterior}, checked when the model is built. */
    public Posterior requirePosterior() {
        if (posterior == null) throw new IllegalStateException("this term needs a Gaussian encoder");
        return posterior;
    }

    @Override
    public NDArray kl() {
        if (kl == null) throw new IllegalStateException("this term needs a Gaussian encoder");
        return kl;
    }

    /** The batch size, or a one-line error when a term needs at least {@code minimum} rows. */
    public long batchSize(long minimum, String why) {
        long b = codes.getShape().get(0);
        if (b < minimum) throw new UserInputException("--batch-size must be at least " + minimum + " for " + spec.method() + " (" + why + "), got " + b);
        return b;
    }
}
