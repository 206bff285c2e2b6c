package org.disentangle4j.metrics;

/**
 * What a metric sees of a model: observations in, codes out (for VAEs the posterior mean).
 * Metrics never see anything else of a model.
 */
@FunctionalInterface
public interface RepresentationFunction {

    /**
     * @param observations {@code count} observations laid out one after another, each of the
     *     dataset's {@code observationSize()} floats
     * @return codes, {@code [count][numDims]}
     */
    double[][] represent(float[] observations, int count);
}
