package org.disentangle4j.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.disentangle4j.io.UserInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArrayFilesTest {
    @TempDir
    Path dir;

    /** A version-1 .npy file as numpy writes it: magic, header padded to 64 bytes, data. */
    static byte[] npy(String descr, boolean fortran, int rows, int cols, ByteBuffer data) {
        String header = "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': (" + rows + ", "
                + cols + "), }";
        int total = 10 + header.length() + 1;
        int pad = (64 - total % 64) % 64;
        header = header + " ".repeat(pad) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        out.write(header.length() & 0xff);
        out.write(header.length() >> 8);
        out.writeBytes(header.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(data.array());
        return out.toByteArray();
    }

    @Test
    void readsFloat64CodesAndInt64FactorsInBothOrders() throws Exception {
        ByteBuffer f8 = ByteBuffer.allocate(6 * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : new double[] {0.5, -1, 2, 3.25, 4, 5}) f8.putDouble(v);
        Path codes = dir.resolve("codes.npy");
        Files.write(codes, npy("<f8", false, 3, 2, f8));
        assertArrayEquals(new double[][] {{0.5, -1}, {2, 3.25}, {4, 5}}, ArrayFiles.readCodes(codes));

        ByteBuffer i8 = ByteBuffer.allocate(6 * 8).order(ByteOrder.BIG_ENDIAN);
        for (long v : new long[] {0, 1, 2, 3, 4, 5}) i8.putLong(v);
        Path factors = dir.resolve("factors.npy");
        Files.write(factors, npy(">i8", true, 3, 2, i8)); // Fortran order: column 0 is 0, 1, 2
        assertArrayEquals(new int[][] {{0, 3}, {1, 4}, {2, 5}}, ArrayFiles.readFactors(factors));
    }

    @Test
    void readsCsvWithoutHeader() throws Exception {
        Path csv = dir.resolve("f.csv");
        Files.writeString(csv, "0,1\n2, 3\n\n4,5\n");
        assertArrayEquals(new int[][] {{0, 1}, {2, 3}, {4, 5}}, ArrayFiles.readFactors(csv));
    }

    @Test
    void oneLineErrorsNameTheFile() throws Exception {
        Path csv = dir.resolve("f.csv");
        Files.writeString(csv, "a,b\n1,2\n");
        assertError(csv, "not a number (the file must have no header)", true);
        Files.writeString(csv, "0,1.5\n");
        assertError(csv, "factors must be non-negative integer class indices", true);
        Files.writeString(csv, "0,-2\n");
        assertError(csv, "is -2; factors must be non-negative", true);
        Files.writeString(csv, "0,nan\n1,2\ninf,-inf\n");
        assertError(csv, ": 2 of 3 rows have a non-finite code (NaN or infinity); codes must be finite numbers", false);
        Files.writeString(csv, "0,1\n2\n");
        assertError(csv, "line 2 has 1 values", false);
        assertError(dir.resolve("missing.npy"), "no such file", false);
        Path bad = dir.resolve("bad.npy");
        Files.writeString(bad, "not numpy at all");
        assertError(bad, "not a .npy file", false);
        assertError(dir.resolve("x.json"), "expected a .npy or .csv file", false);
    }

    private static void assertError(Path file, String part, boolean asFactors) {
        UserInputException e = assertThrows(UserInputException.class,
                () -> {
                    if (asFactors) ArrayFiles.readFactors(file);
                    else ArrayFiles.readCodes(file);
                });
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(part), e.getMessage());
        assertEquals(-1, e.getMessage().indexOf('\n'));
    }
}
