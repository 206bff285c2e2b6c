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
 * A test method, registered as {@value #NAME}: a linear autoencoder that trains with finite losses
 * but can be made to fail on purpose: {@code --fail-step N} throws in step N (a crash during
 * training), {@code --nan-codes 1} encodes every image to NaN after training (so scoring fails
 * while training succeeded).
 */
final class FaultyAutoencoder extends LinearTestAutoencoder {
    static final String NAME = "faulty-test";

    static {
        Methods.register(new Method(NAME, "test: a linear autoencoder that fails on request", List.of(
                new HyperParameter("fail-step", 0, "the 1-based step that throws; 0: none", HyperParameter.Range.atLeast(0)),
                new HyperParameter("nan-codes", 0, "1: every code is NaN (scoring fails)", HyperParameter.Range.atLeast(0))),
                FaultyAutoencoder::new));
    }

    /** Registers the method (the class's static initialiser does). */
    static void register() {}

    private FaultyAutoencoder(ModelSpec spec, ai.djl.ndarray.NDManager parent, long seed) {
        super(spec, parent, seed);
    }

    @Override
    public Losses losses(Batch batch, StepContext context) {
        if (context.step() + 1 == spec().hyperParameters().get("fail-step")) {
            throw new IllegalStateException("scripted failure in step " + (context.step() + 1));
        }
        NDArray x = flatten(batch.observations());
        NDArray recon = decodeRows(encode(x, true), true).sub(x).square().mean();
        return new Losses().term("recon", recon).objective(MAIN_GROUP, recon);
    }

    @Override
    public NDArray represent(NDArray observations) {
        NDArray z = super.represent(observations);
        return spec().hyperParameters().get("nan-codes") == 1 ? z.mul(Float.NaN) : z;
    }

    @Override
    public boolean hasPrior() {
        return false;
    }
}
