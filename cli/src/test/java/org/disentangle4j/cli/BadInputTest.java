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

    @Test
    void unknownOption() {
        Outcome o = run("train", "--stepz", "3");
        assertEquals(2, o.exitCode());
        assertTrue(o.err().startsWith("error: Unknown options: '--stepz'"), o.err());
        assertEquals(1, o.err().lines().count(), o.err());
    }
}
