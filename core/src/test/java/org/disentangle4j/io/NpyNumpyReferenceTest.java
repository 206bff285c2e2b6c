package org.disentangle4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Files written by NumPy itself (see src/test/resources/npy/make_fixtures.py for the formulas). */
class NpyNumpyReferenceTest {

    static Path resource(String name) {
        try {
            return Path.of(NpyNumpyReferenceTest.class.getResource("/npy/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void float32Matrix() {
        NpyArray a = Npy.read(resource("f4_2x3.npy"));
        assertArrayEquals(new int[] {2, 3}, a.shape());
        assertArrayEquals(new float[] {-1f, -0.5f, 0f, 0.5f, 1f, 1.5f}, a.toFloatArray());
    }

    @Test
    void bigEndianFloat64AndInt32() {
        assertArrayEquals(new double[] {3, 3.25, 3.5, 3.75}, Npy.read(resource("f8_big_endian_4.npy")).toDoubleArray());
        NpyArray i4 = Npy.read(resource("i4_big_endian_2x3x2.npy"));
        assertArrayEquals(new int[] {2, 3, 2}, i4.shape());
        int[] expected = new int[12];
        for (int i = 0; i < 12; i++) expected[i] = i - 6;
        assertArrayEquals(expected, i4.toIntArray());
    }

    @Test
    void versions2And3() {
        long[] expected = new long[8];
        for (int i = 0; i < 8; i++) expected[i] = i * 1_000_000_007L - 3;
        NpyArray i8 = Npy.read(resource("i8_v2_2x2x2.npy"));
        assertArrayEquals(new int[] {2, 2, 2}, i8.shape());
        assertArrayEquals(expected, i8.toLongArray());

        NpyArray u1 = Npy.read(resource("u1_v3_3x4.npy"));
        long[] bytes = u1.toLongArray();
        for (int i = 0; i < 12; i++) assertEquals((i * 21) % 256, bytes[i], "element " + i);
    }

    @Test
    void boolScalarAndEmpty() {
        assertArrayEquals(new int[] {1, 0, 0, 1, 1}, Npy.read(resource("bool_5.npy")).toIntArray());
        NpyArray scalar = Npy.read(resource("scalar_f8.npy"));
        assertEquals(0, scalar.shape().length);
        assertArrayEquals(new double[] {2.75}, scalar.toDoubleArray());
        NpyArray empty = Npy.read(resource("empty_f4_0x3.npy"));
        assertArrayEquals(new int[] {0, 3}, empty.shape());
        assertEquals(0, empty.size());
    }

    @Test
    void fortranOrderIsReadInCOrder() {
        NpyArray a = Npy.read(resource("fortran_f4_2x3.npy"));
        assertTrue(a.header().fortranOrder());
        assertArrayEquals(new int[] {2, 3}, a.shape());
        assertArrayEquals(new float[] {-1f, -0.5f, 0f, 0.5f, 1f, 1.5f}, a.toFloatArray());
    }

    @Test
    void complexIsRejected() {
        assertTrue(assertThrows(UserInputException.class, () -> Npy.read(resource("complex_c8.npy")))
                .getMessage().contains("'<c8'"));
    }

    @Test
    void savezAndSavezCompressed() {
        for (String name : new String[] {"stored.npz", "compressed.npz"}) {
            try (NpzFile npz = NpzFile.open(resource(name))) {
                assertArrayEquals(new float[] {-1f, -0.5f, 0f, 0.5f, 1f, 1.5f}, npz.read("floats").toFloatArray());
                assertArrayEquals(new long[] {0, 7, 14, 21, 28}, npz.read("counts").toLongArray());
                NpyArray pixels = npz.read("pixels");
                assertArrayEquals(new int[] {2, 3, 4}, pixels.shape());
                int[] p = pixels.toIntArray();
                for (int i = 0; i < p.length; i++) assertEquals(i % 2, p[i]);
            }
        }
    }

    @Test
    void ourEncodingIsByteIdenticalToNumpys() throws IOException {
        byte[] ours = Npy.encode(new float[] {-1f, -0.5f, 0f, 0.5f, 1f, 1.5f}, 2, 3);
        assertArrayEquals(Files.readAllBytes(resource("f4_2x3.npy")), ours);
    }
}
