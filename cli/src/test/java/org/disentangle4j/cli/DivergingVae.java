package org.disentangle4j.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import java.util.List;
import org.disentangle4j.model.Batch;
import org.disentangle4j.model.LatentVariableModel;
import org.disentangle4j.model.Losses;
import org.disentangle4j.model.Method;
import org.disentangle4j.model.Methods;
import org.disentangle4j.model.Model;
import org.disentangle4j.model.ModelSpec;
import org.disentangle4j.model.StepContext;
import org.disentangle4j.nn.Scalars;

/**
 * A test method, registered as {@value #NAME}: a linear autoencoder (no convolution, so its
 * gradients are exact whatever oneDNN does) whose {@code kl} term is made NaN at step
 * {@value #NAN_STEP}; the NaN reaches the gradient, so the update of that step makes every weight
 * NaN. It has the figures' hooks, so a diverged run of it gets all its figures.
 */
final class DivergingVae extends Model implements LatentVariableModel {
    static final String NAME = "diverging-test";
    /** The (1-based) step whose loss is NaN. */
    static final long NAN_STEP = 7;

    static {
        Methods.register(new Method(NAME, "test: a linear autoencoder whose loss turns NaN at step " + NAN_STEP, List.of(),
                DivergingVae::new));
    }

    /** Registers the method (the class's static initialiser does). */
    static void register() {}

    private final Linear encoder;
    private final Linear decoder;
    private final int pixels;

    private DivergingVae(ModelSpec spec, ai.djl.ndarray.NDManager parent, long seed) {
        super(spec, parent, seed);
        int size = 1;
        for (int d : spec.observationShape()) size *= d;
        pixels = size;
        encoder = addPart("encoder", Linear.builder().setUnits(spec.latentDim()).build(), new Shape(1, pixels));
        decoder = addPart("decoder", Linear.builder().setUnits(pixels).build(), new Shape(1, spec.latentDim()));
    }

    @Override
    public Losses losses(Batch batch, StepContext context) {
        NDArray x = batch.observations().reshape(-1, pixels);
        NDArray z = forward(encoder, x, true);
        NDArray recon = Activation.sigmoid(forward(decoder, z, true)).sub(x).square().mean();
        NDArray kl = z.square().mean();
        if (context.step() + 1 == NAN_STEP) kl = Scalars.mul(kl, Float.NaN);
        return new Losses().term("recon", recon).term("kl", kl).objective(MAIN_GROUP, recon.add(kl));
    }

    @Override
    public int latentDim() {
        return spec().latentDim();
    }

    @Override
    public NDArray represent(NDArray observations) {
        return forward(encoder, observations.reshape(-1, pixels), false);
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
        return true;
    }
}
