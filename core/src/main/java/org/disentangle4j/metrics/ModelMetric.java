package org.disentangle4j.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.disentangle4j.data.GroundTruthDataset;

/**
 * A metric that, on a model, samples its own points (from the training distribution and, where
 * the dataset has one, from outside its support) and may also compare the model's
 * reconstructions with the observations. {@link MetricSuite} calls this rather than
 * {@link #evaluate(GroundTruthDataset, RepresentationFunction, RandomGenerator, ProgressListener)}.
 */
public interface ModelMetric extends Metric {

    /**
     * @param decoder the model's decoder, or null when it has none (the reconstruction results
     *     are then NaN); a reconstruction is the decoding of the observation's code
     * @param notes where to say what was done (which variant, which sets), one line each
     */
    @Override
    Map<String, Double> evaluate(GroundTruthDataset dataset, RepresentationFunction representation, DecoderFunction decoder,
            RandomGenerator rng, ProgressListener progress, List<String> notes);

    /** Without a decoder, the notes dropped. */
    @Override
    default Map<String, Double> evaluate(GroundTruthDataset dataset, RepresentationFunction representation, RandomGenerator rng,
            ProgressListener progress) {
        return evaluate(dataset, representation, null, rng, progress, new ArrayList<>());
    }
}
