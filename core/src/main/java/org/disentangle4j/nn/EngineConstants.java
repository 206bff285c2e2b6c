package org.disentangle4j.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Constant matrices computed in Java (in double) and handed to the engine as arrays in engine
 * memory, for use inside differentiated computations.
 *
 * <p>Why a copy: {@code manager.create(double[])} makes a tensor over a Java direct buffer. If
 * autograd keeps that tensor for the backward pass (it keeps both operands of a product), the
 * buffer must outlive the graph, which Java does not promise once the array is closed or
 * unreachable (see {@link Scalars}). {@code duplicate()} clones it into engine memory, which
 * autograd keeps alive by reference counting, and the Java-backed array is closed at once.
 */
final class EngineConstants {
    private EngineConstants() {}

    /** The matrix {@code rows × cols} (row-major {@code values}) in engine memory, owned by {@code manager}. */
    static NDArray matrix(NDManager manager, double[][] values, DataType type) {
        int rows = values.length;
        int cols = rows == 0 ? 0 : values[0].length;
        double[] flat = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            if (values[i].length != cols) throw new IllegalArgumentException("ragged matrix");
            System.arraycopy(values[i], 0, flat, i * cols, cols);
        }
        try (NDArray overJavaBuffer = manager.create(flat, new Shape(rows, cols))) {
            NDArray cloned = overJavaBuffer.duplicate();
            if (type == DataType.FLOAT64) return cloned;
            NDArray converted = cloned.toType(type, false);
            cloned.close();
            return converted;
        }
    }
}
