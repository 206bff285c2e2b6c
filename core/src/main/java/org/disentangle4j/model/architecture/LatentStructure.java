package org.disentangle4j.model.architecture;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.disentangle4j.data.CausalGraph;
import org.disentangle4j.model.ExtraFigure;
import org.disentangle4j.model.Model;

/**
 * What sits between the codes and the decoder, and what an intervention on a latent node means.
 * The {@link #IDENTITY} passes codes on: every code dimension is an independent node.
 */
public interface LatentStructure {
    LatentStructure IDENTITY = new LatentStructure() {};

    /** What the decoder reads for codes (B, d). */
    default NDArray transform(NDArray codes, boolean training) {
        return codes;
    }

    /** The graph an intervention propagates through; empty when the nodes are independent. */
    default Optional<CausalGraph> graph() {
        return Optional.empty();
    }

    /** The latent nodes' names for codes of size d. */
    default List<String> nodeNames(int latentDim) {
        return IntStream.range(0, latentDim).mapToObj(i -> "z" + i).toList();
    }

    /** The latent nodes' values (B, n) for codes (B, d), inference mode; null means the codes themselves. */
    default NDArray nodeValues(NDArray codes) {
        return codes;
    }

    /**
     * do(node = values) on codes (B, d): the codes whose generation is the intervention; null
     * when the node is simply the code dimension, replaced.
     */
    default NDArray intervene(NDArray codes, int node, NDArray values) {
        return null;
    }

    /** Figures of the structure's own (a causal layer's intervention grid). */
    default List<ExtraFigure> figures(Model model) {
        return List.of();
    }
}
