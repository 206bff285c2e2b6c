package org.disentangle4j.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Optional;
import org.disentangle4j.model.HyperParameter.Range;
import org.disentangle4j.io.UserInputException;
import org.disentangle4j.nn.AdditiveDecoder;
import org.disentangle4j.nn.AutoencoderDecoder;

/**
 * The additive autoencoder of Lachapelle et al. 2023: the encoder of {@link Autoencoder} and an
 * {@link AdditiveDecoder}, one {@link AutoencoderDecoder} per block of {@code block-size} latent
 * dimensions, their images summed. ScalarLatents use blocks of 1 (d = 2), BlockLatents blocks
 * of 2 (d = 4); the latent size must be a multiple of the block size.
 */
public final class AdditiveAutoencoder extends Autoencoder {
    public static final HyperParameter BLOCK_SIZE = new HyperParameter("block-size", 1,
            "latent dimensions per decoder block (1: ScalarLatents, 2: BlockLatents)", Range.COUNT);

    public static final Method METHOD = new Method("additive-ae", "additive autoencoder (Lachapelle et al. 2023): the decoder is a sum "
            + "of one network per latent block, f(z) = Σ_B f_B(z_B); otherwise as ae. --blocks 1,1 (ScalarLatents) or 2,2 "
            + "(BlockLatents) sets latent size and block size",
            List.of(BLOCK_SIZE, WEIGHT_DECAY, VALIDATE_EVERY), AdditiveAutoencoder::new, TRAINING_DEFAULTS);

    private final AdditiveDecoder additive;

    public AdditiveAutoencoder(ModelSpec spec, NDManager parent, long initSeed) {
        super(spec, parent, initSeed, decoderOf(spec));
        this.additive = (AdditiveDecoder) decoderBlock();
    }

    private static AdditiveDecoder decoderOf(ModelSpec spec) {
        int blockSize = spec.count(BLOCK_SIZE);
        if (spec.latentDim() % blockSize != 0) {
            throw new UserInputException("--latent-dim " + spec.latentDim() + " is not a multiple of --block-size " + blockSize
                    + "; an additive decoder needs blocks of equal size");
        }
        int channels = spec.observationShape()[0];
        return new AdditiveDecoder(spec.latentDim() / blockSize, blockSize, () -> new AutoencoderDecoder(channels));
    }

    @Override
    public Optional<int[][]> latentBlocks() {
        int[][] blocks = new int[additive.numBlocks()][additive.blockSize()];
        for (int b = 0; b < blocks.length; b++) {
            for (int i = 0; i < additive.blockSize(); i++) blocks[b][i] = b * additive.blockSize() + i;
        }
        return Optional.of(blocks);
    }

    /** Each block's own rendering f_B(z_B) for codes (B, d), inference mode, unclamped; their sum is the decoded image. */
    public List<NDArray> decodeBlocks(NDArray codes) {
        return additive.forwardBlocks(parameterStore(), transformLatent(codes, false), false, null);
    }

    /** {@code blocks.png}: each block's rendering beside the input and its reconstruction. */
    @Override
    public List<ExtraFigure> extraFigures() {
        return List.of(new BlockRenderingsFigure(this, this::decodeBlocks));
    }
}
