package org.disentangle4j.model.objective;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Optional;
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
 */
public final class TrainingStep {
    /** Training-mode decoding and reconstruction loss of the model, for terms that decode codes of their own. */
    public interface Decoding {
        /** The latent structure's output for codes, training mode. */
        NDArray transform(NDArray codes);

        /** The decoder's raw output for codes (through the latent structure), training mode. */
        NDArray decode(NDArray codes);

        /** The observation model's reconstruction loss. */
        NDArray reconstructionLoss(NDArray decoded, NDArray observations);
    }

    private final ModelSpec spec;
    private final Batch batch;
    private final StepContext context;
    private final Posterior posterior;
    private final NDArray codes;
    private final NDArray kl;
    private final List<NDArray[]> probedLayers;
    private final Decoding decoding;
    private final Networks networks;

    public TrainingStep(ModelSpec spec, Batch batch, StepContext context, Posterior posterior, NDArray codes, NDArray kl,
            List<NDArray[]> probedLayers, Decoding decoding, Networks networks) {
        this.spec = spec;
        this.batch = batch;
        this.context = context;
        this.posterior = posterior;
        this.codes = codes;
        this.kl = kl;
        this.probedLayers = probedLayers;
        this.decoding = decoding;
        this.networks = networks;
    }

    public ModelSpec spec() {
        return spec;
    }

    public Batch batch() {
        return batch;
    }

    public NDArray observations() {
        return batch.observations();
    }

    public StepContext context() {
        return context;
    }

    public NDManager manager() {
        return context.manager();
    }

    public Optional<Posterior> posterior() {
        return Optional.ofNullable(posterior);
    }

    /** The posterior; a term that needs one declares {@link ObjectiveTerm#needsPosterior}, checked when the model is built. */
    public Posterior requirePosterior() {
        if (posterior == null) throw new IllegalStateException("this term needs a Gaussian encoder");
        return posterior;
    }

    /** The codes the decoder was given (a sample of the posterior, or a deterministic encoder's codes). */
    public NDArray codes() {
        return codes;
    }

    /** KL(q(z|x) ‖ N(0, I)) summed over dimensions, averaged over the batch: the logged {@code kl}. */
    public NDArray kl() {
        if (kl == null) throw new IllegalStateException("this term needs a Gaussian encoder");
        return kl;
    }

    /** {input, kernel} of each convolutional decoder layer of this step's decoding, when a term reads them. */
    public List<NDArray[]> probedLayers() {
        return probedLayers;
    }

    public Decoding decoding() {
        return decoding;
    }

    /** The model's networks, for terms that run networks of their own. */
    public Networks networks() {
        return networks;
    }

    /** The batch size, or a one-line error when a term needs at least {@code minimum} rows. */
    public long batchSize(long minimum, String why) {
        long b = codes.getShape().get(0);
        if (b < minimum) throw new UserInputException("--batch-size must be at least " + minimum + " for " + spec.method() + " (" + why + "), got " + b);
        return b;
    }
}
