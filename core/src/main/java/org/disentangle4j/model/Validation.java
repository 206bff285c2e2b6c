package org.disentangle4j.model;

import ai.djl.ndarray.NDArray;
import java.util.function.UnaryOperator;

/**
 * A model's request to keep the parameters with the lowest validation loss
 * ({@link Model#validation}): every {@code every} steps (and after the last) the trainer computes
 * the mean {@code loss} over a fixed set of {@code size} observations drawn from the training
 * distribution with the run's validation seed (a draw no training batch uses), and writes
 * {@code best.npz} whenever it is lower than every earlier one. Evaluation and figures of such a
 * run then read {@code best.npz}.
 *
 * @param loss the mean loss per observation of a batch, as a scalar, computed in inference mode
 */
public record Validation(int every, int size, UnaryOperator<NDArray> loss) {
    public Validation {
        if (every < 1 || size < 1) throw new IllegalArgumentException("validation every " + every + " steps on " + size + " observations");
    }
}
