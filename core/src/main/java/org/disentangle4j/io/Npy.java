package org.disentangle4j.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes NumPy {@code .npy} files: versions 1.0/2.0/3.0, either byte order, C or
 * Fortran order (read), dtypes float32, float64, signed and unsigned integers of 1, 2, 4 and 8
 * bytes, and bool. Malformed input is reported as a one-line {@link UserInputException} naming
 * the file. Files are written as version 1.0,
 * little-endian, atomically.
 *
 * <p>For {@code .npz} archives see {@link NpzFile} and {@link NpzWriter}; for arrays too large
 * for memory, {@link #open(Path)} streams the elements.
 */
public final class Npy {
    private Npy() {}

    /** Reads a whole array into memory. */
    public static NpyArray read(Path file) {
        try (NpyReader reader = NpyReader.open(file)) {
            return reader.readAll();
        }
    }

    /**
     * Reads one array from a stream that holds exactly one {@code .npy} (trailing bytes are an error).
     *
     * @param source names the input in error messages
     */
    public static NpyArray read(InputStream in, String source) throws IOException {
        InputStream buffered = in instanceof BufferedInputStream ? in : new BufferedInputStream(in, 1 << 16);
        NpyArray array = new NpyReader(buffered, source, -1).readAll();
        if (buffered.read() != -1) {
            throw new UserInputException(source + ": has more data than the header " + array.header() + " describes");
        }
        return array;
    }

    /** Opens a file for streaming its elements block by block. */
    public static NpyReader open(Path file) {
        return NpyReader.open(file);
    }

    public static void write(Path file, float[] data, int... shape) throws IOException {
        byte[] bytes = encode(data, shape);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    public static void write(Path file, double[] data, int... shape) throws IOException {
        byte[] bytes = encode(data, shape);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    public static void write(Path file, long[] data, int... shape) throws IOException {
        byte[] bytes = encode(data, shape);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    public static void write(Path file, int[] data, int... shape) throws IOException {
        byte[] bytes = encode(data, shape);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /** Writes unsigned bytes as a uint8 array. */
    public static void write(Path file, byte[] data, int... shape) throws IOException {
        byte[] bytes = encode(data, shape);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /** The complete {@code .npy} bytes (header and little-endian data) of an array. */
    public static byte[] encode(float[] data, int... shape) {
        ByteBuffer b = allocate(NpyDtype.FLOAT32, data.length, shape);
        b.asFloatBuffer().put(data);
        return b.array();
    }

    public static byte[] encode(double[] data, int... shape) {
        ByteBuffer b = allocate(NpyDtype.FLOAT64, data.length, shape);
        b.asDoubleBuffer().put(data);
        return b.array();
    }

    public static byte[] encode(long[] data, int... shape) {
        ByteBuffer b = allocate(NpyDtype.INT64, data.length, shape);
        b.asLongBuffer().put(data);
        return b.array();
    }

    public static byte[] encode(int[] data, int... shape) {
        ByteBuffer b = allocate(NpyDtype.INT32, data.length, shape);
        b.asIntBuffer().put(data);
        return b.array();
    }

    public static byte[] encode(byte[] data, int... shape) {
        ByteBuffer b = allocate(NpyDtype.UINT8, data.length, shape);
        b.put(data);
        return b.array();
    }

    /** A buffer holding the header, positioned (and sliced) at the start of the data, little-endian. */
    private static ByteBuffer allocate(NpyDtype dtype, int length, int[] shape) {
        long elements = 1;
        for (int d : shape) {
            if (d < 0) throw new IllegalArgumentException("negative dimension in shape " + NpyHeader.pythonShape(shape));
            elements *= d;
        }
        if (elements != length) {
            throw new IllegalArgumentException(length + " values do not fill shape " + NpyHeader.pythonShape(shape));
        }
        byte[] header = NpyHeader.encode(dtype, shape);
        long total = header.length + elements * dtype.itemSize();
        if (total > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("array too large for one .npy buffer");
        byte[] all = new byte[(int) total];
        System.arraycopy(header, 0, all, 0, header.length);
        // a slice at the data start: callers fill it from index 0, and array() still returns all bytes
        return ByteBuffer.wrap(all).position(header.length).slice().order(ByteOrder.LITTLE_ENDIAN);
    }
}
