package org.disentangle4j.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.disentangle4j.model.HyperParameter.Range;
import org.disentangle4j.io.UserInputException;
import org.disentangle4j.nn.AutoencoderDecoder;
import org.disentangle4j.nn.AutoencoderEncoder;
import org.disentangle4j.nn.Scalars;

/**
 * A deterministic autoencoder with the non-additive decoder of the additive-decoder paper
 * (Lachapelle et al. 2023): {@link AutoencoderEncoder} to a batch-normalised code,
 * {@link AutoencoderDecoder} back to the image, no output activation. The loss is reconstruction
 * only: the squared error summed over pixel values and averaged over the batch. Adam with weight
 * decay (the reference's 5e-4, an L2 term added to the gradient as PyTorch's Adam does) over all
 * trainable parameters; the trainer keeps the parameters of the lowest validation loss
 * ({@link #validation}).
 *
 * <p>Inference mode (codes for metrics, decoded images for figures) uses batch normalisation's
 * running statistics; training uses the batch's own. The observation model (the run's
 * likelihood) does not apply: decoded images are read as they are, clamped to [0, 1].
 */
public class Autoencoder extends Model {
    /** Observations in the validation set: 512 images, 8 of the default batches. */
    public static final int VALIDATION_SIZE = 512;

    public static final HyperParameter WEIGHT_DECAY = new HyperParameter("weight-decay", 5e-4,
            "Adam's L2 weight decay (reference: 5e-4)", Range.WEIGHT);
    public static final HyperParameter VALIDATE_EVERY = new HyperParameter("validate-every", 250,
            "steps between validations; best.npz keeps the lowest validation loss", Range.COUNT);
    /**
     * Training options of the additive-decoder paper's models: Adam lr 1e-3 as in the reference
     * (models/*.py, algorithms/*.py of its code); without --blocks or --latent-dim their code has
     * the dataset's blocks (balls-scalar 1,1, balls-block-* 2,2).
     */
    public static final Map<String, Object> TRAINING_DEFAULTS = Map.of("lr", 1e-3, "blocks", "dataset");

    public static final Method METHOD = new Method("ae", "autoencoder with the non-additive decoder of the additive-decoder paper: "
            + "conv encoder, batch-normalised code, MLP decoder with batch norm; loss: squared error on pixels; keeps the checkpoint "
            + "of the lowest validation loss (best.npz)", List.of(WEIGHT_DECAY, VALIDATE_EVERY), Autoencoder::new, TRAINING_DEFAULTS);

    private final Block encoder;
    private final Block decoder;
    private final float pixels;

    /** The non-additive autoencoder ({@code ae}). */
    public Autoencoder(ModelSpec spec, NDManager parent, long initSeed) {
        this(spec, parent, initSeed, null);
    }

    /** @param decoder the decoder of codes (B, d), or null for the non-additive {@link AutoencoderDecoder} */
    protected Autoencoder(ModelSpec spec, NDManager parent, long initSeed, Block decoder) {
        super(spec, parent, initSeed);
        int[] obs = spec.observationShape();
        if (obs.length != 3 || obs[1] != 64 || obs[2] != 64) {
            throw new UserInputException("method " + spec.method() + " needs 64×64 images; the dataset gives observations of shape "
                    + Arrays.toString(obs));
        }
        this.encoder = addPart("encoder", new AutoencoderEncoder(spec.latentDim()), new Shape(2, obs[0], obs[1], obs[2]));
        this.decoder = addPart("decoder", decoder != null ? decoder : new AutoencoderDecoder(obs[0]), new Shape(2, spec.latentDim()));
        this.pixels = obs[0] * obs[1] * obs[2];
    }

    /** Codes (B, d) of observations; {@code training} selects batch statistics and updates the running ones. */
    public NDArray encode(NDArray observations, boolean training) {
        return forward(encoder, observations, training);
    }

    /** Images (B, C, H, W) for what the decoder reads, unclamped (decoded images are read clamped to [0, 1]). */
    @Override
    public NDArray decode(NDArray decoderInput, boolean training) {
        return forward(decoder, decoderInput, training);
    }

    protected Block decoderBlock() {
        return decoder;
    }

    /** Squared error summed over the pixel values of each image, averaged over the batch: a scalar. */
    static NDArray sumOfSquares(NDArray reconstruction, NDArray observations) {
        long batch = observations.getShape().get(0);
        return Scalars.div(reconstruction.sub(observations).square().sum(), (float) batch);
    }

    @Override
    public Losses losses(Batch batch, StepContext context) {
        NDArray x = batch.observations();
        NDArray recon = sumOfSquares(decode(transformLatent(encode(x, true), true), true), x);
        Losses losses = new Losses().term("recon", recon);
        // the per-pixel mean squared error, for reading against the metric's RMSE (not differentiated)
        losses.term("mse", Scalars.div(recon.stopGradient(), pixels));
        losses.term("loss", recon);
        return losses.objective(MAIN_GROUP, recon);
    }

    @Override
    public List<ParameterGroup> parameterGroups(OptimizerSettings main) {
        return List.of(new ParameterGroup(MAIN_GROUP, parameterNamesOf(), main.withWeightDecay(spec().value(WEIGHT_DECAY))));
    }

    @Override
    public NDArray represent(NDArray observations) {
        return encode(observations, false);
    }

    /** Validation on {@value #VALIDATION_SIZE} images every {@code --validate-every} steps, on the training loss in inference mode. */
    @Override
    public Optional<Validation> validation() {
        return Optional.of(new Validation(spec().count(VALIDATE_EVERY), VALIDATION_SIZE,
                x -> sumOfSquares(reconstruction(x), x)));
    }

    /** The decoder's unclamped output for the code of each observation, in inference mode. */
    private NDArray reconstruction(NDArray observations) {
        return decode(transformLatent(encode(observations, false), false), false);
    }
}
