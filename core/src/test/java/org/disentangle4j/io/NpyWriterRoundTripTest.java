package org.disentangle4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyWriterRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void everyWritableTypeRoundTrips() throws IOException {
        Npy.write(dir.resolve("f.npy"), new float[] {1.5f, -2f, 3.25f, 0f, 7f, -0.125f}, 3, 2);
        Npy.write(dir.resolve("d.npy"), new double[] {Math.PI, -Math.E}, 2);
        Npy.write(dir.resolve("l.npy"), new long[] {Long.MIN_VALUE, 0, Long.MAX_VALUE}, 3);
        Npy.write(dir.resolve("i.npy"), new int[] {-5, 6, -7, 8}, 1, 2, 2);
        Npy.write(dir.resolve("u.npy"), new byte[] {0, (byte) 200}, 2);

        NpyArray f = Npy.read(dir.resolve("f.npy"));
        assertArrayEquals(new int[] {3, 2}, f.shape());
        assertArrayEquals(new float[] {1.5f, -2f, 3.25f, 0f, 7f, -0.125f}, f.toFloatArray());
        assertArrayEquals(new double[] {Math.PI, -Math.E}, Npy.read(dir.resolve("d.npy")).toDoubleArray());
        assertArrayEquals(new long[] {Long.MIN_VALUE, 0, Long.MAX_VALUE}, Npy.read(dir.resolve("l.npy")).toLongArray());
        NpyArray i = Npy.read(dir.resolve("i.npy"));
        assertEquals(NpyDtype.INT32, i.dtype());
        assertArrayEquals(new int[] {-5, 6, -7, 8}, i.toIntArray());
        assertArrayEquals(new long[] {0, 200}, Npy.read(dir.resolve("u.npy")).toLongArray());
    }

    @Test
    void streamsALargeArrayInUnevenPiecesAcrossReadBlocks() throws IOException {
        int n = 300_000; // 1.2 MB of float32: more than one internal 1 MiB block
        float[] values = new float[n];
        for (int i = 0; i < n; i++) values[i] = i * 0.5f - 7;
        Path p = dir.resolve("big.npy");
        Npy.write(p, values, 1000, 300);
        try (NpyReader r = Npy.open(p)) {
            assertArrayEquals(new int[] {1000, 300}, r.header().shape());
            double[] piece = new double[70_001];
            int read = 0;
            while (r.remaining() > 0) {
                int k = (int) Math.min(piece.length, r.remaining());
                r.readDoubles(piece, 0, k);
                for (int j = 0; j < k; j++) assertEquals((read + j) * 0.5 - 7, piece[j], "element " + (read + j));
                read += k;
            }
            assertEquals(n, read);
            assertThrows(IllegalArgumentException.class, () -> r.readFloats(new float[1], 0, 1));
        }
    }

    @Test
    void headerIsPaddedTo64Bytes() {
        // the 10-byte preamble plus a 58-character dictionary need 69 bytes, padded to 128
        byte[] bytes = Npy.encode(new double[] {1}, 1);
        assertEquals(128 + 8, bytes.length);
        assertEquals('\n', bytes[127]);
        assertEquals(' ', bytes[126]);
    }

    @Test
    void shapeMustMatchData() {
        assertThrows(IllegalArgumentException.class, () -> Npy.encode(new float[5], 2, 3));
    }

    @Test
    void npzRoundTripsStoredAndDeflated() throws IOException {
        for (NpzWriter.Compression c : NpzWriter.Compression.values()) {
            Path p = dir.resolve(c + ".npz");
            NpzWriter.write(p, c, npz -> npz
                    .add("w", new float[] {1, 2, 3, 4, 5, 6}, 2, 3)
                    .add("step", new long[] {1200}, 1)
                    .add("mask", new byte[] {1, 0, 1}, 3));
            try (NpzFile npz = NpzFile.open(p)) {
                assertEquals(List.of("w", "step", "mask"), npz.names());
                assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, npz.read("w").toFloatArray());
                assertArrayEquals(new int[] {2, 3}, npz.read("w").shape());
                assertArrayEquals(new long[] {1200}, npz.read("step").toLongArray());
                assertArrayEquals(new long[] {1, 0, 1}, npz.read("mask").toLongArray());
            }
        }
    }

    @Test
    void sameArraysGiveSameBytes() throws IOException {
        Path a = dir.resolve("a.npz"), b = dir.resolve("b.npz");
        NpzWriter.Contents contents = npz -> npz.add("x", new double[] {1, 2}, 2);
        NpzWriter.write(a, NpzWriter.Compression.DEFLATED, contents);
        NpzWriter.write(b, NpzWriter.Compression.DEFLATED, contents);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }
}
