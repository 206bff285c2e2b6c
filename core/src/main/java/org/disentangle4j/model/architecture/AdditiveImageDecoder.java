package org.disentangle4j.model.architecture;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Optional;
import org.disentangle4j.io.UserInputException;
import org.disentangle4j.model.BlockRenderingsFigure;
import org.disentangle4j.model.ExtraFigure;
import org.disentangle4j.model.HyperParameter;
import org.disentangle4j.model.HyperParameter.Range;
import org.disentangle4j.model.Model;
import org.disentangle4j.model.ModelSpec;
import org.disentangle4j.model.Part;
import org.disentangle4j.nn.AdditiveDecoder;
import org.disentangle4j.nn.AutoencoderDecoder;

/**
 * The additive decoder of Lachapelle et al. 2023: one {@link AutoencoderDecoder} per block of
 * {@code block-size} latent dimensions, their images summed ({@link AdditiveDecoder}). The latent
 * size must be a multiple of the block size.
 */
public final class AdditiveImageDecoder implements Decoder {
    public static final HyperParameter BLOCK_SIZE = new HyperParameter("block-size", 1,
            "latent dimensions per decoder block (1: ScalarLatents, 2: BlockLatents)", Range.COUNT);
    public static final Part<Decoder> PART = new Part<>("additive (one conv decoder per latent block, summed)", List.of(BLOCK_SIZE),
            AdditiveImageDecoder::new);

    private final AdditiveDecoder network;
    private final Networks networks;

    public AdditiveImageDecoder(ModelSpec spec, Networks networks) {
        ImageShapes.require64(spec, "the additive decoder");
        int blockSize = spec.count(BLOCK_SIZE);
        if (spec.latentDim() % blockSize != 0) {
            throw new UserInputException("--latent-dim " + spec.latentDim() + " is not a multiple of --block-size " + blockSize
                    + "; an additive decoder needs blocks of equal size");
        }
        int channels = spec.channels();
        this.networks = networks;
        this.network = networks.add("decoder", new AdditiveDecoder(spec.latentDim() / blockSize, blockSize, () -> new AutoencoderDecoder(channels)),
                new Shape(2, spec.latentDim()));
    }

    @Override
    public NDArray decode(NDArray input, boolean training) {
        return networks.forward(network, input, training);
    }

    /** Each block's own rendering f_B(z_B) for what the decoder reads, unclamped; their sum is {@link #decode}'s. */
    public List<NDArray> decodeBlocks(NDArray input, boolean training) {
        return network.forwardBlocks(networks.store(), input, training, null);
    }

    @Override
    public Optional<int[][]> latentBlocks() {
        int[][] blocks = new int[network.numBlocks()][network.blockSize()];
        for (int b = 0; b < blocks.length; b++) {
            for (int i = 0; i < network.blockSize(); i++) blocks[b][i] = b * network.blockSize() + i;
        }
        return Optional.of(blocks);
    }

    /** {@code blocks.png}: each block's rendering beside the input and its reconstruction. */
    @Override
    public List<ExtraFigure> figures(Model model) {
        return List.of(new BlockRenderingsFigure(model, codes -> decodeBlocks(model.transformLatent(codes, false), false)));
    }
}
