package org.disentangle4j.cli;

import org.disentangle4j.experiment.Launcher;
import org.disentangle4j.experiment.Sweep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.disentangle4j.run.RunOutcome;
import org.disentangle4j.run.RunRequest;
import org.disentangle4j.io.UserInputException;
import org.disentangle4j.train.RunDirectory;
import org.disentangle4j.experiment.SweepGrid;
import org.disentangle4j.experiment.SweepRun;
import org.disentangle4j.train.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The sweep's plan and bookkeeping, with a launcher that records commands instead of running them. */
class SweepTest {
    private static final SweepGrid GRID = SweepGrid.parse(
            "{\"steps\": 10, \"seeds\": [0, 1, 2], \"runs\": [{\"model\": \"beta-vae\", \"beta\": 2}]}", "grid.json");

    /** Records each request as a line ({@link #describe}); answers with {@code ended} (null: the run failed). */
    private static final class Recorder implements Launcher {
        final List<String> calls = Collections.synchronizedList(new ArrayList<>());
        final List<Integer> threads = Collections.synchronizedList(new ArrayList<>());
        final RunOutcome.Kind ended;

        Recorder(RunOutcome.Kind ended) {
            this.ended = ended;
        }

        @Override
        public Optional<RunOutcome.Kind> run(RunRequest request, Path log, int t) {
            calls.add(describe(request));
            threads.add(t);
            return Optional.ofNullable(ended);
        }
    }

    /** A request as one line: what, where, and what it is scored with. */
    private static String describe(RunRequest request) {
        if (request instanceof RunRequest.Start start) {
            TrainingConfig c = start.config();
            return "start " + start.dir() + " " + c.model() + " seed " + c.seed() + " steps " + c.steps() + " " + c.hyperParameters()
                    + " metrics " + start.after().metrics();
        }
        if (request instanceof RunRequest.Resume resume) return "resume " + resume.dir() + " metrics " + resume.finishing().metrics();
        RunRequest.Score score = (RunRequest.Score) request;
        return "score " + score.dir() + " metrics " + String.join(",", score.metrics()) + " votes " + score.votes() + " seed " + score.seed();
    }

    /** Writes a run directory as `train` would, in the given state. */
    private static Path existingRun(Path out, SweepRun run, RunDirectory.State state, long step, Map<String, Double> hyper) {
        TrainingConfig c = new TrainingConfig(run.model(), "dsprites", null, 10, 64, 1e-4, 10, "bernoulli", run.seed(), hyper, 50, 500);
        RunDirectory rd = RunDirectory.create(out.resolve(run.name()), c, Map.of());
        rd.writeStatus(state, step);
        return rd.path();
    }

    private static Sweep sweep(Path out, int parallel, Launcher launcher) {
        return new Sweep(GRID, out, parallel, launcher, new PrintStream(new ByteArrayOutputStream()));
    }

    @Test
    void skipsCompleteRunsResumesInterruptedOnesAndTrainsTheRest(@TempDir Path out) throws Exception {
        List<SweepRun> runs = GRID.runs();
        existingRun(out, runs.get(0), RunDirectory.State.COMPLETE, 10, Map.of("beta", 2.0));
        Path interrupted = existingRun(out, runs.get(1), RunDirectory.State.INTERRUPTED, 5, Map.of("beta", 2.0));
        Path fresh = out.resolve(runs.get(2).name());

        Recorder recorder = new Recorder(RunOutcome.Kind.COMPLETE);
        Sweep.Outcome outcome = sweep(out, 2, recorder).run();

        List<String> calls = new ArrayList<>(recorder.calls);
        java.util.Collections.sort(calls);
        // each run scores itself with the grid's metrics; the complete run here has no scores yet
        assertEquals(List.of(
                "resume " + interrupted + " metrics mig,factor_vae,dci",
                "score " + out.resolve(runs.get(0).name()) + " metrics mig,factor_vae,dci votes 10000,5000 seed 0",
                "start " + fresh + " beta-vae seed 2 steps 10 {beta=2.0} metrics mig,factor_vae,dci"), calls);
        int expectedThreads = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        assertEquals(List.of(expectedThreads, expectedThreads, expectedThreads), recorder.threads);
        // the recorder trains nothing, so only the complete run counts
        assertEquals(new Sweep.Outcome(1, 0, 0, 0, 3), outcome);
        assertEquals(4, Files.readAllLines(out.resolve("results.csv")).size()); // header + 3 runs
        assertTrue(Files.readString(out.resolve("results.md")).contains("| beta-vae | beta=2, steps=10 | 1 of 3 |"));
    }

    @Test
    void scoresOnlyCompleteRunsThatHaveNoMetricsYet(@TempDir Path out) throws Exception {
        List<SweepRun> runs = GRID.runs();
        Path done = existingRun(out, runs.get(0), RunDirectory.State.COMPLETE, 10, Map.of("beta", 2.0));
        Path scored = existingRun(out, runs.get(1), RunDirectory.State.COMPLETE, 10, Map.of("beta", 2.0));
        RunDirectory.open(scored).writeJson(RunDirectory.METRICS,
                JsonParser.parseString("{\"mig\": {\"score\": 0.1}, \"factor_vae\": {}, \"dci\": {}}"));

        Recorder recorder = new Recorder(RunOutcome.Kind.COMPLETE);
        sweep(out, 1, recorder).run();
        Path fresh = out.resolve(runs.get(2).name());
        assertTrue(recorder.calls.contains("score " + done + " metrics mig,factor_vae,dci votes 10000,5000 seed 0"), recorder.calls.toString());
        assertTrue(recorder.calls.stream().noneMatch(c -> c.contains(scored.toString())), "a scored run is not evaluated again");
        // the fresh run is trained, and scores itself
        assertEquals(2, recorder.calls.size(), recorder.calls.toString());
        assertTrue(recorder.calls.contains("start " + fresh + " beta-vae seed 2 steps 10 {beta=2.0} metrics mig,factor_vae,dci"),
                recorder.calls.toString());
    }

    @Test
    void aRunScoredWithOtherMetricsGetsTheMissingOnes(@TempDir Path out) throws Exception {
        // train's default metrics were written, not the grid's: only the grid's missing ones are computed
        Path partly = existingRun(out, GRID.runs().get(0), RunDirectory.State.COMPLETE, 10, Map.of("beta", 2.0));
        RunDirectory.open(partly).writeJson(RunDirectory.METRICS, JsonParser.parseString("{\"mig\": {\"score\": 0.1}, \"sap\": {}}"));
        Sweep sweep = sweep(out, 1, new Recorder(RunOutcome.Kind.COMPLETE));
        assertEquals(List.of("factor_vae", "dci"), sweep.missingMetrics(partly));
        Files.writeString(partly.resolve(RunDirectory.METRICS), "not json");
        assertEquals(List.of("mig", "factor_vae", "dci"), sweep.missingMetrics(partly));
    }

    @Test
    void failedAndInterruptedRunsAreCounted(@TempDir Path out) throws Exception {
        assertEquals(new Sweep.Outcome(0, 0, 3, 0, 3), sweep(out, 1, new Recorder(null)).run());
        assertEquals(new Sweep.Outcome(0, 0, 0, 3, 3), sweep(out, 1, new Recorder(RunOutcome.Kind.INTERRUPTED)).run());
    }

    @Test
    void aDirectoryHoldingAnotherRunIsAnError(@TempDir Path out) {
        existingRun(out, GRID.runs().get(0), RunDirectory.State.COMPLETE, 10, Map.of("beta", 4.0));
        UserInputException e = assertThrows(UserInputException.class, () -> sweep(out, 1, new Recorder(RunOutcome.Kind.COMPLETE)).plan());
        assertTrue(e.getMessage().contains("holds a different run (beta 4 instead of 2)"), e.getMessage());
    }

    @Test
    void aBadGridIsOneLineNamingTheFileAndKey(@TempDir Path tmp) throws IOException {
        Path grid = Files.writeString(tmp.resolve("grid.json"), "{\"runs\": [{\"model\": \"beta-vae\", \"beta\": \"x\"}]}");
        CommandLine cli = Main.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        int code = cli.execute("sweep", grid.toString(), "--out", tmp.resolve("out").toString());
        assertEquals(2, code);
        assertEquals("error: " + grid + ": runs[0].beta: expected a number or a list of them, got \"x\"", err.toString().trim());
        assertTrue(!Files.exists(tmp.resolve("out")));
    }

    @Test
    void onlyBringsOneRunToItsEndAndWritesNoTables(@TempDir Path out) throws Exception {
        List<SweepRun> runs = GRID.runs();
        Path interrupted = existingRun(out, runs.get(1), RunDirectory.State.INTERRUPTED, 5, Map.of("beta", 2.0));
        Recorder recorder = new Recorder(RunOutcome.Kind.COMPLETE);
        Sweep.Outcome outcome = sweep(out, 2, recorder).threadsPerRun(3).runOnly(1);
        assertEquals(List.of("resume " + interrupted + " metrics mig,factor_vae,dci"), recorder.calls);
        assertEquals(List.of(3), recorder.threads);
        assertEquals(new Sweep.Outcome(0, 0, 0, 0, 1), outcome); // the recorder trains nothing: still interrupted
        assertTrue(!Files.exists(out.resolve("results.csv")) && !Files.exists(out.resolve(runs.get(0).name())), "only run 1 is touched");

        Recorder failing = new Recorder(null);
        assertEquals(new Sweep.Outcome(0, 0, 1, 0, 1), sweep(out, 1, failing).runOnly(2));
        assertEquals(1, failing.calls.size());
        UserInputException e = assertThrows(UserInputException.class, () -> sweep(out, 1, new Recorder(RunOutcome.Kind.COMPLETE)).runOnly(3));
        assertEquals("--only must be between 0 and 2 (the grid's runs), got 3", e.getMessage());
    }

    @Test
    void tablesOnlyWritesTheResultsOfTheRunDirectoriesAsTheyAre(@TempDir Path out) throws Exception {
        existingRun(out, GRID.runs().get(0), RunDirectory.State.COMPLETE, 10, Map.of("beta", 2.0));
        Recorder recorder = new Recorder(RunOutcome.Kind.COMPLETE);
        assertEquals(new Sweep.Outcome(1, 0, 0, 0, 3), sweep(out, 1, recorder).writeTables());
        assertTrue(recorder.calls.isEmpty(), "nothing is trained or scored");
        List<String> csv = Files.readAllLines(out.resolve("results.csv"));
        assertEquals(4, csv.size());
        assertTrue(csv.get(1).contains(",complete,10,") && csv.get(2).contains(",missing,0,") && csv.get(3).contains(",missing,0,"), csv.toString());
    }

    @Test
    void sparkAndExclusiveModesAreOneLineOfBadInput(@TempDir Path tmp) throws IOException {
        Path grid = Files.writeString(tmp.resolve("grid.json"), "{\"runs\": [{\"model\": \"beta-vae\"}]}");
        for (List<String> extra : List.of(List.of("--spark", "local[2]"), List.of("--only", "0", "--tables-only"))) {
            CommandLine cli = Main.commandLine();
            StringWriter err = new StringWriter();
            cli.setErr(new PrintWriter(err));
            List<String> args = new ArrayList<>(List.of("sweep", grid.toString(), "--out", tmp.resolve("out").toString()));
            args.addAll(extra);
            assertEquals(2, cli.execute(args.toArray(String[]::new)), extra.toString());
            assertEquals(1, err.toString().trim().lines().count(), err.toString());
            assertTrue(err.toString().startsWith(extra.get(0).equals("--spark") ? "error: --spark runs the sweep on Apache Spark"
                    : "error: --only, --tables-only and --dry-run exclude one another"), err.toString());
            assertTrue(!Files.exists(tmp.resolve("out")));
        }
    }

    @Test
    void aResumedRunGetsTheEngineThreadsItWasTrainedWith(@TempDir Path out) throws Exception {
        SweepRun run = GRID.runs().get(0);
        TrainingConfig c = new TrainingConfig(run.model(), "dsprites", null, 10, 64, 1e-4, 10, "bernoulli", run.seed(), Map.of("beta", 2.0),
                50, 500, null, 7);
        RunDirectory.create(out.resolve(run.name()), c, Map.of()).writeStatus(RunDirectory.State.INTERRUPTED, 5);
        Recorder recorder = new Recorder(RunOutcome.Kind.COMPLETE);
        sweep(out, 1, recorder).run();
        int resumed = -1;
        for (int i = 0; i < recorder.calls.size(); i++) if (recorder.calls.get(i).startsWith("resume")) resumed = recorder.threads.get(i);
        assertEquals(7, resumed); // not the sweep's own share of the cores: the run's numbers depend on its thread count
    }
}
