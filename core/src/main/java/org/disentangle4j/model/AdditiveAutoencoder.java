package org.disentangle4j.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.disentangle4j.io.UserInputException;
import org.disentangle4j.nn.AdditiveDecoder;
import org.disentangle4j.nn.AutoencoderDecoder;

/**
 * The additive autoencoder of Lachapelle et al. 2023: the encoder of {@link Autoencoder} and an
 * {@link AdditiveDecoder}, one {@link AutoencoderDecoder} per block of {@code block-size} latent
 * dimensions, their images summed. ScalarLatents use blocks of 1 (d = 2), BlockLatents blocks
 * of 2 (d = 4); the latent size must be a multiple of the block size.
 */
public final class AdditiveAutoencoder extends Autoencoder implements AdditiveModel {
    private final AdditiveDecoder additive;

    public AdditiveAutoencoder(ModelSpec spec, NDManager parent, long initSeed) {
        super(spec, parent, initSeed, decoderOf(spec));
        this.additive = (AdditiveDecoder) decoderBlock();
    }

    private static AdditiveDecoder decoderOf(ModelSpec spec) {
        double size = spec.hyper("block-size");
        if (size < 1 || size != Math.rint(size)) {
            throw new UserInputException("--block-size must be a positive whole number, got " + size);
        }
        int blockSize = (int) size;
        if (spec.latentDim() % blockSize != 0) {
            throw new UserInputException("--latent-dim " + spec.latentDim() + " is not a multiple of --block-size " + blockSize
                    + "; an additive decoder needs blocks of equal size");
        }
        int channels = spec.observationShape()[0];
        return new AdditiveDecoder(spec.latentDim() / blockSize, blockSize, () -> new AutoencoderDecoder(channels));
    }

    @Override
    public int[][] latentBlocks() {
        int[][] blocks = new int[additive.numBlocks()][additive.blockSize()];
        for (int b = 0; b < blocks.length; b++) {
            for (int i = 0; i < additive.blockSize(); i++) blocks[b][i] = b * additive.blockSize() + i;
        }
        return blocks;
    }

    @Override
    public List<NDArray> decodeBlocks(NDArray codes) {
        return additive.forwardBlocks(parameterStore(), codes, false, null);
    }
}
