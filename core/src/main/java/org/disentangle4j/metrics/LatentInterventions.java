package org.disentangle4j.metrics;

import java.util.List;
import java.util.Optional;
import org.disentangle4j.data.CausalGraph;

/**
 * What the interventional metrics (CDM) see of a model's latent nodes: their names, the graph an
 * intervention propagates through, their values for codes, and do(node = v) as codes whose
 * decoding ({@link DecoderFunction}) is the intervened generation. Codes are those the model's
 * {@link RepresentationFunction} gives.
 */
public interface LatentInterventions {

    /** The latent nodes' names, in order (the dataset's factor names for CDG-VAE, else z0, z1, …). */
    List<String> nodeNames();

    /** The graph over the nodes; empty when the nodes are independent (setting one changes no other). */
    Optional<CausalGraph> graph();

    /** The nodes' values for codes, {@code [count][nodes]}. */
    double[][] nodeValues(double[][] codes);

    /** Codes whose decoding is do(node = values[i]) on unit i of {@code codes}: descendants recomputed, the rest kept. */
    double[][] intervene(double[][] codes, int node, double[] values);
}
