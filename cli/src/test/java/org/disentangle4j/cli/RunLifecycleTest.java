package org.disentangle4j.cli;

import org.disentangle4j.report.RunFigures;
import org.disentangle4j.report.RunReport;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.disentangle4j.io.NpzFile;
import org.disentangle4j.train.RunDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.disentangle4j.cli.CommandRunner.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What happens to a run after it starts: a resumed run finishes as it was started, a complete run
 * is left alone, status.json and report.html say the same, a failed scoring leaves a complete run
 * with the failure noted, a crash is recorded as failed, and bad weights or a foreign output
 * directory are refused before anything is written.
 */
class RunLifecycleTest {
    private static final String[] TRAIN = {"--model", FaultyAutoencoder.NAME, "--dataset", "dsprites", "--batch-size", "8",
        "--latent-dim", "2", "--checkpoint-every", "5", "--log-every", "5"};

    @BeforeAll
    static void registerTheTestModel() {
        FaultyAutoencoder.register();
    }

    private static Outcome execute(List<String> args) {
        return CommandRunner.execute(args);
    }

    private static List<String> train(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("train"));
        args.addAll(List.of(TRAIN));
        args.addAll(List.of("--out", out.toString()));
        args.addAll(List.of(more));
        return args;
    }

    private static List<String> resume(Path dir, String... more) {
        List<String> args = new ArrayList<>(List.of("train", "--resume", dir.toString()));
        args.addAll(List.of(more));
        return args;
    }

    private static JsonObject status(Path dir) {
        return RunDirectory.open(dir).readJson(RunDirectory.STATUS);
    }

    /** Every file of a directory with its bytes. */
    private static Map<String, byte[]> snapshot(Path dir) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (var list = Files.list(dir)) {
            for (Path f : list.sorted().toList()) files.put(f.getFileName().toString(), Files.readAllBytes(f));
        }
        return files;
    }

    @Test
    void aResumedRunKeepsItsOwnNoEvaluateAndNoFigures(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("run");
        Outcome first = execute(train(dir, "--steps", "10", "--no-evaluate", "--no-figures"));
        assertEquals(0, first.exit(), first.err());
        Outcome more = execute(resume(dir, "--steps", "15"));
        assertEquals(0, more.exit(), more.err());
        assertEquals(15, status(dir).get("step").getAsLong());
        assertFalse(Files.exists(dir.resolve(RunDirectory.METRICS)), "the run was started with --no-evaluate: " + more.err());
        assertFalse(Files.exists(dir.resolve(RunFigures.RECONSTRUCTIONS)), "the run was started with --no-figures");
        assertFalse(more.err().contains("evaluating"), more.err());
    }

    @Test
    void finishingOptionsGivenAgainOnResumeReplaceTheSavedOnes(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("run");
        assertEquals(0, execute(train(dir, "--steps", "10", "--no-evaluate", "--no-figures")).exit());
        Outcome more = execute(resume(dir, "--steps", "15", "--metrics", "unsupervised"));
        assertEquals(0, more.exit(), more.err());
        String metrics = Files.readString(dir.resolve(RunDirectory.METRICS));
        assertTrue(metrics.contains("unsupervised"), metrics);
        assertFalse(Files.exists(dir.resolve(RunFigures.RECONSTRUCTIONS)), "--no-figures is still the run's own");
    }

    @Test
    void resumingACompleteRunSaysSoAndChangesNothing(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("run");
        assertEquals(0, execute(train(dir, "--steps", "10", "--no-evaluate", "--no-figures")).exit());
        Map<String, byte[]> before = snapshot(dir);
        Outcome again = execute(resume(dir));
        assertEquals(0, again.exit(), again.err());
        assertEquals(1, again.err().lines().count(), again.err());
        assertTrue(again.err().contains("is complete"), again.err());
        Map<String, byte[]> after = snapshot(dir);
        assertEquals(before.keySet(), after.keySet());
        before.forEach((name, bytes) -> assertArrayEquals(bytes, after.get(name), name + " changed"));
        // the same --steps again is not more steps
        assertEquals(0, execute(resume(dir, "--steps", "10")).exit());
        after.forEach((name, bytes) -> assertArrayEquals(bytes, after.get(name), name + " changed"));
    }

    @Test
    void resumeRefusesTrainingOptionsAndFewerStepsThanTrained(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("run");
        assertEquals(0, execute(train(dir, "--steps", "10", "--no-evaluate", "--no-figures")).exit());
        Outcome lr = execute(resume(dir, "--lr", "0.1", "--steps", "20"));
        assertEquals(2, lr.exit(), lr.err());
        assertTrue(lr.err().contains("drop --lr"), lr.err());
        Outcome fewer = execute(resume(dir, "--steps", "5"));
        assertEquals(2, fewer.exit(), fewer.err());
        assertTrue(fewer.err().contains("--steps 5 is fewer than the 10 steps"), fewer.err());
        assertEquals("complete", status(dir).get("state").getAsString());
    }

    @Test
    void statusAndReportSayCompleteForACompleteRun(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("run");
        assertEquals(0, execute(train(dir, "--steps", "10", "--no-evaluate", "--no-figures")).exit());
        assertEquals("complete", status(dir).get("state").getAsString());
        String report = Files.readString(dir.resolve(RunReport.FILE));
        assertTrue(report.contains("state: complete"), report);
        assertFalse(report.contains("state: running"), report);
    }

    @Test
    void aScoringFailureLeavesTheRunCompleteWithTheFailureNoted(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("run");
        Outcome o = execute(train(dir, "--steps", "10", "--no-figures", "--metrics", "unsupervised", "--nan-codes", "1"));
        assertEquals(TrainCommand.FINISHING_FAILED, o.exit(), o.err());
        JsonObject status = status(dir);
        assertEquals("complete", status.get("state").getAsString());
        assertEquals(10, status.get("step").getAsLong());
        assertTrue(status.get(RunDirectory.EVALUATION_ERROR).getAsString().contains("non-finite"), status.toString());
        String report = Files.readString(dir.resolve(RunReport.FILE));
        assertTrue(report.contains("state: complete") && report.contains("evaluation error"), report);
        assertFalse(o.err().contains("Exception"), o.err());
    }

    @Test
    void aCrashDuringTrainingIsRecordedAsFailedWithItsLastCheckpointStep(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("run");
        Outcome o = execute(train(dir, "--steps", "10", "--no-evaluate", "--no-figures", "--fail-step", "8"));
        assertTrue(o.exit() != 0 && o.exit() != 2, o.err());
        JsonObject status = status(dir);
        assertEquals("failed", status.get("state").getAsString(), status.toString());
        assertEquals(5, status.get("step").getAsLong(), "the last checkpoint");
        assertTrue(status.get(RunDirectory.ERROR).getAsString().contains("scripted failure in step 8"), status.toString());
    }

    @Test
    void evaluateRefusesACorruptStatusBeforeScoring(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("run");
        assertEquals(0, execute(train(dir, "--steps", "5", "--no-evaluate", "--no-figures")).exit());
        Files.writeString(dir.resolve(RunDirectory.STATUS), "{\"state\": ");
        Outcome o = execute(List.of("evaluate", dir.toString(), "--metrics", "unsupervised"));
        assertEquals(2, o.exit(), o.err());
        assertTrue(o.err().contains("status.json is not valid JSON"), o.err());
        assertFalse(Files.exists(dir.resolve(RunDirectory.METRICS)), "nothing scored");
    }

    @Test
    void negativeWeightsAreRefusedOneLineEachBeforeAnyDirectory(@TempDir Path tmp) {
        Path dir = tmp.resolve("run");
        Outcome beta = execute(List.of("train", "--model", "beta-vae", "--beta", "-1", "--out", dir.toString()));
        assertEquals(2, beta.exit(), beta.err());
        assertEquals("error: --beta must be ≥ 0, got -1", beta.err().strip());
        Outcome two = execute(List.of("train", "--model", "dip-vae-i", "--lambda-od", "-1", "--lambda-d", "-0.5", "--out", dir.toString()));
        assertEquals(2, two.exit(), two.err());
        assertTrue(two.err().contains("--lambda-od must be ≥ 0, got -1") && two.err().contains("--lambda-d must be ≥ 0, got -0.5"),
                two.err());
        assertEquals(2, two.err().strip().lines().count(), two.err());
        Outcome tc = execute(List.of("train", "--model", "beta-tcvae", "--beta", "0.5", "--out", dir.toString()));
        assertEquals(2, tc.exit(), tc.err());
        assertTrue(tc.err().contains("--beta must be ≥ 1, got 0.5"), tc.err());
        assertFalse(Files.exists(dir));
    }

    @Test
    void anOutputDirectoryThatHoldsOtherFilesIsRefusedAndLeftAlone(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("papers"));
        Files.writeString(dir.resolve("notes.txt"), "mine");
        Outcome o = execute(train(dir, "--steps", "10"));
        assertEquals(2, o.exit(), o.err());
        assertTrue(o.err().contains("is not empty and holds no run"), o.err());
        assertEquals(List.of("notes.txt"), Files.list(dir).map(p -> p.getFileName().toString()).toList());
    }

    /** Parameters and optimiser state of a checkpoint, array by array. */
    static Map<String, float[]> checkpointArrays(Path file) {
        Map<String, float[]> arrays = new LinkedHashMap<>();
        try (NpzFile npz = NpzFile.open(file)) {
            for (String name : npz.names()) arrays.put(name, npz.read(name).toFloatArray());
        }
        return arrays;
    }
}
