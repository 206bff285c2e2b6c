package org.disentangle4j.model.architecture;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Optional;
import org.disentangle4j.model.DecoderLayerHook;
import org.disentangle4j.model.ExtraFigure;
import org.disentangle4j.model.Model;

/**
 * What the decoder reads (B, d) to its raw output shaped as the observations (logits, or images
 * for decoders read without an activation); the {@link ObservationModel} turns it into a loss and
 * a mean image.
 */
public interface Decoder {
    NDArray decode(NDArray input, boolean training);

    /** The names of the layers that can be intervened on, in order; none by default. */
    default List<String> layers() {
        return List.of();
    }

    /** {@link #decode} with each layer of {@link #layers} run through the hook. */
    default NDArray decode(NDArray input, boolean training, DecoderLayerHook hook) {
        throw new UnsupportedOperationException("this decoder has no addressable layers");
    }

    /** The latent dimensions each block reads, for block-structured decoders. */
    default Optional<int[][]> latentBlocks() {
        return Optional.empty();
    }

    /** Figures of the decoder's own (an additive decoder's block renderings). */
    default List<ExtraFigure> figures(Model model) {
        return List.of();
    }
}
