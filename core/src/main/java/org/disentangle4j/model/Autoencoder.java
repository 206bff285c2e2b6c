package org.disentangle4j.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.Arrays;
import java.util.List;
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
 * ({@link ValidatedModel}).
 *
 * <p>Inference mode (codes for metrics, decoded images for figures) uses batch normalisation's
 * running statistics; training uses the batch's own. The observation model (the run's
 * likelihood) does not apply: decoded images are read as they are, clamped to [0, 1].
 */
public class Autoencoder extends Model implements LatentVariableModel, ValidatedModel {
    /** Observations in the validation set: 512 images, 8 of the default batches. */
    public static final int VALIDATION_SIZE = 512;

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
        if (spec.hyper("validate-every") < 1) {
            throw new UserInputException("--validate-every must be a positive number of steps, got "
                    + (long) spec.hyper("validate-every"));
        }
        this.encoder = addPart("encoder", new AutoencoderEncoder(spec.latentDim()), new Shape(2, obs[0], obs[1], obs[2]));
        this.decoder = addPart("decoder", decoder != null ? decoder : new AutoencoderDecoder(obs[0]), new Shape(2, spec.latentDim()));
        this.pixels = obs[0] * obs[1] * obs[2];
    }

    /** Codes (B, d) of observations; {@code training} selects batch statistics and updates the running ones. */
    public NDArray encode(NDArray observations, boolean training) {
        return forward(encoder, observations, training);
    }

    /** Images (B, C, H, W) of codes, unclamped. */
    public NDArray decode(NDArray codes, boolean training) {
        return forward(decoder, codes, training);
    }

    protected Block decoderBlock() {
        return decoder;
    }

    @Override
    public int latentDim() {
        return spec().latentDim();
    }

    /** Squared error summed over the pixel values of each image, averaged over the batch: a scalar. */
    static NDArray sumOfSquares(NDArray reconstruction, NDArray observations) {
        long batch = observations.getShape().get(0);
        return Scalars.div(reconstruction.sub(observations).square().sum(), (float) batch);
    }

    @Override
    public Losses losses(Batch batch, StepContext context) {
        NDArray x = batch.observations();
        NDArray recon = sumOfSquares(decode(encode(x, true), true), x);
        Losses losses = new Losses().term("recon", recon);
        // the per-pixel mean squared error, for reading against the metric's RMSE (not differentiated)
        losses.term("mse", Scalars.div(recon.stopGradient(), pixels));
        losses.term("loss", recon);
        return losses.objective(MAIN_GROUP, recon);
    }

    @Override
    public List<ParameterGroup> parameterGroups(OptimizerSettings main) {
        return List.of(new ParameterGroup(MAIN_GROUP, parameterNamesOf(), main.withWeightDecay(spec().hyper("weight-decay"))));
    }

    @Override
    public NDArray represent(NDArray observations) {
        return encode(observations, false);
    }

    /** Decoded images clamped to [0, 1] (the decoder has no output activation). */
    @Override
    public NDArray generate(NDArray codes) {
        return decode(codes, false).clip(0f, 1f);
    }

    /** The variance of each code dimension over these observations. */
    @Override
    public NDArray latentUsage(NDArray observations) {
        NDArray z = represent(observations);
        NDArray centred = z.sub(z.mean(new int[] {0}, true));
        return centred.square().mean(new int[] {0});
    }

    @Override
    public boolean hasPrior() {
        return false;
    }

    @Override
    public int validationEvery() {
        return (int) spec().hyper("validate-every");
    }

    @Override
    public int validationSize() {
        return VALIDATION_SIZE;
    }

    /** The training loss (squared error per image) in inference mode. */
    @Override
    public NDArray validationLoss(NDArray observations) {
        return sumOfSquares(decode(encode(observations, false), false), observations);
    }
}
