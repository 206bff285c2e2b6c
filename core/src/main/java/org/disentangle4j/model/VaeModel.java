package org.disentangle4j.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import java.util.ArrayList;
import java.util.List;
import org.disentangle4j.nn.ConvDecoder;
import org.disentangle4j.nn.ConvEncoder;

/**
 * The VAE family of the template: a diagonal Gaussian posterior over the standard 64×64
 * encoder/decoder, the run's likelihood as the observation model, a standard normal prior. Its
 * loss is reconstruction (of the decoded {@link #transformLatent transformed} sample) +
 * {@link #regularizer}; the methods of the zoo differ only in the regularizer, as in
 * disentanglement_lib, and log at least {@code recon}, {@code kl}, {@code elbo} and {@code loss}.
 */
public abstract class VaeModel extends Model {
    /**
     * Every VAE's independence regulariser (issue 15): λ·Σ_k (log ρ_k)² over the decoder's
     * convolutional layers, ρ_k their spectral density ratio on the batch ({@code nn.SpectralIndependence});
     * 0 switches it off and leaves the model as it was. Logged as the term {@code im}.
     */
    public static final HyperParameter IM_WEIGHT = new HyperParameter("im-weight", 0.0,
            "weight λ of the spectral independence term λ·Σ_k (log ρ_k)² of the decoder's conv layers (issue 15)",
            null, HyperParameter.Range.WEIGHT, List.of());
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

    /** Decoder logits for what the decoder reads (B, d). */
    @Override
    public NDArray decode(NDArray decoderInput, boolean training) {
        return forward(decoder, decoderInput, training);
    }

    /** The likelihood's mean image (the sigmoid of the logits). */
    @Override
    public NDArray observationMean(NDArray decoderOutput) {
        return spec().likelihood().mean(decoderOutput);
    }

    @Override
    public NDArray represent(NDArray observations) {
        return encode(observations, false).mean();
    }

    @Override
    public java.util.Optional<Posterior> posterior(NDArray observations) {
        return java.util.Optional.of(encode(observations, false));
    }

    /** The mean KL of each dimension's posterior to the prior. */
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
        double imWeight = imWeight();
        List<NDArray[]> probed = new ArrayList<>();
        NDArray decoded = imWeight > 0
                ? decode(transformLatent(z, true), true, SpectralProbe.collecting(probed))
                : decode(transformLatent(z, true), true);
        NDArray recon = spec().likelihood().loss(decoded, x);
        NDArray kl = q.klPerDimension().sum();
        Losses losses = new Losses().term("recon", recon).term("kl", kl);
        NDArray loss = recon.add(regularizer(losses, q, z, context));
        if (imWeight > 0) {
            NDArray im = SpectralProbe.penalty(probed);
            losses.term("im", im);
            loss = loss.add(org.disentangle4j.nn.Scalars.mul(im, (float) imWeight));
        }
        losses.term("elbo", recon.add(kl).neg()).term("loss", loss);
        return losses.objective(MAIN_GROUP, loss);
    }

    /** λ of {@link #IM_WEIGHT}; 0 for a run whose config predates it. */
    public double imWeight() {
        return spec().hyperParameters().getOrDefault(IM_WEIGHT.name(), 0.0);
    }

    /** The decoder's layers one at a time, each through the hook. */
    @Override
    public NDArray decode(NDArray decoderInput, boolean training, DecoderLayerHook hook) {
        NDArray x = decoderInput;
        int index = 0;
        for (ai.djl.util.Pair<String, ai.djl.nn.Block> child : decoder.getChildren()) {
            ai.djl.nn.Block layer = child.getValue();
            x = hook.apply(index++, child.getKey(), layer, x, in -> forward(layer, in, training));
        }
        return x;
    }

    /** Every code dimension is a latent node; every layer of the decoder, by its name in the decoder, can be replaced. */
    @Override
    public InterventionTargets interventionTargets() {
        return new InterventionTargets(super.interventionTargets().latentNodes(), decoder.getChildren().keys());
    }

    /**
     * The method's term beyond the reconstruction, given the batch's KL (in {@code losses}), its
     * posterior and its sampled codes. Extra terms worth logging are added to {@code losses}.
     */
    protected abstract NDArray regularizer(Losses losses, Posterior posterior, NDArray sampled, StepContext context);
}
