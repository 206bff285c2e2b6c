package org.disentangle4j.cli;

import ai.djl.ndarray.NDArray;
import java.util.List;
import org.disentangle4j.model.Batch;
import org.disentangle4j.model.Losses;
import org.disentangle4j.model.Method;
import org.disentangle4j.model.Methods;
import org.disentangle4j.model.ModelSpec;
import org.disentangle4j.model.StepContext;
import org.disentangle4j.nn.Scalars;

/**
 * A test method, registered as {@value #NAME}: a linear autoencoder (no convolution, so its
 * gradients are exact whatever oneDNN does) whose {@code kl} term is made NaN at step
 * {@value #NAN_STEP}; the NaN reaches the gradient, so the update of that step makes every weight
 * NaN. It has the figures' hooks, so a diverged run of it gets all its figures.
 */
final class DivergingVae extends LinearTestAutoencoder {
    static final String NAME = "diverging-test";
    /** The (1-based) step whose loss is NaN. */
    static final long NAN_STEP = 7;

    static {
        Methods.register(new Method(NAME, "test: a linear autoencoder whose loss turns NaN at step " + NAN_STEP, List.of(),
                DivergingVae::new));
    }

    /** Registers the method (the class's static initialiser does). */
    static void register() {}

    private DivergingVae(ModelSpec spec, ai.djl.ndarray.NDManager parent, long seed) {
        super(spec, parent, seed);
    }

    @Override
    public Losses losses(Batch batch, StepContext context) {
        NDArray x = flatten(batch.observations());
        NDArray z = encode(x, true);
        NDArray recon = decodeRows(z, true).sub(x).square().mean();
        NDArray kl = z.square().mean();
        if (context.step() + 1 == NAN_STEP) kl = Scalars.mul(kl, Float.NaN);
        return new Losses().term("recon", recon).term("kl", kl).objective(MAIN_GROUP, recon.add(kl));
    }

    @Override
    public boolean hasPrior() {
        return true;
    }
}
