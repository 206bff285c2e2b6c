package org.disentangle4j.model;

import ai.djl.ndarray.NDArray;
import org.disentangle4j.nn.Scalars;
import ai.djl.nn.Activation;

/**
 * The decoder's observation model. Decoders output logits; the loss is summed over pixels and
 * averaged over the batch, as in disentanglement_lib.
 */
public enum Likelihood {
    /** Sigmoid cross-entropy: the negative log-likelihood of pixels as independent Bernoullis. */
    BERNOULLI,
    /** Squared error between the image and sigmoid(logits) (disentanglement_lib's "l2"). */
    GAUSSIAN;

    /** Per-image loss averaged over the batch: a scalar. */
    public NDArray loss(NDArray logits, NDArray images) {
        long batch = logits.getShape().get(0);
        NDArray perPixel;
        if (this == BERNOULLI) {
            // softplus(l) − l·x = −[x·log σ(l) + (1−x)·log(1−σ(l))], stable for large |l|
            perPixel = Activation.softPlus(logits).sub(logits.mul(images));
        } else {
            perPixel = Activation.sigmoid(logits).sub(images).square();
        }
        return Scalars.div(perPixel.sum(), (float) batch);
    }

    /** The mean image the decoder predicts, in [0, 1]. */
    public NDArray mean(NDArray logits) {
        return Activation.sigmoid(logits);
    }

    public static Likelihood parse(String name) {
        for (Likelihood l : values()) {
            if (l.name().equalsIgnoreCase(name)) return l;
        }
        throw new org.disentangle4j.io.UserInputException(
                "unknown likelihood '" + name + "'; expected bernoulli or gaussian");
    }
}
