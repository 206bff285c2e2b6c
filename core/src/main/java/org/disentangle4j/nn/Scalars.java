package org.disentangle4j.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Arithmetic between a tensor and a constant that is safe under autograd. Use these instead of
 * {@code NDArray.mul(Number)}, {@code div(Number)}, {@code pow(Number)}, {@code maximum(Number)}
 * and {@code minimum(Number)} in anything that is differentiated.
 *
 * <p>Why: DJL's PyTorch engine turns the constant into a tensor over a Java direct buffer and
 * closes it straight after the operation, but autograd keeps that tensor for the backward pass.
 * If the garbage collector frees the buffer in between, the backward pass reads freed memory:
 * gradients change from run to run and are sometimes NaN. Here the constant is made in engine
 * memory, which autograd keeps alive by reference counting. ({@code add(Number)} and
 * {@code sub(Number)} keep nothing for the backward pass and are safe.)
 */
public final class Scalars {
    private Scalars() {}

    public static NDArray mul(NDArray x, float c) {
        return x.mul(constant(x, c));
    }

    public static NDArray div(NDArray x, float c) {
        return x.div(constant(x, c));
    }

    public static NDArray pow(NDArray x, float c) {
        return x.pow(constant(x, c));
    }

    public static NDArray maximum(NDArray x, float c) {
        return x.maximum(constant(x, c));
    }

    public static NDArray minimum(NDArray x, float c) {
        return x.minimum(constant(x, c));
    }

    /** A 0-d tensor in engine memory, owned by x's manager (so it lives as long as the step). */
    private static NDArray constant(NDArray like, float c) {
        return like.getManager().full(new Shape(), c, like.getDataType());
    }
}
