package org.disentangle4j.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.disentangle4j.io.UserInputException;
import org.disentangle4j.nn.Torch;
import org.disentangle4j.train.AfterTraining;
import org.disentangle4j.train.RunDirectory;
import org.disentangle4j.train.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lifecycle from a Java caller: a request in, an outcome out, the run directory as train leaves it. */
class RunLifecycleOutcomesTest {
    private static final AfterTraining NOTHING_AFTER = new AfterTraining(false, false, "mig", "2,2");

    private static TrainingConfig config(long steps) {
        return new TrainingConfig("beta-vae", "dsprites", null, steps, 4, 1e-4, 3, "bernoulli", 0, Map.of(), 1, 2);
    }

    private static RunOutcome run(RunRequest request, List<String> said) throws IOException {
        try (NDManager m = Torch.newManager()) {
            return RunLifecycle.run(request, m, new RunEvents() {
                @Override
                public void say(String line) {
                    said.add(line);
                }
            });
        }
    }

    @Test
    void aNewRunCompletesAResumeOfItDoesNothingAndMoreStepsTrainOn(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("run");
        List<String> said = new ArrayList<>();
        RunOutcome first = run(new RunRequest.Start(config(3), dir, NOTHING_AFTER), said);
        assertEquals(RunOutcome.Kind.COMPLETE, first.kind());
        assertEquals(3, first.steps());
        assertEquals(RunDirectory.State.COMPLETE, RunDirectory.open(dir).state());
        assertTrue(Files.exists(dir.resolve("report.html")));
        assertTrue(said.get(0).startsWith("training beta-vae on dsprites for 3 steps (batch 4"), said.toString());

        RunOutcome again = run(RunRequest.Resume.asStarted(dir), said);
        assertEquals(RunOutcome.Kind.ALREADY_COMPLETE, again.kind());
        assertTrue(said.get(said.size() - 1).contains("is complete (3 steps trained"), said.toString());

        RunOutcome more = run(new RunRequest.Resume(dir, 5L, org.disentangle4j.train.AfterTraining.Change.NONE), said);
        assertEquals(RunOutcome.Kind.COMPLETE, more.kind());
        assertEquals(5, more.steps());
        assertEquals(5, RunDirectory.open(dir).config().steps());

        // the numbers depend on the engine's thread count: a resume with another one is refused, nothing changed
        assertEquals(Integer.valueOf(Torch.threads()), RunDirectory.open(dir).config().engineThreads());
        RunDirectory.open(dir).updateConfig(RunDirectory.open(dir).config().withEngineThreads(Torch.threads() + 1));
        UserInputException threads = assertThrows(UserInputException.class, () -> run(new RunRequest.Resume(dir, 7L, org.disentangle4j.train.AfterTraining.Change.NONE), said));
        assertEquals(dir + " was trained with " + (Torch.threads() + 1) + " engine threads and this process has " + Torch.threads()
                + "; its numbers depend on the thread count: resume it with DISENTANGLE_THREADS=" + (Torch.threads() + 1), threads.getMessage());
        assertEquals(5, RunDirectory.open(dir).statusStep());
        RunDirectory.open(dir).updateConfig(RunDirectory.open(dir).config().withEngineThreads(Torch.threads()));

        UserInputException fewer = assertThrows(UserInputException.class, () -> run(new RunRequest.Resume(dir, 4L, org.disentangle4j.train.AfterTraining.Change.NONE), said));
        assertEquals("--steps 4 is fewer than the 5 steps " + dir + " has trained", fewer.getMessage());

        // scoring a complete run again records the step it scored; training further makes those scores stale in the report
        RunOutcome scored = run(new RunRequest.Score(dir, List.of("mig"), "10000,5000", 0), said);
        assertEquals(RunOutcome.Kind.COMPLETE, scored.kind());
        var metrics = com.google.gson.JsonParser.parseString(Files.readString(dir.resolve(RunDirectory.METRICS))).getAsJsonObject();
        assertEquals(5, metrics.getAsJsonObject("mig").get("checkpoint_step").getAsLong());
        assertTrue(Files.readString(dir.resolve("report.html")).contains(">5</td>"));
        run(new RunRequest.Resume(dir, 7L, org.disentangle4j.train.AfterTraining.Change.NONE), said);
        assertTrue(Files.readString(dir.resolve("report.html")).contains("5 (earlier than the run's 7 steps: score it again)"));
    }

    @Test
    void aBadMetricNameIsRefusedBeforeAnyDirectoryExists(@TempDir Path tmp) {
        Path dir = tmp.resolve("run");
        assertThrows(UserInputException.class,
                () -> run(new RunRequest.Start(config(2), dir, new AfterTraining(false, true, "no_such_metric", "2,2")), new ArrayList<>()));
        assertTrue(Files.notExists(dir));
    }
}
