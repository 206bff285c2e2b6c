package org.disentangle4j.io;

import java.nio.ByteBuffer;

/**
 * Converts raw element bytes of any supported dtype into Java arrays; the buffer's byte order
 * must already be the data's. Same-type copies use the bulk views, conversions go element by element.
 */
final class NpyElements {
    private NpyElements() {}

    static void toFloats(ByteBuffer src, NpyDtype dtype, float[] dst, int off, int n) {
        if (dtype == NpyDtype.FLOAT32) {
            src.asFloatBuffer().get(dst, off, n);
            return;
        }
        for (int i = 0; i < n; i++) dst[off + i] = (float) element(src, dtype, i);
    }

    static void toDoubles(ByteBuffer src, NpyDtype dtype, double[] dst, int off, int n) {
        if (dtype == NpyDtype.FLOAT64) {
            src.asDoubleBuffer().get(dst, off, n);
            return;
        }
        for (int i = 0; i < n; i++) dst[off + i] = element(src, dtype, i);
    }

    /** Integers only: a float array cannot be read as longs without deciding how to round. */
    static void toLongs(ByteBuffer src, NpyDtype dtype, long[] dst, int off, int n, String source) {
        switch (dtype) {
            case INT64 -> src.asLongBuffer().get(dst, off, n);
            case INT32 -> {
                for (int i = 0; i < n; i++) dst[off + i] = src.getInt(4 * i);
            }
            case UINT8, BOOL -> {
                for (int i = 0; i < n; i++) dst[off + i] = src.get(i) & 0xFF;
            }
            default -> throw new UserInputException(source + ": expected an integer array, found "
                    + dtype.descr(src.order()));
        }
    }

    static void toInts(ByteBuffer src, NpyDtype dtype, int[] dst, int off, int n, String source) {
        switch (dtype) {
            case INT32 -> src.asIntBuffer().get(dst, off, n);
            case INT64 -> {
                for (int i = 0; i < n; i++) {
                    long v = src.getLong(8 * i);
                    if (v != (int) v) {
                        throw new UserInputException(source + ": value " + v + " does not fit a 32-bit int");
                    }
                    dst[off + i] = (int) v;
                }
            }
            case UINT8, BOOL -> {
                for (int i = 0; i < n; i++) dst[off + i] = src.get(i) & 0xFF;
            }
            default -> throw new UserInputException(source + ": expected an integer array, found "
                    + dtype.descr(src.order()));
        }
    }

    private static double element(ByteBuffer src, NpyDtype dtype, int i) {
        return switch (dtype) {
            case FLOAT32 -> src.getFloat(4 * i);
            case FLOAT64 -> src.getDouble(8 * i);
            case INT64 -> src.getLong(8 * i);
            case INT32 -> src.getInt(4 * i);
            case UINT8, BOOL -> src.get(i) & 0xFF;
        };
    }
}
