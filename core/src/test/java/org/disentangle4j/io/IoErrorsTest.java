package org.disentangle4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File-system failures in words: the path at fault and what is wrong, never an exception's class name. */
class IoErrorsTest {
    @TempDir
    Path dir;

    @Test
    void namesThePathAndTheReason() {
        assertEquals("/a/b: no such file or directory", IoErrors.describe(new NoSuchFileException("/a/b")));
        assertEquals("/a/b: permission denied", IoErrors.describe(new AccessDeniedException("/a/b")));
        // a rename of a temporary file onto a directory: the target is what the user named
        assertEquals("/out/x.png: is a directory", IoErrors.describe(new FileSystemException("/out/.x.png.1f.tmp", "/out/x.png", "Is a directory")));
        assertEquals("no space left on device", IoErrors.describe(new IOException("No space left on device")));
        assertEquals("input/output error", IoErrors.describe(new IOException()));
    }

    @Test
    void aParentThatIsAFileIsSaidSo() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), "x");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeString(file.resolve("r.json"), "{}"));
        assertEquals(file + ": is a file, not a directory", IoErrors.describe(e));
        assertEquals("cannot write " + file.resolve("r.json") + ": " + file + ": is a file, not a directory",
                IoErrors.cannotWrite(file.resolve("r.json"), e).getMessage());
        // what Files.createDirectories throws for a directory under a file
        IOException under = assertThrows(IOException.class, () -> Files.createDirectories(file.resolve("run")));
        assertEquals(file + ": is a file, not a directory", IoErrors.describe(under));
        Path absent = dir.resolve("absent");
        assertEquals(absent + ": already exists", IoErrors.describe(new FileAlreadyExistsException(absent.toString())));
    }

    @Test
    void writingOntoADirectoryNamesItWithoutTheTemporaryFile() throws IOException {
        Path target = Files.createDirectory(dir.resolve("x.png"));
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeString(target, "png"));
        assertEquals("cannot write " + target + ": is a directory", IoErrors.cannotWrite(target, e).getMessage());
    }

    @Test
    void requireWritableCatchesADirectoryAndAParentThatIsAFileBeforeAnyWork() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("x.png"));
        assertEquals("cannot write " + folder + ": is a directory",
                assertThrows(UserInputException.class, () -> IoErrors.requireWritable(folder)).getMessage());
        Path file = Files.writeString(dir.resolve("notes.txt"), "x");
        Path deep = file.resolve("a/b/r.json");
        assertEquals("cannot write " + deep + ": " + file + ": is a file, not a directory",
                assertThrows(UserInputException.class, () -> IoErrors.requireWritable(deep)).getMessage());
        IoErrors.requireWritable(dir.resolve("new/dirs/r.json")); // missing parents are made when writing
        IoErrors.requireWritable(file); // an existing file is replaced
    }

    @Test
    void requireFileTellsAMissingPathFromADirectory() throws IOException {
        Path missing = dir.resolve("a.npz");
        assertEquals(missing + ": no such file", assertThrows(UserInputException.class, () -> IoErrors.requireFile(missing)).getMessage());
        Path folder = Files.createDirectory(dir.resolve("b.npz"));
        assertEquals(folder + ": is a directory; expected a file",
                assertThrows(UserInputException.class, () -> IoErrors.requireFile(folder)).getMessage());
        IoErrors.requireFile(Files.writeString(dir.resolve("c.npz"), "x"));
    }
}
