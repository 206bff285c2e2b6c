package org.disentangle4j.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import java.util.List;
import org.disentangle4j.model.Batch;
import org.disentangle4j.model.HyperParameter;
import org.disentangle4j.model.LatentVariableModel;
import org.disentangle4j.model.Losses;
import org.disentangle4j.model.Method;
import org.disentangle4j.model.Methods;
import org.disentangle4j.model.Model;
import org.disentangle4j.model.ModelSpec;
import org.disentangle4j.model.StepContext;

/**
 * A test method, registered as {@value #NAME}: a linear autoencoder that trains with finite losses
 * but can be made to fail on purpose: {@code --fail-step N} throws in step N (a crash during
 * training), {@code --nan-codes 1} encodes every image to NaN after training (so scoring fails
 * while training succeeded).
 */
final class FaultyAutoencoder extends Model implements LatentVariableModel {
    static final String NAME = "faulty-test";

    static {
        Methods.register(new Method(NAME, "test: a linear autoencoder that fails on request", List.of(
                new HyperParameter("fail-step", 0, "the 1-based step that throws; 0: none", HyperParameter.Range.atLeast(0)),
                new HyperParameter("nan-codes", 0, "1: every code is NaN (scoring fails)", HyperParameter.Range.atLeast(0))),
                FaultyAutoencoder::new));
    }

    /** Registers the method (the class's static initialiser does). */
    static void register() {}

    private final Linear encoder;
    private final Linear decoder;
    private final int pixels;

    private FaultyAutoencoder(ModelSpec spec, ai.djl.ndarray.NDManager parent, long seed) {
        super(spec, parent, seed);
        int size = 1;
        for (int d : spec.observationShape()) size *= d;
        pixels = size;
        encoder = addPart("encoder", Linear.builder().setUnits(spec.latentDim()).build(), new Shape(1, pixels));
        decoder = addPart("decoder", Linear.builder().setUnits(pixels).build(), new Shape(1, spec.latentDim()));
    }

    @Override
    public Losses losses(Batch batch, StepContext context) {
        if (context.step() + 1 == spec().hyperParameters().get("fail-step")) {
            throw new IllegalStateException("scripted failure in step " + (context.step() + 1));
        }
        NDArray x = batch.observations().reshape(-1, pixels);
        NDArray z = forward(encoder, x, true);
        NDArray recon = Activation.sigmoid(forward(decoder, z, true)).sub(x).square().mean();
        return new Losses().term("recon", recon).objective(MAIN_GROUP, recon);
    }

    @Override
    public int latentDim() {
        return spec().latentDim();
    }

    @Override
    public NDArray represent(NDArray observations) {
        NDArray z = forward(encoder, observations.reshape(-1, pixels), false);
        return spec().hyperParameters().get("nan-codes") == 1 ? z.mul(Float.NaN) : z;
    }

    @Override
    public NDArray generate(NDArray codes) {
        long[] shape = new long[spec().observationShape().length + 1];
        shape[0] = codes.getShape().get(0);
        for (int i = 1; i < shape.length; i++) shape[i] = spec().observationShape()[i - 1];
        return Activation.sigmoid(forward(decoder, codes, false)).reshape(new Shape(shape));
    }

    @Override
    public NDArray latentUsage(NDArray observations) {
        return represent(observations).square().mean(new int[] {0});
    }

    @Override
    public boolean hasPrior() {
        return false;
    }
}
