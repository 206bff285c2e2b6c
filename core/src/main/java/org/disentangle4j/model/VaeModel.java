package org.disentangle4j.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import org.disentangle4j.nn.ConvDecoder;
import org.disentangle4j.nn.ConvEncoder;

/**
 * A VAE with a diagonal Gaussian posterior over the standard 64×64 encoder/decoder. Its loss is
 * reconstruction + {@link #regularizer}; the methods of the zoo differ only in the regularizer,
 * as in disentanglement_lib.
 */
public abstract class VaeModel extends Model implements LatentVariableModel {
    private final SequentialBlock encoder;
    private final SequentialBlock decoder;

    protected VaeModel(ModelSpec spec, NDManager parent, long initSeed) {
        super(spec, parent, initSeed);
        int[] obs = spec.observationShape();
        if (obs.length != 3 || obs[1] != 64 || obs[2] != 64) {
            throw new org.disentangle4j.io.UserInputException("method " + spec.method()
                    + " needs 64×64 images; the dataset gives observations of shape " + java.util.Arrays.toString(obs));
        }
        this.encoder = addPart("encoder", new ConvEncoder(2 * spec.latentDim()), new Shape(1, obs[0], obs[1], obs[2]));
        this.decoder = addPart("decoder", new ConvDecoder(obs[0]), new Shape(1, spec.latentDim()));
    }

    @Override
    public int latentDim() {
        return spec().latentDim();
    }

    public SequentialBlock encoder() {
        return encoder;
    }

    /** The decoder's layers, for interventions that run a range of them. */
    public SequentialBlock decoder() {
        return decoder;
    }

    public Posterior encode(NDArray observations, boolean training) {
        NDList halves = forward(encoder, observations, training).split(2, 1);
        return new Posterior(halves.get(0), halves.get(1));
    }

    /** Decoder logits for latent codes (B, d). */
    public NDArray decode(NDArray codes, boolean training) {
        return forward(decoder, codes, training);
    }

    @Override
    public NDArray generate(NDArray codes) {
        return spec().likelihood().mean(decode(codes, false));
    }

    @Override
    public NDArray represent(NDArray observations) {
        return encode(observations, false).mean();
    }

    @Override
    public NDArray latentUsage(NDArray observations) {
        return encode(observations, false).klPerDimension();
    }

    @Override
    public boolean hasPrior() {
        return true;
    }

    @Override
    public Losses losses(Batch batch, StepContext context) {
        NDArray x = batch.observations();
        Posterior q = encode(x, true);
        NDArray z = q.sample(context.normal(q.mean().getShape()));
        NDArray recon = spec().likelihood().loss(decode(z, true), x);
        NDArray kl = q.klPerDimension().sum();
        Losses losses = new Losses().term("recon", recon).term("kl", kl);
        NDArray loss = recon.add(regularizer(losses, q, z, context));
        losses.term("elbo", recon.add(kl).neg()).term("loss", loss);
        return losses.objective(MAIN_GROUP, loss);
    }

    /**
     * The method's term beyond the reconstruction, given the batch's KL (in {@code losses}), its
     * posterior and its sampled codes. Extra terms worth logging are added to {@code losses}.
     */
    protected abstract NDArray regularizer(Losses losses, Posterior posterior, NDArray sampled, StepContext context);
}
