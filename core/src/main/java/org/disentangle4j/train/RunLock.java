package org.disentangle4j.train;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.disentangle4j.io.IoErrors;
import org.disentangle4j.io.UserInputException;

/**
 * One writer per run directory: an OS file lock on {@value #FILE} in the directory, held while the
 * run is open and released by the OS when the process dies, so a crashed writer never leaves the
 * directory locked. The holder writes its process id and what it does into the file; another
 * process that wants the directory is refused in one line naming them.
 */
public final class RunLock implements AutoCloseable {
    /** The lock file's name in a run directory. */
    public static final String FILE = ".lock";

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the directory for this process, or refuses: "D is being trained by process N".
     *
     * @param activity what the holder does, as the refusal names it ("trained", "evaluated", …)
     */
    public static RunLock acquire(Path dir, String activity) {
        Path file = dir.resolve(FILE);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UserInputException("cannot lock run directory " + dir + ": " + IoErrors.reason(e, file), e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw new UserInputException(dir + " is already open in this process; close the other run first");
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UserInputException("cannot lock run directory " + dir + ": " + IoErrors.reason(e, file), e);
        }
        if (lock == null) {
            String holder = holder(file);
            closeQuietly(channel);
            throw new UserInputException(dir + " is being " + (holder.isEmpty() ? "used by another process" : holder)
                    + "; wait for it to finish, or stop it (it checkpoints first)");
        }
        try {
            byte[] who = ("process " + ProcessHandle.current().pid() + "\t" + activity).getBytes(StandardCharsets.UTF_8);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(who), 0);
            channel.force(false);
        } catch (IOException e) {
            // the lock holds without the note; a refused process then names no holder
        }
        return new RunLock(channel, lock);
    }

    /** "trained by process N" from the holder's note, or empty when it left none. */
    private static String holder(Path file) {
        try {
            String[] note = Files.readString(file, StandardCharsets.UTF_8).split("\t", 2);
            if (note.length != 2 || !note[0].startsWith("process ")) return "";
            return note[1].strip() + " by " + note[0];
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing held
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // the channel's close releases it too
        }
        closeQuietly(channel);
    }
}
