package org.disentangle4j.model;

import java.util.List;
import org.disentangle4j.model.architecture.CodeImageDecoder;
import org.disentangle4j.model.architecture.ConvImageDecoder;
import org.disentangle4j.model.architecture.Decoder;
import org.disentangle4j.model.architecture.Encoder;
import org.disentangle4j.model.architecture.ImageShapes;
import org.disentangle4j.model.architecture.LatentStructure;
import org.disentangle4j.model.architecture.NetworkEncoder;
import org.disentangle4j.model.architecture.MlpImageDecoder;
import org.disentangle4j.model.architecture.ObservationModel;
import org.disentangle4j.model.architecture.ObservationModels;

/** The architecture's parts by name, for compositions to pick from. */
public final class Parts {
    private Parts() {}

    public static final Part<Encoder> CONV_GAUSSIAN_ENCODER = new Part<>("conv 64×64 → Gaussian", NetworkEncoder::convGaussian);
    public static final Part<Encoder> MLP_GAUSSIAN_ENCODER = new Part<>("MLP 300-300 ELU → Gaussian", NetworkEncoder::mlpGaussian);
    /** The convolutional encoder on 64×64 images, the MLP on anything else (vectors, other image sizes). */
    public static final Part<Encoder> GAUSSIAN_ENCODER_BY_DATA = new Part<>("conv 64×64 → Gaussian (MLP on other data)",
            (spec, networks) -> ImageShapes.is64(spec.observationShape()) ? NetworkEncoder.convGaussian(spec, networks)
                    : NetworkEncoder.mlpGaussian(spec, networks));
    public static final Part<Encoder> CONV_CODE_ENCODER = new Part<>("conv 64×64 → batch-normalised code (deterministic)", NetworkEncoder::convCodes);

    public static final Part<LatentStructure> IDENTITY = new Part<>("none", (spec, networks) -> LatentStructure.IDENTITY);

    public static final Part<Decoder> CONV_DECODER = new Part<>("conv 64×64 (sub-pixel upsampling)", ConvImageDecoder::new);
    public static final Part<Decoder> MLP_DECODER = new Part<>("MLP 300-300 ELU over all latents", MlpImageDecoder::shared);
    /** The convolutional decoder for 64×64 images, the MLP for anything else. */
    public static final Part<Decoder> DECODER_BY_DATA = new Part<>("conv 64×64 (MLP on other data)",
            (spec, networks) -> ImageShapes.is64(spec.observationShape()) ? new ConvImageDecoder(spec, networks)
                    : MlpImageDecoder.shared(spec, networks));
    public static final Part<Decoder> BLOCK_MASKED_DECODER = new Part<>("one masked MLP per causal block of the dataset, summed",
            MlpImageDecoder::blockSeparable);
    /** CDG-VAE's choice: {@code --decoder blocks} (block-masked) or {@code shared} (one MLP, the paper's "VAE" baseline). */
    public static final HyperParameter DECODER_CHOICE = HyperParameter.choice("decoder", "blocks",
            "blocks: one masked MLP per causal block, summed (CDG-VAE); shared: one MLP over all latents (the paper's baseline)",
            "blocks", "shared");
    public static final Part<Decoder> BLOCK_MASKED_OR_SHARED_DECODER = new Part<>("block-masked MLPs (--decoder blocks) or one MLP (shared)",
            List.of(DECODER_CHOICE), (spec, networks) -> spec.choice(DECODER_CHOICE).equals("shared") ? MlpImageDecoder.shared(spec, networks)
                    : MlpImageDecoder.blockSeparable(spec, networks));
    public static final Part<Decoder> CODE_DECODER = new Part<>("MLP with batch norm + upsampling, no activation", CodeImageDecoder::new);

    public static final Part<ObservationModel> RUN_LIKELIHOOD = ObservationModels.RUN_LIKELIHOOD;
    public static final Part<ObservationModel> TANH_SQUARED_ERROR = ObservationModels.TANH_SQUARED_ERROR;
    public static final Part<ObservationModel> SQUARED_ERROR = ObservationModels.SQUARED_ERROR;
    public static final Part<ObservationModel> REFERENCE_MEAN_SQUARED_ERROR = ObservationModels.REFERENCE_MEAN_SQUARED_ERROR;
    /** The autoencoders' choice of loss: {@code --recon-loss sum} (the default) or {@code reference} (the additive-decoder reference's). */
    public static final HyperParameter RECON_LOSS = HyperParameter.choice("recon-loss", "sum",
            "sum: squared error summed over an image's values on [0, 1]; reference: the additive-decoder reference's, on 0-255 "
                    + "values averaged over all of them (its weight decay then weighs as in the reference)", "sum", "reference");
    public static final Part<ObservationModel> AUTOENCODER_LOSS = new Part<>("squared error (--recon-loss sum, or the reference's)",
            List.of(RECON_LOSS), (spec, networks) -> (spec.choice(RECON_LOSS).equals("reference") ? REFERENCE_MEAN_SQUARED_ERROR
                    : SQUARED_ERROR).build(spec, networks));
}
