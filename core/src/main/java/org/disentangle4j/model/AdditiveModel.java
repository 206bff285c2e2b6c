package org.disentangle4j.model;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * A model whose decoder is a sum of one network per block of latent dimensions,
 * f(z) = Σ_B f_B(z_B); what the figures of additive decoders and the block-wise metrics need.
 */
public interface AdditiveModel extends LatentVariableModel {
    /** The latent dimensions of each block, in order. */
    int[][] latentBlocks();

    /**
     * Each block's own rendering f_B(z_B) for codes (B, d), in inference mode and unclamped: a list
     * of (B, C, H, W) images, one per block, whose sum is the decoded image.
     */
    List<NDArray> decodeBlocks(NDArray codes);
}
