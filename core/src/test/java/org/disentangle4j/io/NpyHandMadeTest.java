package org.disentangle4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** .npy files assembled byte by byte from the format description, independent of our writer. */
class NpyHandMadeTest {
    @TempDir
    Path dir;

    /** Magic, version, little-endian header length, the dictionary padded with spaces and '\n' to 16 bytes, data. */
    static byte[] npy(int major, String dict, int... data) {
        int lengthBytes = major == 1 ? 2 : 4;
        StringBuilder header = new StringBuilder(dict);
        while ((6 + 2 + lengthBytes + header.length() + 1) % 16 != 0) header.append(' ');
        header.append('\n');
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x93);
        out.writeBytes("NUMPY".getBytes(StandardCharsets.US_ASCII));
        out.write(major);
        out.write(0);
        int n = header.length();
        for (int i = 0; i < lengthBytes; i++) out.write((n >>> (8 * i)) & 0xFF);
        out.writeBytes(header.toString().getBytes(StandardCharsets.ISO_8859_1));
        for (int b : data) out.write(b);
        return out.toByteArray();
    }

    private Path file(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private UserInputException rejected(String name, byte[] bytes) throws IOException {
        Path p = file(name, bytes);
        UserInputException e = assertThrows(UserInputException.class, () -> Npy.read(p));
        assertTrue(e.getMessage().contains(p.toString()), "names the file: " + e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e;
    }

    @Test
    void float32VectorLittleEndian() throws IOException {
        // 1.0f = 0x3F800000, -2.5f = 0xC0200000, 0.15625f = 0x3E200000, stored low byte first
        NpyArray a = Npy.read(file("v.npy", npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }",
                0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x20, 0xC0, 0x00, 0x00, 0x20, 0x3E)));
        assertEquals(NpyDtype.FLOAT32, a.dtype());
        assertArrayEquals(new int[] {3}, a.shape());
        assertArrayEquals(new float[] {1.0f, -2.5f, 0.15625f}, a.toFloatArray());
        assertArrayEquals(new double[] {1.0, -2.5, 0.15625}, a.toDoubleArray());
    }

    @Test
    void float32BigEndian() throws IOException {
        NpyArray a = Npy.read(file("be.npy", npy(1, "{'descr': '>f4', 'fortran_order': False, 'shape': (2,), }",
                0x3F, 0x80, 0x00, 0x00, 0xC0, 0x20, 0x00, 0x00)));
        assertEquals(ByteOrder.BIG_ENDIAN, a.header().byteOrder());
        assertArrayEquals(new float[] {1.0f, -2.5f}, a.toFloatArray());
    }

    @Test
    void float64Matrix() throws IOException {
        // 1.0 = 0x3FF0000000000000, -0.5 = 0xBFE0000000000000
        NpyArray a = Npy.read(file("m.npy", npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 1), }",
                0, 0, 0, 0, 0, 0, 0xF0, 0x3F, 0, 0, 0, 0, 0, 0, 0xE0, 0xBF)));
        assertArrayEquals(new int[] {2, 1}, a.shape());
        assertArrayEquals(new double[] {1.0, -0.5}, a.toDoubleArray());
        assertArrayEquals(new float[] {1.0f, -0.5f}, a.toFloatArray());
    }

    @Test
    void int64ThreeDimensional() throws IOException {
        // 258 = 0x0102, -2 = 0xFFFFFFFFFFFFFFFE
        NpyArray a = Npy.read(file("i.npy", npy(1, "{'descr': '<i8', 'fortran_order': False, 'shape': (1, 2, 1), }",
                0x02, 0x01, 0, 0, 0, 0, 0, 0, 0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF)));
        assertArrayEquals(new int[] {1, 2, 1}, a.shape());
        assertArrayEquals(new long[] {258, -2}, a.toLongArray());
        assertArrayEquals(new int[] {258, -2}, a.toIntArray());
        assertArrayEquals(new double[] {258, -2}, a.toDoubleArray());
    }

    @Test
    void uint8MatrixReadsUnsigned() throws IOException {
        NpyArray a = Npy.read(file("u.npy", npy(1, "{'descr': '|u1', 'fortran_order': False, 'shape': (2, 2), }",
                0, 1, 128, 255)));
        assertEquals(NpyDtype.UINT8, a.dtype());
        assertArrayEquals(new long[] {0, 1, 128, 255}, a.toLongArray());
        assertArrayEquals(new float[] {0, 1, 128, 255}, a.toFloatArray());
        assertArrayEquals(new byte[] {0, 1, (byte) 128, (byte) 255}, a.toByteArray());
    }

    @Test
    void zeroDimensionalAndEmptyArrays() throws IOException {
        NpyArray scalar = Npy.read(file("s.npy", npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (), }",
                0, 0, 0, 0, 0, 0, 0, 0x40)));
        assertArrayEquals(new int[0], scalar.shape());
        assertArrayEquals(new double[] {2.0}, scalar.toDoubleArray());

        NpyArray empty = Npy.read(file("e.npy", npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (0, 5), }")));
        assertArrayEquals(new int[] {0, 5}, empty.shape());
        assertEquals(0, empty.toFloatArray().length);
    }

    @Test
    void version2HeaderAndPython2StyleDictionary() throws IOException {
        // double quotes, other key order, no trailing comma, 'L' suffixes as old NumPy under Python 2 wrote
        NpyArray a = Npy.read(file("v2.npy", npy(2, "{\"shape\": (2L,), \"fortran_order\": False, \"descr\": \"<i4\"}",
                0x07, 0, 0, 0, 0xF9, 0xFF, 0xFF, 0xFF)));
        assertEquals(NpyDtype.INT32, a.dtype());
        assertArrayEquals(new int[] {7, -7}, a.toIntArray());
        assertEquals(0, a.header().dataOffset() % 16);
    }

    @Test
    void boolReadsAsZeroOne() throws IOException {
        NpyArray a = Npy.read(file("b.npy", npy(3, "{'descr': '|b1', 'fortran_order': False, 'shape': (3,), }",
                1, 0, 1)));
        assertEquals(NpyDtype.BOOL, a.dtype());
        assertArrayEquals(new int[] {1, 0, 1}, a.toIntArray());
    }

    @Test
    void truncatedDataIsRejected() throws IOException {
        UserInputException e = rejected("t.npy", npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }",
                0, 0, 0x80, 0x3F, 0, 0, 0x20, 0xC0));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertTrue(e.getMessage().contains("(3,)"), e.getMessage());
    }

    @Test
    void truncatedHeaderIsRejected() throws IOException {
        byte[] whole = npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }");
        byte[] cut = java.util.Arrays.copyOf(whole, 30);
        assertTrue(rejected("th.npy", cut).getMessage().contains("truncated"));
    }

    @Test
    void moreBytesThanTheShapeIsRejected() throws IOException {
        UserInputException e = rejected("x.npy", npy(1, "{'descr': '|u1', 'fortran_order': False, 'shape': (2,), }",
                1, 2, 3));
        assertTrue(e.getMessage().contains("has 3 data bytes"), e.getMessage());
    }

    @Test
    void badMagicIsRejected() throws IOException {
        byte[] bytes = npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }", 0, 0, 0, 0);
        bytes[1] = 'X';
        assertTrue(rejected("m.npy", bytes).getMessage().contains("magic"));
    }

    @Test
    void unsupportedDtypeVersionAndMalformedHeaderAreRejected() throws IOException {
        assertTrue(rejected("c.npy", npy(1, "{'descr': '<c8', 'fortran_order': False, 'shape': (1,), }",
                0, 0, 0, 0, 0, 0, 0, 0)).getMessage().contains("unsupported dtype '<c8'"));
        byte[] v4 = npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }", 0, 0, 0, 0);
        v4[6] = 4;
        assertTrue(rejected("v4.npy", v4).getMessage().contains("version 4.0"));
        assertTrue(rejected("d.npy", npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (1,) ", 0, 0, 0, 0))
                .getMessage().contains("malformed"));
        assertTrue(rejected("p.npy", npy(1, "{'descr': '|f4', 'fortran_order': False, 'shape': (1,), }", 0, 0, 0, 0))
                .getMessage().contains("unsupported dtype"));
    }

    @Test
    void fortranOrderLoadsWholeInCOrderButCannotStream() throws IOException {
        // the 2×3 matrix [[1, 2, 3], [4, 5, 6]] stored column by column: 1 4 2 5 3 6
        Path p = file("f.npy", npy(1, "{'descr': '|u1', 'fortran_order': True, 'shape': (2, 3), }", 1, 4, 2, 5, 3, 6));
        NpyArray a = Npy.read(p);
        assertArrayEquals(new int[] {2, 3}, a.shape());
        assertArrayEquals(new int[] {1, 2, 3, 4, 5, 6}, a.toIntArray());
        try (NpyReader r = Npy.open(p)) {
            UserInputException e = assertThrows(UserInputException.class, () -> r.readBytes(new byte[6], 0, 6));
            assertTrue(e.getMessage().contains("Fortran-order (2, 3) array cannot be streamed"), e.getMessage());
        }
        // a 2×2×2 array: element (i, j, k) = 100 i + 10 j + k, stored first index fastest
        Path cube = file("f3.npy", npy(1, "{'descr': '|u1', 'fortran_order': True, 'shape': (2, 2, 2), }",
                0, 100, 10, 110, 1, 101, 11, 111));
        assertArrayEquals(new int[] {0, 1, 10, 11, 100, 101, 110, 111}, Npy.read(cube).toIntArray());
    }

    @Test
    void missingFileIsAUserError() {
        Path p = dir.resolve("absent.npy");
        UserInputException e = assertThrows(UserInputException.class, () -> Npy.read(p));
        assertTrue(e.getMessage().contains("absent.npy"));
    }

    @Test
    void floatArrayIsNotReadAsIntegers() throws IOException {
        NpyArray a = Npy.read(file("fl.npy", npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }",
                0, 0, 0x80, 0x3F)));
        assertThrows(UserInputException.class, a::toLongArray);
    }

    @Test
    void narrowAndUnsignedIntegersReadWithTheirSignsAndRanges() throws IOException {
        // int8 -1 (0xFF) and 5; big-endian int16 -2 (0xFFFE); uint32 4294967295; uint16 65535
        NpyArray i1 = Npy.read(file("i1.npy", npy(1, "{'descr': '|i1', 'fortran_order': False, 'shape': (2,), }", 0xFF, 0x05)));
        assertArrayEquals(new long[] {-1, 5}, i1.toLongArray());
        assertThrows(UserInputException.class, i1::toByteArray); // raw bytes are for uint8 and bool only
        NpyArray i2 = Npy.read(file("i2.npy", npy(1, "{'descr': '>i2', 'fortran_order': False, 'shape': (1,), }", 0xFF, 0xFE)));
        assertArrayEquals(new int[] {-2}, i2.toIntArray());
        NpyArray u4 = Npy.read(file("u4.npy", npy(1, "{'descr': '<u4', 'fortran_order': False, 'shape': (1,), }", 0xFF, 0xFF, 0xFF, 0xFF)));
        assertArrayEquals(new long[] {4294967295L}, u4.toLongArray());
        assertArrayEquals(new double[] {4294967295.0}, u4.toDoubleArray());
        assertTrue(assertThrows(UserInputException.class, u4::toIntArray).getMessage().contains("does not fit a 32-bit int"));
        NpyArray u2 = Npy.read(file("u2.npy", npy(1, "{'descr': '<u2', 'fortran_order': False, 'shape': (1,), }", 0xFF, 0xFF)));
        assertArrayEquals(new int[] {65535}, u2.toIntArray());
        // uint64 2^64 − 1: exactly 1.8446744073709552e19 as a double, too large for a long
        NpyArray u8 = Npy.read(file("u8.npy", npy(1, "{'descr': '<u8', 'fortran_order': False, 'shape': (1,), }",
                0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF)));
        assertArrayEquals(new double[] {18446744073709551615.0}, u8.toDoubleArray());
        assertTrue(assertThrows(UserInputException.class, u8::toLongArray).getMessage().contains("18446744073709551615"));
    }
}
