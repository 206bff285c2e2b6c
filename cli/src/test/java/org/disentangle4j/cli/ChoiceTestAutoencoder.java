package org.disentangle4j.cli;

import ai.djl.ndarray.NDArray;
import java.util.List;
import org.disentangle4j.model.Batch;
import org.disentangle4j.model.HyperParameter;
import org.disentangle4j.model.Losses;
import org.disentangle4j.model.Method;
import org.disentangle4j.model.Methods;
import org.disentangle4j.model.ModelSpec;
import org.disentangle4j.model.StepContext;

/**
 * A test method, registered as {@value #NAME}: a linear autoencoder with a categorical
 * hyper-parameter {@code --loss squared|absolute} that picks its reconstruction error.
 */
final class ChoiceTestAutoencoder extends LinearTestAutoencoder {
    static final String NAME = "choice-test";
    static final HyperParameter LOSS = HyperParameter.choice("loss", "squared", "test: the reconstruction error",
            "squared", "absolute");

    static {
        Methods.register(new Method(NAME, "test: a linear autoencoder with a categorical option", List.of(LOSS),
                ChoiceTestAutoencoder::new));
    }

    /** Registers the method (the class's static initialiser does). */
    static void register() {}

    private ChoiceTestAutoencoder(ModelSpec spec, ai.djl.ndarray.NDManager parent, long seed) {
        super(spec, parent, seed);
    }

    @Override
    public Losses losses(Batch batch, StepContext context) {
        NDArray x = flatten(batch.observations());
        NDArray error = decodeRows(encode(x, true), true).sub(x);
        NDArray recon = switch (spec().choice(LOSS)) {
            case "squared" -> error.square().mean();
            case "absolute" -> error.abs().mean();
            default -> throw new IllegalStateException(spec().choice(LOSS));
        };
        return new Losses().term("recon", recon).objective(MAIN_GROUP, recon);
    }

    @Override
    public boolean hasPrior() {
        return false;
    }
}
