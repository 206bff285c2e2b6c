package org.disentangle4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.disentangle4j.io.UserInputException;
import org.disentangle4j.nn.Torch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults a run directory must survive: another process holding it, a damaged or missing
 * checkpoint, what an interrupted write left behind. Each is one line and changes nothing.
 */
class RunIntegrityTest {

    private static TrainingConfig config() {
        return new TrainingConfig("beta-vae", "dsprites", null, 2, 4, 1e-4, 3, "bernoulli", 0, Map.of(), 1, 1);
    }

    /** A complete 2-step run. */
    private static Path trained(Path dir) {
        try (NDManager m = Torch.newManager(); Run run = Run.create(config(), dir, m)) {
            run.trainer().train(new TrainingListener() {});
            run.directory().writeStatus(RunDirectory.State.COMPLETE, 2);
        }
        return dir;
    }

    private static Process holdLock(Path dir) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        String first = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8)).readLine();
        assertEquals("locked", first);
        return child;
    }

    @Test
    void aSecondProcessIsRefusedWhileTheFirstHoldsTheRunAndAdmittedOnceItIsKilled(@TempDir Path tmp) throws Exception {
        Path dir = trained(tmp.resolve("run"));
        Process holder = holdLock(dir);
        try (NDManager m = Torch.newManager()) {
            UserInputException e = assertThrows(UserInputException.class, () -> Run.open(dir, m, "evaluated"));
            assertEquals(dir + " is being trained by process " + holder.pid() + "; wait for it to finish, or stop it (it checkpoints first)",
                    e.getMessage());
            // a new run into a directory another process is creating is refused the same way
            Path fresh = tmp.resolve("fresh");
            Files.createDirectories(fresh);
            Process creator = holdLock(fresh);
            UserInputException second = assertThrows(UserInputException.class, () -> Run.create(config(), fresh, m));
            assertTrue(second.getMessage().startsWith(fresh + " is being trained by process " + creator.pid()), second.getMessage());
            assertFalse(Files.exists(fresh.resolve(RunDirectory.CONFIG)));
            creator.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            // kill -9: the OS releases the lock with the process
            holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            try (Run run = Run.open(dir, m, "evaluated")) {
                assertEquals(2, run.directory().statusStep());
            }
            try (Run run = Run.create(config(), fresh, m)) {
                assertTrue(Files.exists(fresh.resolve(RunDirectory.CONFIG)));
            }
        } finally {
            holder.destroyForcibly();
        }
    }

    @Test
    void aDamagedCheckpointIsOneLineAndStaysAsItWas(@TempDir Path tmp) throws IOException {
        Path dir = trained(tmp.resolve("run"));
        Path checkpoint = dir.resolve(RunDirectory.CHECKPOINT);
        byte[] bytes = Files.readAllBytes(checkpoint);
        // four bytes inside the data of the encoder's first parameter: past its zip entry's name and its .npy header
        byte[] name = "param/encoder/".getBytes(StandardCharsets.UTF_8);
        int at = indexOf(bytes, name);
        assertTrue(at > 0, "no encoder parameter in the archive");
        int inData = at + 400;
        for (int i = 0; i < 4; i++) bytes[inData + i] ^= (byte) 0x5A;
        Files.write(checkpoint, bytes);
        try (NDManager m = Torch.newManager()) {
            UserInputException e = assertThrows(UserInputException.class, () -> Run.open(dir, m, "evaluated"));
            assertTrue(e.getMessage().startsWith(checkpoint.toString()), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
        assertArrayEquals(bytes, Files.readAllBytes(checkpoint));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) continue outer;
            }
            return i;
        }
        return -1;
    }

    @Test
    void aMissingCheckpointOfATrainedRunIsRefusedNotReplacedByFreshWeights(@TempDir Path tmp) throws IOException {
        Path dir = trained(tmp.resolve("run"));
        Files.delete(dir.resolve(RunDirectory.CHECKPOINT));
        try (NDManager m = Torch.newManager()) {
            UserInputException e = assertThrows(UserInputException.class, () -> Run.open(dir, m, "evaluated"));
            assertEquals(dir.resolve(RunDirectory.CHECKPOINT) + " is missing, but the run has trained 2 steps (status.json): "
                    + "its parameters are gone; nothing was changed", e.getMessage());
        }
    }

    @Test
    void whatAnInterruptedWriteLeftIsRemovedByTheNextHolder(@TempDir Path tmp) throws IOException {
        Path dir = trained(tmp.resolve("run"));
        Path leftover = dir.resolve(".checkpoint.npz.1f2e3d.tmp");
        Files.write(leftover, new byte[] {1, 2, 3});
        try (NDManager m = Torch.newManager(); Run run = Run.open(dir, m, "evaluated")) {
            assertFalse(Files.exists(leftover));
            assertTrue(Files.exists(dir.resolve(RunDirectory.CHECKPOINT)));
        }
    }
}
