package org.disentangle4j.cli;

import org.disentangle4j.report.RunFigures;
import org.disentangle4j.experiment.InThisJvm;
import org.disentangle4j.experiment.Launcher;
import org.disentangle4j.run.RunRequest;
import org.disentangle4j.experiment.Sweep;
import org.disentangle4j.report.RunReport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.disentangle4j.io.NpzFile;
import org.disentangle4j.train.RunDirectory;
import org.disentangle4j.experiment.SweepGrid;
import org.junit.jupiter.api.BeforeAll;
import org.disentangle4j.cli.CommandRunner.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that diverges, end to end through the commands: {@code train} exits with 3 after one line
 * naming the step and the term, keeps the last finite checkpoint and still writes figures and
 * report.html; a sweep records the run as diverged, goes on, and does not retrain it on a rerun.
 * The model ({@link DivergingVae}) has no convolution and turns NaN at a scripted step.
 */
class DivergedRunTest {
    private static final String[] TRAIN = {"--model", DivergingVae.NAME, "--dataset", "dsprites", "--steps", "20", "--batch-size", "8",
        "--latent-dim", "2", "--checkpoint-every", "5", "--log-every", "5"};

    @BeforeAll
    static void registerTheTestModel() {
        DivergingVae.register();
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

    @Test
    void trainStopsWithExitCode3AndStillWritesFiguresFromTheLastFiniteCheckpoint(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("run");
        Outcome o = execute(train(dir));

        assertEquals(TrainCommand.DIVERGED, o.exit(), o.err());
        String line = "diverged at step 7: loss term 'kl' is NaN; keeping the checkpoint of step 5";
        assertEquals(1, o.err().lines().filter(l -> l.contains("diverged at step")).count(), o.err());
        assertTrue(o.err().lines().anyMatch(l -> l.strip().equals(line)), o.err());
        assertFalse(o.err().contains("Exception"), o.err());

        JsonObject status = RunDirectory.open(dir).readJson(RunDirectory.STATUS);
        assertEquals("diverged", status.get("state").getAsString());
        assertEquals(7, status.get("step").getAsLong());
        try (NpzFile checkpoint = NpzFile.open(dir.resolve(RunDirectory.CHECKPOINT))) {
            assertEquals(5, checkpoint.read("step").toLongArray()[0]);
            for (String name : List.of("param/encoder/weight", "param/decoder/weight")) {
                for (float v : checkpoint.read(name).toFloatArray()) assertTrue(Float.isFinite(v), name + " holds " + v);
            }
        }
        for (String figure : List.of(RunFigures.RECONSTRUCTIONS, RunFigures.SAMPLES, RunFigures.TRAVERSALS, RunFigures.EXTRAPOLATION, RunFigures.LOSS, RunReport.FILE)) {
            assertTrue(Files.size(dir.resolve(figure)) > 0, figure + " missing");
        }
        assertFalse(Files.exists(dir.resolve(RunDirectory.METRICS)), "a diverged run is not scored");
        assertTrue(Files.readString(dir.resolve(RunReport.FILE)).contains(line), "report.html names the divergence");
    }

    @Test
    void aSweepRecordsTheRunAsDivergedGoesOnAndDoesNotRetrainIt(@TempDir Path tmp) throws Exception {
        SweepGrid grid = SweepGrid.parse("{\"dataset\": \"dsprites\", \"steps\": 20, \"batch-size\": 8, \"latent-dim\": 2,"
                + " \"checkpoint-every\": 5, \"metrics\": [\"mig\"], \"runs\": [{\"model\": \"" + DivergingVae.NAME + "\"}]}", "grid.json");
        Path out = tmp.resolve("sweep");
        List<RunRequest> calls = new ArrayList<>();
        Launcher inThisJvm = new InThisJvm();
        Launcher inProcess = (request, log, threads) -> {
            calls.add(request);
            return inThisJvm.run(request, log, threads);
        };
        Sweep.Outcome first = new Sweep(grid, out, 1, inProcess, new PrintStream(new ByteArrayOutputStream())).run();
        assertEquals(new Sweep.Outcome(0, 1, 0, 0, 1), first);
        assertEquals(1, calls.size(), "one start, no scoring of a diverged run: " + calls);
        List<String> csv = Files.readAllLines(out.resolve("results.csv"));
        List<String> header = List.of(csv.get(0).split(","));
        assertEquals("diverged", csv.get(1).split(",")[header.indexOf("state")], csv.toString());
        assertTrue(Files.readString(out.resolve("results.md")).contains("| 0 of 1 (1 diverged) |"), Files.readString(out.resolve("results.md")));

        // the rerun keeps it: nothing is launched, the sweep still succeeds
        Sweep again = new Sweep(grid, out, 1, inProcess, new PrintStream(new ByteArrayOutputStream()));
        assertEquals(Sweep.Action.KEEP_DIVERGED, again.plan().get(0).action());
        assertEquals(0, again.runToExitCode());
        assertEquals(1, calls.size(), calls.toString());
    }
}
