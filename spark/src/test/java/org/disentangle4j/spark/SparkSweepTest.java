package org.disentangle4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.disentangle4j.cli.Main;
import org.disentangle4j.experiment.SweepGrid;
import org.disentangle4j.experiment.SweepRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 4-run grid (tiny step counts) on Spark local[2] against the local sweep of the same grid: the
 * same results.csv and results.md, bit for bit (but for the images/s column, a speed); a task whose
 * run JVM is killed is retried by Spark and resumes; a job killed outright and submitted again
 * finishes with no run trained twice from step 0.
 */
class SparkSweepTest {
    private static final long STEPS = 60;
    private static final String GRID_JSON = "{\"dataset\": \"dsprites\", \"steps\": " + STEPS + ", \"batch-size\": 8, \"latent-dim\": 4, "
            + "\"checkpoint-every\": 10, \"log-every\": 10, \"seeds\": [0, 1], \"metrics\": [\"mig\"], "
            + "\"runs\": [{\"model\": \"beta-vae\", \"beta\": [1, 4]}]}";
    /** A speed, not a result: the one column that differs between two sweeps of the same grid. */
    private static final String SPEED = "images_per_s";
    private static final Pattern ONLY = Pattern.compile("--only (\\d+)");

    @TempDir
    static Path tmp;
    private static Path grid;
    private static Path local;
    private static List<SweepRun> runs;

    @BeforeAll
    static void localSweep() throws Exception {
        grid = Files.writeString(tmp.resolve("grid.json"), GRID_JSON);
        runs = SweepGrid.parse(GRID_JSON, "grid.json").runs();
        local = tmp.resolve("local");
        Process p = java(List.of(), Main.class.getName(), List.of("sweep", grid.toString(), "--out", local.toString(), "--parallel", "2"),
                tmp.resolve("local.out"));
        assertTrue(p.waitFor(10, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), Files.readString(tmp.resolve("local.out")));
        assertEquals(runs.size() + 1, Files.readAllLines(local.resolve("results.csv")).size());
    }

    @Test
    void aSparkSweepWritesTheLocalSweepsTablesAndATaskWhoseRunIsKilledResumes() throws Exception {
        Path out = tmp.resolve("spark");
        // the "executor lost" of local mode: one run's JVM (sweep --only) killed outright once its run has a checkpoint past step 0
        AtomicReference<long[]> killed = new AtomicReference<>(); // run index, its checkpoint step when killed
        List<ProcessHandle> orphans = new ArrayList<>();
        AtomicBoolean done = new AtomicBoolean();
        Thread killer = new Thread(() -> {
            while (killed.get() == null && !done.get()) {
                for (ProcessHandle h : ProcessHandle.current().descendants().toList()) {
                    Matcher m = ONLY.matcher(commandLine(h));
                    if (!m.find()) continue;
                    int index = Integer.parseInt(m.group(1));
                    JsonObject status = status(out.resolve(runs.get(index).name()));
                    if (status == null || !status.get("state").getAsString().equals("running")) continue;
                    long step = status.get("step").getAsLong();
                    if (step < 20 || step >= STEPS) continue;
                    orphans.addAll(h.descendants().toList());
                    h.destroyForcibly();
                    killed.set(new long[] {index, step});
                    return;
                }
                sleep(20);
            }
        });
        killer.start();
        // local[2,2]: two task slots, two attempts per task (local mode retries nothing unless asked)
        int exit = SparkSweepMain.run(new String[] {"sweep", grid.toString(), "--out", out.toString(), "--spark", "local[2,2]"});
        done.set(true);
        killer.join();
        assertEquals(0, exit);
        assertNotNull(killed.get(), "no run was caught between its first checkpoint and its end");
        for (ProcessHandle orphan : orphans) orphan.onExit().get(2, TimeUnit.MINUTES);
        SweepRun victim = runs.get((int) killed.get()[0]);
        // the killed JVM's training did not go on beside the retry: it stopped with a checkpoint when its parent died
        assertTrue(stoppedWithACheckpoint(out, victim), Files.readString(out.resolve("logs").resolve(victim.name() + ".log")));
        List<String> launches = launches(out, victim);
        assertEquals("start", launches.get(0), launches.toString());
        assertTrue(launches.subList(1, launches.size()).stream().allMatch("resume"::equals) && launches.size() >= 2,
                "the retried task resumes the killed run: " + launches);
        assertSameTables(local, out);
        assertNoRunTrainedTwiceFromScratch(out);
    }

    @Test
    void aJobKilledMidwayAndSubmittedAgainFinishesWithNoRunTrainedTwiceFromStepZero() throws Exception {
        Path out = tmp.resolve("resubmitted");
        List<String> job = List.of("sweep", grid.toString(), "--out", out.toString(), "--spark", "local[2]");
        Process first = java(opens(), SparkSweepMain.class.getName(), job, tmp.resolve("first.out"));
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        boolean midway = false;
        while (!midway && first.isAlive() && System.nanoTime() < deadline) {
            for (SweepRun run : runs) {
                JsonObject s = status(out.resolve(run.name()));
                if (s != null && s.get("state").getAsString().equals("running") && s.get("step").getAsLong() >= 20
                        && s.get("step").getAsLong() < STEPS) {
                    midway = true;
                }
            }
            if (!midway) sleep(20);
        }
        assertTrue(midway, "the job was not caught midway: " + Files.readString(tmp.resolve("first.out")));
        List<ProcessHandle> children = first.descendants().toList();
        first.destroyForcibly(); // the driver and its executor, at once
        assertTrue(first.waitFor(1, TimeUnit.MINUTES));
        for (ProcessHandle child : children) child.onExit().get(2, TimeUnit.MINUTES); // runs end (with a checkpoint) when their JVM's parent dies

        Map<String, Long> checkpointed = new LinkedHashMap<>();
        for (SweepRun run : runs) {
            JsonObject s = status(out.resolve(run.name()));
            if (s != null && !s.get("state").getAsString().equals("complete")) checkpointed.put(run.name(), s.get("step").getAsLong());
        }
        assertTrue(checkpointed.values().stream().anyMatch(step -> step > 0), "some run was stopped after a checkpoint: " + checkpointed);
        for (SweepRun run : runs) { // a run in training when its job died stopped there, with a checkpoint
            Long step = checkpointed.get(run.name());
            if (step != null && step > 0 && step < STEPS) assertTrue(stoppedWithACheckpoint(out, run), run.name());
        }

        Process second = java(opens(), SparkSweepMain.class.getName(), job, tmp.resolve("second.out"));
        assertTrue(second.waitFor(10, TimeUnit.MINUTES));
        String output = Files.readString(tmp.resolve("second.out"));
        assertEquals(0, second.exitValue(), output);
        checkpointed.forEach((name, step) -> {
            if (step == 0) return;
            Matcher m = Pattern.compile(Pattern.quote(name) + ": resuming from step (\\d+)").matcher(output);
            assertTrue(m.find(), name + " was not resumed: " + output);
            assertTrue(Long.parseLong(m.group(1)) >= step, name + " resumed from step " + m.group(1) + ", before its checkpoint " + step);
            assertTrue(!output.contains(name + ": training"), name + " was trained again from step 0");
        });
        assertNoRunTrainedTwiceFromScratch(out);
        assertSameTables(local, out);
    }

    /** Each run was started from step 0 once: its sweep log has one {@code start}; every later launch resumes. */
    private static void assertNoRunTrainedTwiceFromScratch(Path out) throws IOException {
        for (SweepRun run : runs) {
            List<String> launches = launches(out, run);
            assertEquals(1, launches.stream().filter("start"::equals).count(), run.name() + ": " + launches);
            assertEquals("start", launches.get(0), run.name() + ": " + launches);
        }
    }

    /** The run's training was stopped, not finished, by its first launch (train's own line on stopping). */
    private static boolean stoppedWithACheckpoint(Path out, SweepRun run) throws IOException {
        String log = Files.readString(out.resolve("logs").resolve(run.name() + ".log"));
        int second = log.indexOf("\n=== "); // the second launch's header (a progress bar has "=== " too, never after a newline)
        return (second < 0 ? log : log.substring(0, second)).contains("checkpoint written. Continue with: ./disentangle train --resume");
    }

    /** The requests that trained a run, in order, from the headers of its log ("=== TIME start DIR (disentangle run-request …)"). */
    private static List<String> launches(Path out, SweepRun run) throws IOException {
        List<String> launches = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("logs").resolve(run.name() + ".log"))) {
            String[] words = line.split(" ");
            if (line.startsWith("=== ") && words.length > 2 && (words[2].equals("start") || words[2].equals("resume"))) launches.add(words[2]);
        }
        return launches;
    }

    private static void assertSameTables(Path expected, Path actual) throws IOException {
        assertEquals(withoutColumn(Files.readAllLines(expected.resolve("results.csv")), ",", SPEED),
                withoutColumn(Files.readAllLines(actual.resolve("results.csv")), ",", SPEED), "results.csv");
        assertEquals(withoutColumn(Files.readAllLines(expected.resolve("results.md")), "|", SPEED),
                withoutColumn(Files.readAllLines(actual.resolve("results.md")), "|", SPEED), "results.md");
    }

    /** The lines with the named column dropped from every line that has as many cells as the header naming it. */
    private static List<String> withoutColumn(List<String> lines, String separator, String column) {
        String split = Pattern.quote(separator);
        int index = -1;
        int cells = 0;
        List<String> kept = new ArrayList<>();
        for (String line : lines) {
            List<String> parts = new ArrayList<>(Arrays.asList(line.split(split, -1)));
            if (index < 0 && parts.stream().map(String::trim).toList().contains(column)) {
                index = parts.stream().map(String::trim).toList().indexOf(column);
                cells = parts.size();
            }
            if (index >= 0 && parts.size() == cells) parts.remove(index);
            kept.add(String.join(separator, parts));
        }
        assertTrue(index >= 0, "no column " + column);
        return kept;
    }

    /** A process's whole command line (ProcessHandle.Info cuts it at 4 kB, shorter than this class path). */
    private static String commandLine(ProcessHandle h) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(h.pid()), "cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException | RuntimeException gone) {
            return "";
        }
    }

    private static JsonObject status(Path run) {
        try {
            Path file = run.resolve("status.json");
            return Files.isRegularFile(file) ? JsonParser.parseString(Files.readString(file)).getAsJsonObject() : null;
        } catch (IOException | RuntimeException halfWritten) {
            return null;
        }
    }

    private static List<String> opens() {
        String opens = System.getProperty("spark.opens", "");
        return opens.isBlank() ? List.of() : Arrays.asList(opens.trim().split("\\s+"));
    }

    /** A JVM on this test's class path running {@code main} with {@code args}, its output into {@code output}. */
    private static Process java(List<String> options, String main, List<String> args, Path output) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g"));
        command.addAll(options);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main));
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
