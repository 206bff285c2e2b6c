package org.disentangle4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.IIOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A write that fails leaves the file as it was and no temporary file, and says why in the I/O error's own words. */
class AtomicFilesTest {
    @Test
    void aFailedWriteKeepsTheOldFileAndNamesTheErrorUnderneath(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("figure.png");
        AtomicFiles.writeString(file, "the last good one");
        // a full disk as ImageIO reports it: its own message, the device's underneath
        IOException full = assertThrows(IOException.class, () -> AtomicFiles.write(file, out -> {
            out.write(new byte[100]);
            throw new IIOException("I/O error writing PNG file!", new IOException("No space left on device"));
        }));
        assertEquals("No space left on device", full.getMessage());
        // the JDK's PNG writer failing with a NullPointerException after such an error
        IOException npe = assertThrows(IOException.class, () -> AtomicFiles.write(file, out -> {
            throw new NullPointerException();
        }));
        assertEquals("the writer failed (NullPointerException)", npe.getMessage());
        // a plain I/O error passes as it is
        IOException plain = new IOException("Disk quota exceeded");
        assertEquals(plain, assertThrows(IOException.class, () -> AtomicFiles.write(file, out -> {
            throw plain;
        })));
        assertEquals("the last good one", Files.readString(file));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(1, left.count(), "no temporary file is left");
        }
    }
}
