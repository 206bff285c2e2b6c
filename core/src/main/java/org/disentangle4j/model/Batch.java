package org.disentangle4j.model;

import ai.djl.ndarray.NDArray;

/**
 * One training batch, drawn as the model's {@link BatchSampling} asks.
 *
 * @param observations (B, C, H, W) or (B, D)
 * @param factors the factor classes of each observation; a method may read row i only where
 *     {@link #isLabelled}(i)
 * @param partners for pairs: the partner of each observation, same shape; null otherwise
 * @param labelled which rows' factors the method may read; null when none may be read
 */
public record Batch(NDArray observations, int[][] factors, NDArray partners, boolean[] labelled) {
    /** An i.i.d. batch without pairs or labels (its factors are there for tests and diagnostics). */
    public Batch(NDArray observations, int[][] factors) {
        this(observations, factors, null, null);
    }

    public long size() {
        return observations.getShape().get(0);
    }

    /** Whether the method may read the factors of row {@code i}. */
    public boolean isLabelled(int i) {
        return labelled != null && labelled[i];
    }
}
