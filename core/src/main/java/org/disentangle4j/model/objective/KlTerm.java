package org.disentangle4j.model.objective;

import ai.djl.ndarray.NDArray;
import java.util.List;
import org.disentangle4j.model.HyperParameter;
import org.disentangle4j.model.Losses;
import org.disentangle4j.model.Part;
import org.disentangle4j.nn.Scalars;

/** β·KL(q(z|x) ‖ N(0, I)): the VAE's term (β = 1, {@link #KL}) and β-VAE's ({@link #weighted}). */
public final class KlTerm implements ObjectiveTerm {
    /** The KL itself. */
    public static final Part<ObjectiveTerm> KL = new Part<>("KL", (spec, networks) -> new KlTerm(1f));

    private final float beta;

    private KlTerm(float beta) {
        this.beta = beta;
    }

    /** β·KL, β read from {@code beta} (each method declares its own default). */
    public static Part<ObjectiveTerm> weighted(HyperParameter beta) {
        return new Part<>("β·KL", List.of(beta), (spec, networks) -> new KlTerm((float) spec.value(beta)));
    }

    @Override
    public List<NDArray> contribute(TrainingStep step, Losses losses) {
        return List.of(beta == 1f ? step.kl() : Scalars.mul(step.kl(), beta));
    }
}
