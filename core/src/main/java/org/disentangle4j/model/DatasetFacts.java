package org.disentangle4j.model;

import java.util.Optional;
import org.disentangle4j.data.CausalGraph;
import org.disentangle4j.data.FactorSpace;
import org.disentangle4j.data.GroundTruthDataset;

/**
 * What a method may know of its dataset's structure when it is built (for CDG-VAE: the causal
 * graph its latent layer follows, the blocks and masks of its block-separable decoder, the
 * factors its latents are aligned with). Read once from the dataset; holds no open resource.
 *
 * @param factors the factor space (names, level values: {@link FactorSpace#scaledValue} gives the
 *     [0, 1]-scaled labels)
 * @param graph the causal graph over the factors, or null
 * @param latentBlocks the factor indices of each block, or null
 * @param blockMasks one 0/1 mask of the observation per block, or null
 */
public record DatasetFacts(FactorSpace factors, CausalGraph graph, int[][] latentBlocks, float[][] blockMasks) {

    public static DatasetFacts of(GroundTruthDataset dataset) {
        return new DatasetFacts(dataset.factors(), dataset.causalGraph().orElse(null), dataset.latentBlocks().orElse(null),
                dataset.blockMasks().orElse(null));
    }

    public Optional<CausalGraph> causalGraph() {
        return Optional.ofNullable(graph);
    }
}
