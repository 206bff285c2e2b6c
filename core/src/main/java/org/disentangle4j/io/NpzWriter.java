package org.disentangle4j.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes named arrays into a NumPy {@code .npz} archive that {@code np.load} reads. Each entry is
 * encoded in memory (so one array must stay under 2 GB). Entry timestamps are fixed, so the same
 * arrays always give the same bytes.
 *
 * <pre>{@code
 * NpzWriter.write(path, NpzWriter.Compression.STORED, npz -> npz
 *         .add("weights", w, 3, 4)
 *         .add("step", new long[] {1200}, 1));
 * }</pre>
 */
public final class NpzWriter implements AutoCloseable {
    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    /** STORED is what {@code np.savez} writes; DEFLATED what {@code np.savez_compressed} writes. */
    public enum Compression { STORED, DEFLATED }

    /** Adds the archive's arrays. */
    @FunctionalInterface
    public interface Contents {
        void addTo(NpzWriter npz) throws IOException;
    }

    private final ZipOutputStream zip;
    private final Compression compression;

    /** Writes to {@code out}; {@link #close()} finishes the archive and closes {@code out}. */
    public NpzWriter(OutputStream out, Compression compression) {
        this.zip = new ZipOutputStream(out);
        this.compression = compression;
    }

    /** Writes a complete archive atomically: readers see the old file or the whole new one. */
    public static void write(Path file, Compression compression, Contents contents) throws IOException {
        AtomicFiles.write(file, out -> {
            NpzWriter npz = new NpzWriter(out, compression);
            contents.addTo(npz);
            npz.finish();
        });
    }

    public NpzWriter add(String name, float[] data, int... shape) throws IOException {
        return addEncoded(name, Npy.encode(data, shape));
    }

    public NpzWriter add(String name, double[] data, int... shape) throws IOException {
        return addEncoded(name, Npy.encode(data, shape));
    }

    public NpzWriter add(String name, long[] data, int... shape) throws IOException {
        return addEncoded(name, Npy.encode(data, shape));
    }

    public NpzWriter add(String name, int[] data, int... shape) throws IOException {
        return addEncoded(name, Npy.encode(data, shape));
    }

    /** Adds unsigned bytes as a uint8 array. */
    public NpzWriter add(String name, byte[] data, int... shape) throws IOException {
        return addEncoded(name, Npy.encode(data, shape));
    }

    private NpzWriter addEncoded(String name, byte[] npy) throws IOException {
        ZipEntry entry = new ZipEntry(name + ".npy");
        entry.setTimeLocal(FIXED_TIME);
        if (compression == Compression.STORED) {
            // a stored entry must declare its size and checksum before its data
            CRC32 crc = new CRC32();
            crc.update(npy);
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(npy.length);
            entry.setCompressedSize(npy.length);
            entry.setCrc(crc.getValue());
        } else {
            entry.setMethod(ZipEntry.DEFLATED);
        }
        zip.putNextEntry(entry);
        zip.write(npy);
        zip.closeEntry();
        return this;
    }

    /** Writes the zip directory without closing the underlying stream. */
    public void finish() throws IOException {
        zip.finish();
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
