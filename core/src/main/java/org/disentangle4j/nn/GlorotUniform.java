package org.disentangle4j.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;
import java.util.SplittableRandom;

/**
 * Glorot (Xavier) uniform initialisation, U(±sqrt(6 / (fan_in + fan_out))), TensorFlow's
 * default for dense and convolution kernels and so disentanglement_lib's.
 *
 * <p>Numbers come from a Java generator seeded once, consumed in parameter order, so a seed
 * gives the same initial weights on every device and engine.
 */
public final class GlorotUniform implements Initializer {
    private final SplittableRandom random;

    public GlorotUniform(long seed) {
        this.random = new SplittableRandom(seed);
    }

    @Override
    public synchronized NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
        if (shape.dimension() < 2) throw new IllegalArgumentException("Glorot init needs a kernel, got " + shape);
        long receptive = shape.dimension() == 2 ? 1 : shape.slice(2).size();
        double fanIn = shape.get(1) * receptive;
        double fanOut = shape.get(0) * receptive;
        double limit = Math.sqrt(6.0 / (fanIn + fanOut));
        float[] values = new float[Math.toIntExact(shape.size())];
        for (int i = 0; i < values.length; i++) values[i] = (float) ((random.nextDouble() * 2 - 1) * limit);
        return manager.create(values, shape).toType(dataType, false);
    }
}
