package org.disentangle4j.model;

import java.util.List;

/**
 * What a model lets a user intervene on ({@link Model#interventionTargets}).
 *
 * @param latentNodes names of the latent nodes that can be set (by default each code dimension)
 * @param decoderLayers names of the decoder layers whose mechanism can be replaced, in the order
 *     data flows through them
 */
public record InterventionTargets(List<String> latentNodes, List<String> decoderLayers) {
    public InterventionTargets {
        latentNodes = List.copyOf(latentNodes);
        decoderLayers = List.copyOf(decoderLayers);
    }
}
