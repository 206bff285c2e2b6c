package org.disentangle4j.model.architecture;

import ai.djl.ndarray.NDArray;
import org.disentangle4j.model.Likelihood;
import org.disentangle4j.model.Losses;
import org.disentangle4j.model.Part;
import org.disentangle4j.nn.Scalars;

/** The observation models: the run's likelihood over logits, CDG-VAE's tanh images, the autoencoders' plain squared error. */
public final class ObservationModels {
    private ObservationModels() {}

    /** The run's {@link Likelihood} (Bernoulli or Gaussian) over the decoder's logits. */
    public static final Part<ObservationModel> RUN_LIKELIHOOD = new Part<>("the run's likelihood (bernoulli or gaussian) over logits",
            (spec, networks) -> of(spec.likelihood()));

    /**
     * CDG-VAE's: images in [−1, 1] as the paper's, x̂ = tanh of the decoder's output compared with
     * 2x − 1 for our [0, 1] observations by ½Σ(x̂ − (2x − 1))², averaged over the batch; the mean
     * observation is (x̂ + 1)/2.
     */
    public static final Part<ObservationModel> TANH_SQUARED_ERROR = new Part<>("tanh images in [−1, 1], ½ squared error",
            (spec, networks) -> new ObservationModel() {
                @Override
                public NDArray loss(NDArray decoded, NDArray observations) {
                    NDArray target = Scalars.mul(observations, 2f).sub(1f);
                    long n = observations.getShape().get(0);
                    return Scalars.div(Scalars.mul(decoded.tanh().sub(target).square().sum(), 0.5f), (float) n);
                }

                @Override
                public NDArray mean(NDArray decoded) {
                    return Scalars.mul(decoded.tanh().add(1f), 0.5f);
                }
            });

    /**
     * The autoencoders': the decoder's output read as the image itself, the squared error summed
     * over pixel values and averaged over the batch; the mean observation is the output clamped to
     * [0, 1]. Logs {@code mse}, the per-value mean squared error (not differentiated), to read
     * against the metrics' RMSE.
     */
    public static final Part<ObservationModel> SQUARED_ERROR = new Part<>("images as decoded, squared error",
            (spec, networks) -> new ObservationModel() {
                private final float values = ImageShapes.size(spec.observationShape());

                @Override
                public NDArray loss(NDArray decoded, NDArray observations) {
                    return sumOfSquares(decoded, observations);
                }

                @Override
                public NDArray mean(NDArray decoded) {
                    return decoded.clip(0f, 1f);
                }

                @Override
                public void log(Losses losses, NDArray recon) {
                    losses.term("mse", Scalars.div(recon.stopGradient(), values));
                }
            });

    /** The additive-decoder reference's pixel scale: its images are 0–255. */
    public static final float REFERENCE_PIXEL_SCALE = 255f;

    /**
     * The additive-decoder reference's loss ({@code torch.mean((x − x̂)²)} on 0–255 images): the
     * decoder's output read in 0–255 units against 255·x, the squared error averaged over every
     * value of the batch, so the weight decay 5e-4 weighs against it as in the reference; the mean
     * observation is the output / 255 clamped to [0, 1]. Logs {@code mse} on the [0, 1] scale.
     */
    public static final Part<ObservationModel> REFERENCE_MEAN_SQUARED_ERROR = new Part<>(
            "images as decoded on a 0–255 scale, squared error averaged over all values (the reference's)",
            (spec, networks) -> new ObservationModel() {
                @Override
                public NDArray loss(NDArray decoded, NDArray observations) {
                    return decoded.sub(Scalars.mul(observations, REFERENCE_PIXEL_SCALE)).square().mean();
                }

                @Override
                public NDArray mean(NDArray decoded) {
                    return Scalars.div(decoded, REFERENCE_PIXEL_SCALE).clip(0f, 1f);
                }

                @Override
                public void log(Losses losses, NDArray recon) {
                    losses.term("mse", Scalars.div(recon.stopGradient(), REFERENCE_PIXEL_SCALE * REFERENCE_PIXEL_SCALE));
                }
            });

    /** Squared error summed over the values of each observation, averaged over the batch: a scalar. */
    public static NDArray sumOfSquares(NDArray reconstruction, NDArray observations) {
        long batch = observations.getShape().get(0);
        return Scalars.div(reconstruction.sub(observations).square().sum(), (float) batch);
    }

    static ObservationModel of(Likelihood likelihood) {
        return new ObservationModel() {
            @Override
            public NDArray loss(NDArray decoded, NDArray observations) {
                return likelihood.loss(decoded, observations);
            }

            @Override
            public NDArray mean(NDArray decoded) {
                return likelihood.mean(decoded);
            }
        };
    }
}
