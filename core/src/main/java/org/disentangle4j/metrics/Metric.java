package org.disentangle4j.metrics;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.disentangle4j.data.GroundTruthDataset;

/**
 * A disentanglement metric: scores a representation against ground-truth factors. Every metric
 * can sample from a dataset through a representation function with the reference's defaults;
 * most can also score plain arrays.
 *
 * <p>Results are ordered maps from the reference's result keys to values; a value is NaN where
 * the reference's formula is undefined for the input (it then yields nan too).
 */
public interface Metric {

    /** What the metric is: its name, keys and needs ({@link Metrics} registers one per metric class). */
    default MetricDeclaration declaration() {
        return Metrics.of(getClass());
    }

    /** The name used on the command line and in metrics.json, e.g. {@code mig}. */
    default String name() {
        return declaration().name();
    }

    /** The keys of the result map, in order (see {@link MetricDeclaration#resultKeys()}). */
    default List<String> resultKeys() {
        return declaration().resultKeys();
    }

    /** Empty when the metric can score plain arrays; otherwise why it cannot. */
    default Optional<String> notApplicableToArrays() {
        return declaration().notOnArrays();
    }

    /** Samples from {@code dataset}, encodes with {@code representation} and scores. */
    Map<String, Double> evaluate(GroundTruthDataset dataset, RepresentationFunction representation, RandomGenerator rng,
            ProgressListener progress);

    /**
     * On a model: what {@link MetricSuite} calls for a metric that needs
     * {@link MetricDeclaration.Need#MODEL_AND_DATASET}. By default the decoder and the notes are
     * ignored; a {@link ModelMetric} reads them.
     */
    default Map<String, Double> evaluate(GroundTruthDataset dataset, RepresentationFunction representation, DecoderFunction decoder,
            RandomGenerator rng, ProgressListener progress, List<String> notes) {
        return evaluate(dataset, representation, rng, progress);
    }

    /**
     * Scores arrays. Every factor must take at least two values in {@code sets.train()} (and
     * {@code sets.all()}); {@link MetricSuite} drops the others beforehand. By default, for a
     * metric that cannot score arrays, it says why.
     *
     * @throws MetricNotApplicableException when the metric cannot score arrays or these arrays
     */
    default Map<String, Double> evaluate(EvaluationSets sets, RandomGenerator rng, ProgressListener progress) {
        String reason = notApplicableToArrays().orElseThrow(
                () -> new UnsupportedOperationException(name() + " scores arrays but does not implement evaluate(EvaluationSets, …)"));
        throw new MetricNotApplicableException("not applicable to arrays: " + reason);
    }

    /**
     * Scores arrays, knowing the factors' names and with a place to say what was done: what
     * {@link MetricSuite} calls. A metric whose keys or notes name factors ({@code disintegration})
     * or that leaves some results undefined for arrays ({@code mean_tc}) overrides it; by default
     * both are ignored.
     *
     * @param factorNames the names of the factors of {@code sets}, in column order: the dataset's,
     *     or {@code factor0, factor1, …} (the column in the user's file) for arrays
     * @param notes where to say what was done, one line each
     */
    default Map<String, Double> evaluate(EvaluationSets sets, List<String> factorNames, RandomGenerator rng, ProgressListener progress,
            List<String> notes) {
        return evaluate(sets, rng, progress);
    }
}
