package org.disentangle4j.model;

import ai.djl.ndarray.NDArray;

/**
 * A model that asks the trainer to keep the parameters with the lowest validation loss: every
 * {@link #validationEvery()} steps (and after the last) the trainer computes the mean
 * {@link #validationLoss} over a fixed set of {@link #validationSize()} observations drawn from
 * the training distribution with the run's validation seed (a draw no training batch uses), and
 * writes {@code best.npz} whenever it is lower than every earlier one. Evaluation and figures of
 * such a run then read {@code best.npz}.
 */
public interface ValidatedModel {
    /** Steps between validations, positive. */
    int validationEvery();

    /** Observations in the validation set. */
    int validationSize();

    /** The mean loss per observation of a batch, as a scalar, computed in inference mode. */
    NDArray validationLoss(NDArray observations);
}
