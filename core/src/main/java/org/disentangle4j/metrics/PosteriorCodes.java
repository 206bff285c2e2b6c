package org.disentangle4j.metrics;

/**
 * A Gaussian posterior's parameters for a batch of observations, from one encoder pass: means
 * (what {@link RepresentationFunction#represent} gives) and log-variances, both {@code [count][numDims]}.
 */
public record PosteriorCodes(double[][] means, double[][] logVariances) {
    public PosteriorCodes {
        if (means.length != logVariances.length) {
            throw new IllegalArgumentException(means.length + " means beside " + logVariances.length + " log-variances");
        }
    }
}
