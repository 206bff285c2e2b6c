package org.disentangle4j.metrics;

import java.util.Optional;

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

    /**
     * How the code dimensions group into blocks when the model declares such a grouping (an
     * additive decoder's latent blocks), as lists of code indices; empty otherwise. The block-wise
     * metrics (LMS-tree) use these blocks instead of searching for a grouping.
     */
    default Optional<int[][]> latentBlocks() {
        return Optional.empty();
    }

    /**
     * The means and log-variances of the model's Gaussian posterior q(z|x) for observations, from one
     * encoder pass, when the model has one (VAEs); empty otherwise. The means are what
     * {@link #represent} gives. Metrics of the sampled codes z = μ + σ·ε (mean_tc) read it.
     */
    default Optional<PosteriorCodes> posterior(float[] observations, int count) {
        return Optional.empty();
    }

    /**
     * The model's latent nodes and do(node = v) on them, for the interventional metrics (CDM);
     * empty when the representation cannot be intervened on (plain arrays).
     */
    default Optional<LatentInterventions> interventions() {
        return Optional.empty();
    }
}
