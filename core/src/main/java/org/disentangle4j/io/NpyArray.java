package org.disentangle4j.io;

import java.nio.ByteBuffer;

/**
 * A whole {@code .npy} array held in memory as its raw bytes, converted to a Java array on request.
 * Every accessor returns a fresh array in C order (last index fastest).
 */
public final class NpyArray {
    private final NpyHeader header;
    private final ByteBuffer data;
    private final String source;

    NpyArray(NpyHeader header, byte[] data, String source) {
        this.header = header;
        this.data = ByteBuffer.wrap(data).order(header.byteOrder()).asReadOnlyBuffer().order(header.byteOrder());
        this.source = source;
    }

    public NpyDtype dtype() {
        return header.dtype();
    }

    public int[] shape() {
        return header.shape();
    }

    public NpyHeader header() {
        return header;
    }

    /** Number of elements; arrays held in memory have fewer than 2^31. */
    public int size() {
        return (int) header.numElements();
    }

    /** Values as float, converting from any dtype. */
    public float[] toFloatArray() {
        float[] out = new float[size()];
        NpyElements.toFloats(data.duplicate().order(data.order()), dtype(), out, 0, out.length);
        return out;
    }

    /** Values as double, converting from any dtype. */
    public double[] toDoubleArray() {
        double[] out = new double[size()];
        NpyElements.toDoubles(data.duplicate().order(data.order()), dtype(), out, 0, out.length);
        return out;
    }

    /** Values as long; integer and bool dtypes only (UserInputException otherwise). */
    public long[] toLongArray() {
        long[] out = new long[size()];
        NpyElements.toLongs(data.duplicate().order(data.order()), dtype(), out, 0, out.length, source);
        return out;
    }

    /** Values as int; integer and bool dtypes only, int64 values must fit. */
    public int[] toIntArray() {
        int[] out = new int[size()];
        NpyElements.toInts(data.duplicate().order(data.order()), dtype(), out, 0, out.length, source);
        return out;
    }

    /** The raw bytes of a uint8 or bool array (read them unsigned: {@code b & 0xFF}). */
    public byte[] toByteArray() {
        if (!dtype().isByte()) {
            throw new UserInputException(source + ": expected a uint8 or bool array, found " + header);
        }
        byte[] out = new byte[size()];
        data.duplicate().get(out);
        return out;
    }

    @Override
    public String toString() {
        return source + " " + header;
    }
}
