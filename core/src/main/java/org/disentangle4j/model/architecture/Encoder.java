package org.disentangle4j.model.architecture;

import ai.djl.ndarray.NDArray;

/** Observations (B, …) to what the model reads as codes: a diagonal Gaussian's two halves, or the codes themselves. */
public interface Encoder {
    /** Whether {@link #forward} gives (B, 2d): a posterior's means then log-variances; else (B, d) codes. */
    boolean gaussian();

    /** The encoder network's output for a batch; {@code training} selects batch statistics where there are any. */
    NDArray forward(NDArray observations, boolean training);
}
