package org.disentangle4j.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Writes a file through a temporary sibling and a rename, so it is either complete or absent. */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** What fills the file. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    public static void write(Path file, Writer writer) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        if (dir != null) Files.createDirectories(dir);
        // not Files.createTempFile: it makes the file private (0600) whatever the umask
        Path tmp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(
                    Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16)) {
                try {
                    writer.writeTo(out);
                } catch (IOException | RuntimeException e) {
                    throw failed(dir, e);
                }
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * A writer's failure as the I/O error under it: a full disk's "No space left on device" rather
     * than the "I/O error writing PNG file!" ImageIO wraps it in, or the NullPointerException the
     * JDK's PNG writer can throw after such an error.
     */
    static IOException failed(Path dir, Exception e) {
        Throwable why = null;
        for (Throwable t = e; t != null; t = t.getCause()) if (t instanceof IOException && t.getMessage() != null) why = t;
        if (why == e) return (IOException) e;
        if (why != null) return new IOException(why.getMessage(), e);
        return new IOException(full(dir) ? "No space left on device" : "the writer failed (" + e.getClass().getSimpleName() + ")", e);
    }

    private static boolean full(Path dir) {
        try {
            return dir != null && Files.getFileStore(dir).getUsableSpace() == 0;
        } catch (IOException unknown) {
            return false;
        }
    }

    public static void writeString(Path file, String text) throws IOException {
        write(file, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
