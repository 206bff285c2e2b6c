package org.disentangle4j.model.architecture;

import ai.djl.ndarray.NDArray;
import org.disentangle4j.model.Losses;

/** How the decoder's raw output meets the observations: the reconstruction loss and the mean observation. */
public interface ObservationModel {
    /** The reconstruction loss of a batch, a scalar (summed over an observation's values, averaged over the batch). */
    NDArray loss(NDArray decoded, NDArray observations);

    /** The mean observation in [0, 1] for the decoder's raw output. */
    NDArray mean(NDArray decoded);

    /** Terms worth logging beside {@code recon} (none by default). */
    default void log(Losses losses, NDArray recon) {}
}
