package org.disentangle4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
    void unknownOption() {
        Outcome o = run("train", "--stepz", "3");
        assertEquals(2, o.exitCode());
        assertTrue(o.err().startsWith("error: Unknown options: '--stepz'"), o.err());
        assertEquals(1, o.err().lines().count(), o.err());
    }
}
