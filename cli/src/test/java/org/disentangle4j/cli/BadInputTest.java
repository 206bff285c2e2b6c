package org.disentangle4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.disentangle4j.nn.Torch;
import org.disentangle4j.train.Run;
import org.disentangle4j.train.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Bad input gives one line on stderr, exit code 2, and no run directory. */
class BadInputTest {

    private record Outcome(int exitCode, String err) {}

    private static Outcome run(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        cli.setOut(new PrintWriter(new StringWriter()));
        int code = cli.execute(args);
        return new Outcome(code, err.toString().trim());
    }

    private static void assertOneLineError(Outcome o, String expectedFragment) {
        assertEquals(2, o.exitCode(), o.err());
        assertEquals(1, o.err().lines().count(), "one line, got: " + o.err());
        assertTrue(o.err().startsWith("error: "), o.err());
        assertTrue(o.err().contains(expectedFragment), "'" + o.err() + "' should mention '" + expectedFragment + "'");
    }

    @Test
    void unknownModel(@TempDir Path tmp) {
        Path out = tmp.resolve("run");
        assertOneLineError(run("train", "--model", "gan", "--out", out.toString()), "unknown model 'gan'; expected one of: vae, beta-vae, annealed-vae, factor-vae, dip-vae-i, dip-vae-ii, beta-tcvae");
        assertFalse(Files.exists(out));
    }

    @Test
    void unknownDataset(@TempDir Path tmp) {
        Path out = tmp.resolve("run");
        assertOneLineError(run("train", "--dataset", "mnist", "--out", out.toString()), "unknown dataset 'mnist'");
        assertFalse(Files.exists(out));
    }

    @Test
    void malformedVotes(@TempDir Path tmp) {
        Path out = tmp.resolve("run");
        assertOneLineError(run("train", "--votes", "1000", "--out", out.toString()), "--votes: expected TRAIN,EVAL");
        assertFalse(Files.exists(out));
    }

    @Test
    void nonPositiveStepCount(@TempDir Path tmp) {
        Path out = tmp.resolve("run");
        assertOneLineError(run("train", "--steps", "0", "--out", out.toString()), "--steps must be a positive number");
        assertFalse(Files.exists(out));
    }

    @Test
    void missingDataFile(@TempDir Path tmp) {
        Path out = tmp.resolve("run");
        Path missing = tmp.resolve("nowhere.npz");
        assertOneLineError(run("train", "--data-file", missing.toString(), "--out", out.toString()), missing.toString());
        assertFalse(Files.exists(out));
    }

    @Test
    void corruptDataFile(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("run");
        Path corrupt = Files.writeString(tmp.resolve("dsprites.npz"), "this is not a zip archive");
        assertOneLineError(run("train", "--data-file", corrupt.toString(), "--out", out.toString()), corrupt.toString());
        assertFalse(Files.exists(out));
    }

    @Test
    void unwritableOutputDirectory(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        assertOneLineError(run("train", "--steps", "1", "--out", file.resolve("run").toString()), "cannot create output directory");
    }

    @Test
    void jhdfWarningsDoNotReachTheUser(@TempDir Path tmp) throws IOException {
        // in the one-jar build jHDF finds no manifest and warned "Using development version of jHDF" on every HDF5 file
        org.slf4j.Logger jhdf = org.slf4j.LoggerFactory.getLogger(io.jhdf.HdfFile.class);
        assertFalse(jhdf.isWarnEnabled(), "jHDF's warnings are logged");
        assertTrue(jhdf.isErrorEnabled());
        Path text = Files.writeString(tmp.resolve("3dshapes.h5"), "not HDF5");
        Outcome o = runCapturingSystemErr("datasets", "show", "shapes3d", "--data-file", text.toString(), "--out", tmp.resolve("x.png").toString());
        assertOneLineError(o, text + ": not a readable HDF5 file");
    }

    /** As {@link #run}, with what the process writes to System.err (loggers, bars) in the error text too. */
    private static Outcome runCapturingSystemErr(String... args) {
        java.io.PrintStream saved = System.err;
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        Outcome o;
        try {
            System.setErr(new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8));
            o = run(args);
        } finally {
            System.setErr(saved);
        }
        return new Outcome(o.exitCode(), (bytes.toString(java.nio.charset.StandardCharsets.UTF_8) + o.err()).trim());
    }

    /** One line that names the problem, and no Java exception class name anywhere. */
    private static void assertCleanError(Outcome o, String expectedFragment) {
        assertOneLineError(o, expectedFragment);
        assertFalse(o.err().matches("(?s).*[A-Za-z]+(Exception|Error)\\b.*"), "an exception's class name leaked: " + o.err());
    }

    @Test
    void anOutputPictureThatIsADirectory(@TempDir Path tmp) throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("picture.png"));
        assertCleanError(run("datasets", "show", "dsprites", "--out", dir.toString()), "cannot write " + dir + ": is a directory");
    }

    @Test
    void anOutputPictureUnderAFile(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("notes.txt"), "x");
        Path png = file.resolve("x.png");
        assertCleanError(run("datasets", "show", "dsprites", "--out", png.toString()),
                "cannot write " + png + ": " + file + ": is a file, not a directory");
    }

    @Test
    void aTraversalOverADirectory(@TempDir Path tmp) throws IOException {
        Path runDir = tmp.resolve("run");
        TrainingConfig config = new TrainingConfig("vae", "dsprites", null, 10, 8, 1e-3, 2, "bernoulli", 0, Map.of(), 10, 10);
        try (var manager = Torch.newManager()) {
            Run.create(config, runDir, manager).close();
        }
        Path dir = Files.createDirectory(tmp.resolve("t.png"));
        assertCleanError(run("traverse", runDir.toString(), "--out", dir.toString()), "cannot write " + dir + ": is a directory");
    }

    @Test
    void evaluateScoresToAFileUnderAFile(@TempDir Path tmp) throws IOException {
        Path codes = Files.writeString(tmp.resolve("codes.csv"), "0,1\n1,0\n0,0\n1,1\n");
        Path factors = Files.writeString(tmp.resolve("factors.csv"), "0\n1\n0\n1\n");
        Path file = Files.writeString(tmp.resolve("notes.txt"), "x");
        Path json = file.resolve("r.json");
        assertCleanError(run("evaluate", "--codes", codes.toString(), "--factors", factors.toString(), "--metrics", "mig", "--out", json.toString()),
                "cannot write " + json + ": " + file + ": is a file, not a directory");
    }

    @Test
    void aDataFileThatIsADirectory(@TempDir Path tmp) throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("dsprites.npz"));
        assertCleanError(run("datasets", "show", "dsprites", "--data-file", dir.toString(), "--out", tmp.resolve("x.png").toString()),
                dir + ": is a directory; expected a file");
        Path h5 = Files.createDirectory(tmp.resolve("3dshapes.h5"));
        assertCleanError(run("train", "--dataset", "shapes3d", "--data-file", h5.toString(), "--out", tmp.resolve("run").toString()),
                h5 + ": is a directory; expected a file");
        assertFalse(Files.exists(tmp.resolve("run")));
    }

    @Test
    void aSweepGridThatIsMissingOrADirectory(@TempDir Path tmp) throws IOException {
        Path missing = tmp.resolve("grid.json");
        assertCleanError(run("sweep", missing.toString(), "--out", tmp.resolve("s").toString()),
                "cannot read sweep grid " + missing + ": no such file or directory");
        Path dir = Files.createDirectory(tmp.resolve("grid-dir.json"));
        assertCleanError(run("sweep", dir.toString(), "--out", tmp.resolve("s").toString()), "cannot read sweep grid " + dir + ": is a directory");
    }

    @Test
    void aSweepIntoAFile(@TempDir Path tmp) throws IOException {
        Path grid = Files.writeString(tmp.resolve("grid.json"), "{\"dataset\": \"dsprites\", \"steps\": 1, \"runs\": [{\"model\": \"vae\"}]}");
        Path file = Files.writeString(tmp.resolve("notes.txt"), "x");
        assertCleanError(run("sweep", grid.toString(), "--out", file.toString()), "cannot create sweep directory " + file + ": is a file, not a directory");
    }

    @Test
    void aFileSystemFailureNoCommandExpectedIsOneLineWithoutTheExceptionsName() throws Exception {
        CommandLine cli = Main.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        // what an atomic write onto a directory throws, wrapped as a stream would wrap it
        Exception e = new java.io.UncheckedIOException(new java.nio.file.FileSystemException("/out/.x.png.1f.tmp", "/out/x.png", "Is a directory"));
        assertEquals(2, new UserErrorHandler().handleExecutionException(e, cli, null));
        assertEquals("error: /out/x.png: is a directory", err.toString().strip());
    }

    /** Every command that groups others, found in the command tree: the root ([]), datasets, experiment, theory, and any added later. */
    private static void groups(CommandLine cmd, List<String> path, List<List<String>> out) {
        if (!cmd.getSubcommands().isEmpty()) out.add(path);
        cmd.getSubcommands().forEach((name, sub) -> {
            List<String> next = new ArrayList<>(path);
            next.add(name);
            if (sub.getCommandSpec().name().equals(name)) groups(sub, next, out); // not its aliases again
        });
    }

    @Test
    void everyCommandGroupWithoutASubcommandPrintsItsUsageOnStderrAndExits2() {
        List<List<String>> groups = new ArrayList<>();
        groups(Main.commandLine(), List.of(), groups);
        assertEquals(List.of(List.of(), List.of("datasets"), List.of("experiment"), List.of("theory")), groups);
        for (List<String> group : groups) {
            CommandLine cli = Main.commandLine();
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            cli.setOut(new PrintWriter(out));
            cli.setErr(new PrintWriter(err));
            int code = cli.execute(group.toArray(String[]::new));
            String name = String.join(" ", java.util.stream.Stream.concat(java.util.stream.Stream.of("disentangle"), group.stream()).toList());
            assertEquals(2, code, name + ": " + err);
            assertEquals("", out.toString(), name + " wrote to stdout");
            List<String> lines = err.toString().lines().toList();
            assertTrue(lines.get(0).startsWith("error: '" + name + "' needs a subcommand: "), err.toString());
            assertTrue(lines.get(1).startsWith("Usage: " + name + " "), err.toString());
        }
        assertTrue(run("datasets").err().startsWith("error: 'disentangle datasets' needs a subcommand: list, show"));
    }

    @Test
    void unknownOption() {
        Outcome o = run("train", "--stepz", "3");
        assertEquals(2, o.exitCode());
        assertTrue(o.err().startsWith("error: Unknown options: '--stepz'"), o.err());
        assertEquals(1, o.err().lines().count(), o.err());
    }
}
