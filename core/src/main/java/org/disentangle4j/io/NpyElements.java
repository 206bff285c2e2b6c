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
        requireInteger(src, dtype, source);
        if (dtype == NpyDtype.INT64) {
            src.asLongBuffer().get(dst, off, n);
            return;
        }
        for (int i = 0; i < n; i++) dst[off + i] = integer(src, dtype, i, source);
    }

    static void toInts(ByteBuffer src, NpyDtype dtype, int[] dst, int off, int n, String source) {
        requireInteger(src, dtype, source);
        if (dtype == NpyDtype.INT32) {
            src.asIntBuffer().get(dst, off, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            long v = integer(src, dtype, i, source);
            if (v != (int) v) {
                throw new UserInputException(source + ": value " + v + " does not fit a 32-bit int");
            }
            dst[off + i] = (int) v;
        }
    }

    private static void requireInteger(ByteBuffer src, NpyDtype dtype, String source) {
        if (!dtype.isInteger()) {
            throw new UserInputException(source + ": expected an integer array, found " + dtype.descr(src.order()));
        }
    }

    /** Element i of an integer or bool array; a uint64 value above 2^63 − 1 is an error. */
    private static long integer(ByteBuffer src, NpyDtype dtype, int i, String source) {
        return switch (dtype) {
            case INT64 -> src.getLong(8 * i);
            case INT32 -> src.getInt(4 * i);
            case INT16 -> src.getShort(2 * i);
            case INT8 -> src.get(i);
            case UINT64 -> {
                long v = src.getLong(8 * i);
                if (v < 0) throw new UserInputException(source + ": value " + Long.toUnsignedString(v) + " does not fit a 64-bit int");
                yield v;
            }
            case UINT32 -> src.getInt(4 * i) & 0xFFFFFFFFL;
            case UINT16 -> src.getShort(2 * i) & 0xFFFF;
            case UINT8, BOOL -> src.get(i) & 0xFF;
            case FLOAT32, FLOAT64 -> throw new IllegalStateException("not an integer type: " + dtype);
        };
    }

    private static double element(ByteBuffer src, NpyDtype dtype, int i) {
        return switch (dtype) {
            case FLOAT32 -> src.getFloat(4 * i);
            case FLOAT64 -> src.getDouble(8 * i);
            case UINT64 -> unsigned(src.getLong(8 * i));
            default -> integer(src, dtype, i, "");
        };
    }

    /** An unsigned 64-bit value as the nearest double. */
    private static double unsigned(long v) {
        return v >= 0 ? v : (double) (v >>> 1) * 2.0 + (v & 1);
    }
}
