package org.disentangle4j.io;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.api.dataset.ContiguousDataset;
import io.jhdf.exceptions.HdfException;
import io.jhdf.object.datatype.ArrayDataType;
import io.jhdf.object.datatype.BitField;
import io.jhdf.object.datatype.CompoundDataType;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.EnumDataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import io.jhdf.object.datatype.StringData;
import io.jhdf.object.datatype.VariableLength;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Random access to the records of a one-byte HDF5 dataset {@code [N, d1, d2, …]} (e.g. images),
 * one record (a slice along the first dimension) at a time, without loading the dataset.
 *
 * <p>jhdf's own slicing reads a few hundred records per second, so records are read directly:
 * contiguous storage by positional file reads; chunked storage by decompressing the chunks of one
 * row of chunks (all records sharing a first-dimension chunk index), kept in a bounded LRU cache.
 * Thread-safe.
 */
public abstract class Hdf5ByteRecords implements Closeable {
    private static final long CACHE_BYTES = 64L << 20;

    final Path file;
    final int[] shape;
    final int recordBytes;

    private Hdf5ByteRecords(Path file, int[] shape) {
        this.file = file;
        this.shape = shape.clone();
        long bytes = 1;
        for (int d = 1; d < shape.length; d++) bytes *= shape[d];
        this.recordBytes = Math.toIntExact(bytes);
    }

    /**
     * Opens {@code dataset} of the already open {@code hdf} (which stays owned by the caller).
     *
     * @throws UserInputException if the dataset does not hold one-byte integers
     */
    /** An HDF5 data type in words for messages ({@code unsigned integer}, {@code float}, …), not jHDF's class name. */
    public static String typeName(DataType type) {
        if (type instanceof FixedPoint f) return (f.isSigned() ? "signed" : "unsigned") + " integer";
        if (type instanceof FloatingPoint) return "float";
        if (type instanceof StringData || type instanceof VariableLength) return "string";
        if (type instanceof CompoundDataType) return "compound";
        if (type instanceof EnumDataType) return "enum";
        if (type instanceof ArrayDataType) return "array";
        if (type instanceof BitField) return "bit field";
        return "HDF5 type class " + type.getDataClass();
    }

    public static Hdf5ByteRecords open(Path file, HdfFile hdf, Dataset dataset) {
        if (!(dataset.getDataType() instanceof FixedPoint) || dataset.getDataType().getSize() != 1) {
            throw new UserInputException(file + ": " + dataset.getPath() + " must hold uint8 values, found "
                    + typeName(dataset.getDataType()) + " of " + dataset.getDataType().getSize() + " bytes");
        }
        if (dataset instanceof ContiguousDataset contiguous) {
            return new Contiguous(file, dataset.getDimensions(), hdf.getUserBlockSize() + contiguous.getDataAddress());
        }
        if (dataset instanceof ChunkedDataset chunked) return new Chunked(file, chunked);
        throw new UserInputException(file + ": " + dataset.getPath() + " uses an HDF5 storage layout ("
                + dataset.getDataLayout() + ") that cannot be read record by record");
    }

    /** Dimensions of the dataset; the first counts the records. */
    public int[] shape() {
        return shape.clone();
    }

    /** Bytes per record (the product of all dimensions but the first). */
    public int recordBytes() {
        return recordBytes;
    }

    /** Copies record {@code index} (C order) into {@code dst[offset … offset + recordBytes)}. */
    public abstract void read(int index, byte[] dst, int offset);

    @Override
    public void close() {}

    void checkIndex(int index) {
        if (index < 0 || index >= shape[0]) {
            throw new IndexOutOfBoundsException("record " + index + " outside 0.." + (shape[0] - 1));
        }
    }

    /** Unfiltered storage: record i starts {@code i · recordBytes} after the data address. */
    private static final class Contiguous extends Hdf5ByteRecords {
        private final FileChannel channel;
        private final long dataStart;

        Contiguous(Path file, int[] shape, long dataStart) {
            super(file, shape);
            this.dataStart = dataStart;
            try {
                this.channel = FileChannel.open(file, StandardOpenOption.READ);
            } catch (IOException e) {
                throw new UserInputException(file + ": cannot read (" + IoErrors.reason(e, file) + ")", e);
            }
        }

        @Override
        public void read(int index, byte[] dst, int offset) {
            checkIndex(index);
            ByteBuffer target = ByteBuffer.wrap(dst, offset, recordBytes);
            long position = dataStart + (long) index * recordBytes;
            try {
                while (target.hasRemaining()) {
                    int n = channel.read(target, position); // positional reads may run concurrently
                    if (n < 0) {
                        throw new UserInputException(file + ": truncated: record " + index + " ends past the end of the file");
                    }
                    position += n;
                }
            } catch (IOException e) {
                throw new UserInputException(file + ": cannot read record " + index + " (" + IoErrors.reason(e, file) + ")", e);
            }
        }

        @Override
        public void close() {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing was written, so nothing can be lost
            }
        }
    }

    /** Chunked (possibly compressed) storage, decoded a row of chunks at a time. */
    private static final class Chunked extends Hdf5ByteRecords {
        private final ChunkedDataset dataset;
        private final int[] chunk;
        private final int maxCachedRows;
        private final Map<Integer, byte[]> rows;

        Chunked(Path file, ChunkedDataset dataset) {
            super(file, dataset.getDimensions());
            this.dataset = dataset;
            this.chunk = dataset.getChunkDimensions();
            this.maxCachedRows = (int) Math.max(1, CACHE_BYTES / ((long) chunk[0] * recordBytes));
            this.rows = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Integer, byte[]> eldest) {
                    return size() > maxCachedRows;
                }
            };
        }

        private boolean chunkHoldsWholeRecords() {
            for (int d = 1; d < shape.length; d++) if (chunk[d] != shape[d]) return false;
            return true;
        }

        @Override
        public void read(int index, byte[] dst, int offset) {
            checkIndex(index);
            byte[] row = row(index / chunk[0]);
            System.arraycopy(row, (index % chunk[0]) * recordBytes, dst, offset, recordBytes);
        }

        private byte[] row(int rowIndex) {
            synchronized (rows) {
                byte[] cached = rows.get(rowIndex);
                if (cached != null) return cached;
            }
            byte[] row = decodeRow(rowIndex);
            synchronized (rows) {
                rows.put(rowIndex, row);
            }
            return row;
        }

        /** Assembles records {@code rowIndex · chunk[0] …} from every chunk of that row. */
        private byte[] decodeRow(int rowIndex) {
            int first = rowIndex * chunk[0];
            int records = Math.min(chunk[0], shape[0] - first);
            byte[] row = new byte[records * recordBytes];
            int dims = shape.length;
            int[] origin = new int[dims]; // chunk offset in dataset coordinates
            origin[0] = first;
            while (true) {
                byte[] decoded;
                try {
                    synchronized (dataset) {
                        decoded = dataset.getDecompressedChunk(origin);
                    }
                } catch (HdfException e) {
                    throw new UserInputException(file + ": cannot decode the chunk at " + Arrays.toString(origin)
                            + " (" + e.getMessage() + ")", e);
                }
                copyChunk(decoded, origin, row, first);
                // next chunk along the record dimensions, last dimension fastest
                int d = dims - 1;
                while (d >= 1 && (origin[d] += chunk[d]) >= shape[d]) origin[d--] = 0;
                if (d < 1) return row;
            }
        }

        /** Copies the part of one chunk that lies inside the dataset into the row buffer. */
        private void copyChunk(byte[] decoded, int[] origin, byte[] row, int firstRecord) {
            if (chunkHoldsWholeRecords()) {
                System.arraycopy(decoded, 0, row, 0, row.length);
                return;
            }
            int dims = shape.length, last = dims - 1;
            int run = Math.min(chunk[last], shape[last] - origin[last]);
            int[] at = new int[dims]; // position inside the chunk; the last dimension is copied as a run
            while (true) {
                boolean inside = true;
                long src = 0, dst = 0;
                for (int d = 0; d < dims; d++) {
                    int global = origin[d] + at[d];
                    if (global >= shape[d]) inside = false;
                    src = src * chunk[d] + at[d];
                    dst = dst * (d == 0 ? 1 : shape[d]) + (d == 0 ? global - firstRecord : global);
                }
                if (inside) System.arraycopy(decoded, (int) src, row, (int) dst, run);
                int d = last - 1;
                while (d >= 0 && ++at[d] >= chunk[d]) at[d--] = 0;
                if (d < 0) return;
            }
        }
    }
}
