package org.disentangle4j.io;

import static org.disentangle4j.io.NpyHandMadeTest.npy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** .npz archives zipped by java.util.zip from hand-made .npy bytes. */
class NpzHandMadeTest {
    @TempDir
    Path dir;

    private static void put(ZipOutputStream zip, String name, byte[] bytes, boolean stored) throws IOException {
        ZipEntry e = new ZipEntry(name);
        if (stored) {
            CRC32 crc = new CRC32();
            crc.update(bytes);
            e.setMethod(ZipEntry.STORED);
            e.setSize(bytes.length);
            e.setCompressedSize(bytes.length);
            e.setCrc(crc.getValue());
        }
        zip.putNextEntry(e);
        zip.write(bytes);
        zip.closeEntry();
    }

    private Path archive() throws IOException {
        Path p = dir.resolve("a.npz");
        try (OutputStream out = Files.newOutputStream(p); ZipOutputStream zip = new ZipOutputStream(out)) {
            put(zip, "stored.npy", npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }",
                    0, 0, 0x80, 0x3F, 0, 0, 0x20, 0xC0), true);
            byte[] pixels = new byte[3 * 50];
            for (int i = 0; i < pixels.length; i++) pixels[i] = (byte) (i % 3 == 0 ? 1 : 0);
            byte[] header = npy(1, "{'descr': '|u1', 'fortran_order': False, 'shape': (3, 50), }");
            byte[] whole = new byte[header.length + pixels.length];
            System.arraycopy(header, 0, whole, 0, header.length);
            System.arraycopy(pixels, 0, whole, header.length, pixels.length);
            put(zip, "deflated.npy", whole, false);
            put(zip, "cut.npy", java.util.Arrays.copyOf(whole, header.length + 10), false);
        }
        return p;
    }

    @Test
    void readsStoredAndDeflatedEntries() throws IOException {
        try (NpzFile npz = NpzFile.open(archive())) {
            assertEquals(List.of("stored", "deflated", "cut"), npz.names());
            assertArrayEquals(new float[] {1.0f, -2.5f}, npz.read("stored").toFloatArray());
            NpyArray d = npz.read("deflated");
            assertArrayEquals(new int[] {3, 50}, d.shape());
            long[] v = d.toLongArray();
            for (int i = 0; i < v.length; i++) assertEquals(i % 3 == 0 ? 1 : 0, v[i], "element " + i);
            assertArrayEquals(new int[] {3, 50}, npz.header("deflated").shape());
        }
    }

    @Test
    void streamsAnEntryInPieces() throws IOException {
        try (NpzFile npz = NpzFile.open(archive()); NpyReader r = npz.stream("deflated")) {
            byte[] row = new byte[50];
            for (int rowIndex = 0; rowIndex < 3; rowIndex++) {
                r.readBytes(row, 0, 50);
                for (int x = 0; x < 50; x++) assertEquals((rowIndex * 50 + x) % 3 == 0 ? 1 : 0, row[x]);
            }
            assertEquals(0, r.remaining());
        }
    }

    @Test
    void truncatedEntryMissingEntryAndNonZipAreUserErrors() throws IOException {
        Path p = archive();
        try (NpzFile npz = NpzFile.open(p)) {
            UserInputException cut = assertThrows(UserInputException.class, () -> npz.read("cut"));
            assertTrue(cut.getMessage().contains("a.npz:cut") && cut.getMessage().contains("truncated"),
                    cut.getMessage());
            UserInputException missing = assertThrows(UserInputException.class, () -> npz.read("imgs"));
            assertTrue(missing.getMessage().contains("no array 'imgs'"), missing.getMessage());
        }
        Path notZip = dir.resolve("plain.npz");
        Files.writeString(notZip, "just text");
        UserInputException e = assertThrows(UserInputException.class, () -> NpzFile.open(notZip));
        assertTrue(e.getMessage().startsWith(notZip.toString()) && e.getMessage().contains("not a zip"), e.getMessage());
    }
}
