package org.disentangle4j.metrics;

import java.util.Map;
import java.util.random.RandomGenerator;
import org.disentangle4j.data.GroundTruthDataset;

/**
 * A metric that fits on training points and tests on test points (SAP, DCI, explicitness). On a
 * model on its own it samples both sets as the suite samples its shared points, with its own
 * counts (a record's components give them), and scores them as arrays.
 */
interface TrainTestMetric extends Metric {

    int numTrain();

    int numTest();

    int batchSize();

    @Override
    default Map<String, Double> evaluate(GroundTruthDataset dataset, RepresentationFunction representation, RandomGenerator rng,
            ProgressListener progress) {
        return evaluate(EvaluationSets.sample(dataset, representation, numTrain(), numTest(), batchSize(), rng, progress, name()), rng, progress);
    }
}
