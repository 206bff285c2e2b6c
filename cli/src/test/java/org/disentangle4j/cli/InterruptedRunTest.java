package org.disentangle4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.disentangle4j.train.RunDirectory;
import org.disentangle4j.train.TrainingLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run stopped by SIGTERM or killed with SIGKILL in a separate process, then resumed, ends with the
 * parameters, optimiser state and logged losses of the same run trained without a stop, bit for bit:
 * log.jsonl line for line, also with checkpoints that fall between log lines (every 15 steps, lines
 * every 10), since each checkpoint keeps the sums of the steps since the last line.
 */
class InterruptedRunTest {
    private static final long STEPS = 300;

    private static List<String> trainArguments(Path out) {
        return List.of("train", "--model", "beta-vae", "--dataset", "dsprites", "--steps", Long.toString(STEPS), "--batch-size", "8",
                "--latent-dim", "4", "--seed", "3", "--checkpoint-every", "15", "--log-every", "10", "--no-evaluate", "--no-figures",
                "--out", out.toString());
    }

    private static Process start(List<String> args, Path output) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }

    /** Waits until the run has logged {@code step} (and so checkpointed before it) or the process ended. */
    private static void awaitLoggedStep(Process p, Path dir, long step) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline && p.isAlive()) {
            List<TrainingLog.Entry> log = TrainingLog.read(dir.resolve(RunDirectory.LOG));
            if (!log.isEmpty() && log.get(log.size() - 1).step() >= step) return;
            Thread.sleep(20);
        }
    }

    private static Map<Long, Map<String, Double>> loggedTerms(Path dir) throws Exception {
        Map<Long, Map<String, Double>> terms = new TreeMap<>();
        for (TrainingLog.Entry e : TrainingLog.read(dir.resolve(RunDirectory.LOG))) {
            Map<String, Double> v = new TreeMap<>(e.values());
            v.remove("images_per_s");
            v.remove("elapsed_s");
            terms.put(e.step(), v);
        }
        return terms;
    }

    @Test
    void sigtermOrSigkillThenResumeEndsBitIdenticalToAnUninterruptedRun(@TempDir Path tmp) throws Exception {
        Path whole = tmp.resolve("whole");
        Path termed = tmp.resolve("termed");
        Path killed = tmp.resolve("killed");

        Process term = start(trainArguments(termed), tmp.resolve("termed.out"));
        awaitLoggedStep(term, termed, 30);
        term.destroy(); // SIGTERM: the shutdown hook checkpoints the step in progress
        assertTrue(term.waitFor(2, TimeUnit.MINUTES));
        var termStatus = RunDirectory.open(termed).readJson(RunDirectory.STATUS);
        assertEquals("interrupted", termStatus.get("state").getAsString(),
                "SIGTERM must stop the run before its end (" + Files.readString(tmp.resolve("termed.out")) + ")");
        assertTrue(termStatus.get("step").getAsLong() < STEPS);

        Process kill = start(trainArguments(killed), tmp.resolve("killed.out"));
        awaitLoggedStep(kill, killed, 50);
        kill.destroyForcibly(); // SIGKILL: nothing runs; the last periodic checkpoint is all there is
        assertTrue(kill.waitFor(2, TimeUnit.MINUTES));
        var killStatus = RunDirectory.open(killed).readJson(RunDirectory.STATUS);
        assertEquals("running", killStatus.get("state").getAsString(), "SIGKILL must hit a running run");
        assertTrue(killStatus.get("step").getAsLong() < STEPS);

        CommandRunner.Outcome w = CommandRunner.execute(trainArguments(whole));
        assertEquals(0, w.exit(), w.err());
        for (Path dir : List.of(termed, killed)) {
            CommandRunner.Outcome resumed = CommandRunner.execute(List.of("train", "--resume", dir.toString()));
            assertEquals(0, resumed.exit(), resumed.err());
            assertEquals("complete", RunDirectory.open(dir).readJson(RunDirectory.STATUS).get("state").getAsString());
        }

        Map<String, float[]> expected = RunLifecycleTest.checkpointArrays(whole.resolve(RunDirectory.CHECKPOINT));
        Map<Long, Map<String, Double>> expectedLog = loggedTerms(whole);
        assertEquals(STEPS / 10, expectedLog.size());
        for (Path dir : List.of(termed, killed)) {
            Map<String, float[]> got = RunLifecycleTest.checkpointArrays(dir.resolve(RunDirectory.CHECKPOINT));
            assertEquals(expected.keySet(), got.keySet());
            expected.forEach((name, values) -> assertArrayEquals(values, got.get(name), dir.getFileName() + ": " + name));
        }
        // SIGKILL: the resume starts at the last checkpoint, between lines; SIGTERM: at the stop step. Either way the
        // checkpoint kept the window since the last line, so every line is the uninterrupted run's
        assertEquals(expectedLog, loggedTerms(killed), "killed: logged losses");
        assertEquals(expectedLog, loggedTerms(termed), "termed: logged losses");
    }
}
