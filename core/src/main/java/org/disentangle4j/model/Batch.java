package org.disentangle4j.model;

import ai.djl.ndarray.NDArray;

/**
 * One training batch: observations (B, C, H, W) or (B, D), and the factor classes of each
 * observation for methods that use labels (null for unsupervised training).
 */
public record Batch(NDArray observations, int[][] factors) {
    public long size() {
        return observations.getShape().get(0);
    }
}
