package org.disentangle4j.io;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Streams the elements of one {@code .npy} array in C order, a block at a time, so that arrays
 * larger than memory (e.g. the 3 GB dSprites images inside a compressed npz) can be consumed.
 * Multi-dimensional Fortran-order arrays cannot be streamed in C order; they load only whole.
 * Not thread-safe: one reader per consumer.
 */
public final class NpyReader implements Closeable {
    private static final int BLOCK_BYTES = 1 << 20;

    private final InputStream in;
    private final NpyHeader header;
    private final String source;
    private final int itemSize;
    private byte[] block = new byte[0];
    private long remaining;

    /**
     * Reads the header and, when {@code totalBytes} is known (not -1), checks that the stream
     * holds exactly the data the header promises.
     */
    NpyReader(InputStream in, String source, long totalBytes) throws IOException {
        this.in = in;
        this.source = source;
        this.header = NpyHeader.read(in, source);
        this.itemSize = header.dtype().itemSize();
        this.remaining = header.numElements();
        if (totalBytes >= 0) {
            long present = totalBytes - header.dataOffset();
            if (present != header.dataBytes()) {
                throw new UserInputException(source + ": " + (present < header.dataBytes() ? "truncated: " : "")
                        + "has " + present + " data bytes but the header " + header + " needs " + header.dataBytes());
            }
        }
    }

    /** Opens a {@code .npy} file for streaming; the header is checked against the file size. */
    public static NpyReader open(Path file) {
        IoErrors.requireFile(file);
        InputStream in = null;
        try {
            in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            return new NpyReader(in, file.toString(), Files.size(file));
        } catch (IOException e) {
            closeQuietly(in);
            throw new UserInputException(file + ": cannot read (" + IoErrors.reason(e, file) + ")", e);
        } catch (RuntimeException e) {
            closeQuietly(in);
            throw e;
        }
    }

    public NpyHeader header() {
        return header;
    }

    /** Elements not yet read. */
    public long remaining() {
        return remaining;
    }

    /** Reads the next {@code n} elements (converted from any dtype) into {@code dst[off …]}. */
    public void readFloats(float[] dst, int off, int n) {
        for (int done = 0; done < n; ) {
            int k = nextBlock(n - done);
            NpyElements.toFloats(view(k), header.dtype(), dst, off + done, k);
            done += k;
        }
    }

    /** Reads the next {@code n} elements (converted from any dtype) into {@code dst[off …]}. */
    public void readDoubles(double[] dst, int off, int n) {
        for (int done = 0; done < n; ) {
            int k = nextBlock(n - done);
            NpyElements.toDoubles(view(k), header.dtype(), dst, off + done, k);
            done += k;
        }
    }

    /** Reads the next {@code n} elements of an integer or bool array into {@code dst[off …]}. */
    public void readLongs(long[] dst, int off, int n) {
        for (int done = 0; done < n; ) {
            int k = nextBlock(n - done);
            NpyElements.toLongs(view(k), header.dtype(), dst, off + done, k, source);
            done += k;
        }
    }

    /** Reads the next {@code n} raw bytes of a uint8 or bool array (unsigned: {@code b & 0xFF}). */
    public void readBytes(byte[] dst, int off, int n) {
        if (!header.dtype().isByte()) {
            throw new UserInputException(source + ": expected a uint8 or bool array, found " + header);
        }
        checkStreamable();
        checkAvailable(n);
        readFully(dst, off, n);
        remaining -= n;
    }

    /** Reads every element into memory (at most 2^31 − 1 bytes of data), rearranged into C order. */
    NpyArray readAll() {
        if (header.dataBytes() > Integer.MAX_VALUE - 8) {
            throw new UserInputException(source + ": array " + header + " is too large to load whole; stream it instead");
        }
        byte[] data = new byte[(int) header.dataBytes()];
        readFully(data, 0, data.length);
        remaining = 0;
        return new NpyArray(header, isTransposed() ? fortranToC(data, header.shape(), itemSize) : data, source);
    }

    /** Fortran order differs from C order only with two or more dimensions. */
    private boolean isTransposed() {
        return header.fortranOrder() && header.shape().length > 1;
    }

    /** Reorders elements stored first index fastest into last index fastest. */
    static byte[] fortranToC(byte[] fortran, int[] shape, int itemSize) {
        byte[] c = new byte[fortran.length];
        int dims = shape.length;
        long[] fortranStride = new long[dims];
        for (int d = 0; d < dims; d++) fortranStride[d] = d == 0 ? 1 : fortranStride[d - 1] * shape[d - 1];
        int[] index = new int[dims];
        long from = 0; // Fortran position of the element at C position i, updated as the index counts up
        for (int i = 0; i < c.length / itemSize; i++) {
            System.arraycopy(fortran, (int) (from * itemSize), c, i * itemSize, itemSize);
            for (int d = dims - 1; d >= 0; d--) {
                if (++index[d] < shape[d]) {
                    from += fortranStride[d];
                    break;
                }
                from -= (long) (shape[d] - 1) * fortranStride[d];
                index[d] = 0;
            }
        }
        return c;
    }

    /** Loads the next min(n, block size) elements into the block buffer; returns how many. */
    private int nextBlock(int n) {
        checkStreamable();
        checkAvailable(n);
        int k = Math.min(n, BLOCK_BYTES / itemSize);
        if (block.length < k * itemSize) block = new byte[k * itemSize];
        readFully(block, 0, k * itemSize);
        remaining -= k;
        return k;
    }

    private ByteBuffer view(int elements) {
        return ByteBuffer.wrap(block, 0, elements * itemSize).order(header.byteOrder());
    }

    private void checkStreamable() {
        if (isTransposed()) {
            throw new UserInputException(source + ": a Fortran-order " + header.shapeString()
                    + " array cannot be streamed in C order; save it with np.ascontiguousarray");
        }
    }

    private void checkAvailable(long n) {
        if (n > remaining) {
            throw new IllegalArgumentException("asked for " + n + " elements but only " + remaining + " remain in "
                    + source);
        }
    }

    private void readFully(byte[] dst, int off, int len) {
        int got;
        try {
            got = in.readNBytes(dst, off, len);
        } catch (IOException e) {
            throw new UserInputException(source + ": cannot read (" + IoErrors.reason(e, source) + ")", e);
        }
        if (got < len) {
            throw new UserInputException(source + ": truncated: the header " + header + " needs "
                    + header.dataBytes() + " data bytes but the data ends early");
        }
    }

    @Override
    public void close() {
        closeQuietly(in);
    }

    static void closeQuietly(Closeable c) {
        if (c == null) return;
        try {
            c.close();
        } catch (IOException ignored) {
            // already failing with a clearer error
        }
    }
}
