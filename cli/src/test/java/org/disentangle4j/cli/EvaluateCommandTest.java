package org.disentangle4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.disentangle4j.metrics.MetricSuite;
import org.disentangle4j.nn.Torch;
import org.disentangle4j.train.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EvaluateCommandTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {}

    private Run run(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** Two factors on a full grid (3 × 4 levels, 10 copies); codes = the factors. */
    private Path[] writeGrid() throws Exception {
        StringBuilder codes = new StringBuilder();
        StringBuilder factors = new StringBuilder();
        for (int c = 0; c < 10; c++) {
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 4; b++) {
                    codes.append(a).append(".0,").append(b).append(".0\n");
                    factors.append(a).append(',').append(b).append('\n');
                }
            }
        }
        Path codesFile = dir.resolve("codes.csv");
        Path factorsFile = dir.resolve("factors.csv");
        Files.writeString(codesFile, codes);
        Files.writeString(factorsFile, factors);
        return new Path[] {codesFile, factorsFile};
    }

    /** Runs a command with stdout and stderr into one writer, so that their order shows. */
    private static Run runInterleaved(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter both = new StringWriter();
        PrintWriter writer = new PrintWriter(both);
        cli.setOut(writer);
        cli.setErr(writer);
        int exit = cli.execute(args);
        writer.flush();
        return new Run(exit, both.toString(), both.toString());
    }

    @Test
    void defaultMetricsAreTrainsAndTheHelpStatesThem() {
        CommandLine evaluate = Main.commandLine();
        evaluate.parseArgs("evaluate", "some-run");
        CommandLine train = Main.commandLine();
        train.parseArgs("train");
        String evaluateDefault = ((EvaluateCommand) evaluate.getSubcommands().get("evaluate").getCommand()).metrics;
        String trainDefault = ((TrainCommand) train.getSubcommands().get("train").getCommand()).metrics;
        assertEquals(trainDefault, evaluateDefault);
        assertEquals(MetricSuite.DEFAULT_SELECTION, evaluateDefault);

        Run help = run("evaluate", "--help");
        assertEquals(0, help.exit(), help.err());
        String flat = help.out().replaceAll("\\s+", ""); // picocli wraps lines anywhere
        assertTrue(flat.contains("(default,astrain's:mig,sap,dci,modularity_explicitness,irs,unsupervised;"), help.out());
        assertTrue(flat.contains("Default:themetricstraincomputes,mig,sap,dci,modularity_explicitness,irs,unsupervised"), help.out());
    }

    @Test
    void namesTheMetricsItRunsOnStderrBeforeAnyScore() throws Exception {
        Path[] files = writeGrid();
        Run r = runInterleaved("evaluate", "--codes", files[0].toString(), "--factors", files[1].toString());
        assertEquals(0, r.exit(), r.out());
        List<String> lines = r.out().lines().toList();
        assertEquals("evaluating " + files[0] + ": mig, sap, dci, modularity_explicitness, irs, unsupervised"
                + " (the default; --metrics all adds beta_vae, factor_vae, lms, mean_tc, disintegration, m_fvm, spectral_independence, cdm)", lines.get(0));
        int table = lines.indexOf(lines.stream().filter(l -> l.startsWith("metric ")).findFirst().orElseThrow());
        assertTrue(table > 0, r.out());
        assertTrue(lines.stream().skip(table).anyMatch(l -> l.startsWith("unsupervised ")), r.out());
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("beta_vae") || l.startsWith("lms")), "only the default metrics: " + r.out());
    }

    @Test
    void drawsAProgressBarOnStderrAlsoWhenItIsNotATerminal() throws Exception {
        Path[] files = writeGrid();
        java.io.PrintStream saved = System.err;
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        Run r;
        try {
            System.setErr(new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8));
            r = run("evaluate", "--codes", files[0].toString(), "--factors", files[1].toString(), "--metrics", "sap,dci");
        } finally {
            System.setErr(saved);
        }
        assertEquals(0, r.exit(), r.err());
        // every drawing of a bar starts with a carriage return (lines() splits there too)
        List<String> bars = bytes.toString(java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        // two codes × two factors: 4 SVMs; 100 boosting stages × (3 + 4 classes) trees
        assertTrue(bars.stream().anyMatch(l -> l.startsWith("sap 100%") && l.contains(" 4/4 ")), bars.toString());
        assertTrue(bars.stream().anyMatch(l -> l.startsWith("dci 100%") && l.contains(" 700/700 ")), bars.toString());
    }

    @Test
    void namesTheMetricsBeforeScoringARun() {
        DivergingVae.register();
        Path runDir = dir.resolve("run");
        TrainingConfig config = new TrainingConfig(DivergingVae.NAME, "dsprites", null, 10, 8, 1e-3, 2, "bernoulli", 0, Map.of(), 10, 10);
        try (var manager = Torch.newManager()) {
            org.disentangle4j.train.Run.create(config, runDir, manager).close(); // untrained: scoring needs no training
        }
        Run r = runInterleaved("evaluate", runDir.toString(), "--metrics", "irs,factor_vae", "--votes", "2,2");
        assertEquals(0, r.exit(), r.out());
        List<String> lines = r.out().lines().toList();
        assertEquals("evaluating run " + runDir + ": factor_vae, irs (factor_vae with 2,2 votes)", lines.get(0));
        assertTrue(lines.get(1).startsWith("metric "), r.out());
        assertTrue(Files.exists(runDir.resolve("metrics.json")));
    }

    @Test
    void codesWithNonFiniteRowsAreOneLineWithTheBadRowCountAndExitCode2() throws Exception {
        Path[] files = writeGrid();
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(files[0]));
        lines.set(5, "nan,1.0");
        lines.set(17, "inf,-inf");
        lines.set(40, "2.0,NaN");
        Files.write(files[0], lines);
        Run r = run("evaluate", "--codes", files[0].toString(), "--factors", files[1].toString(), "--metrics", "mig,sap");
        assertEquals(2, r.exit(), r.err());
        assertEquals("error: " + files[0] + ": 3 of 120 rows have a non-finite code (NaN or infinity); codes must be finite numbers",
                r.err().strip());
        assertTrue(r.out().isEmpty(), r.out());
    }

    @Test
    void scoresArraysPrintsTheTableAndWritesJson() throws Exception {
        Path[] files = writeGrid();
        Path json = dir.resolve("out/result.json");
        Run r = run("evaluate", "--codes", files[0].toString(), "--factors", files[1].toString(), "--metrics", "mig,irs,beta_vae",
                "--out", json.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("discrete_mig"), r.out());
        assertTrue(r.out().contains("beta_vae") && r.out().contains("n/a: not applicable to arrays"), r.out());
        JsonObject o = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        assertEquals(List.of("mig", "irs"), List.copyOf(o.keySet()));
        assertEquals(1.0, o.getAsJsonObject("mig").get("discrete_mig").getAsDouble(), 1e-12);
        assertEquals(2, o.getAsJsonObject("irs").get("num_active_dims").getAsInt());
    }

    @Test
    void saysWhatItUsesWithoutTestArrays() throws Exception {
        Path[] files = writeGrid();
        Run r = run("evaluate", "--codes", files[0].toString(), "--factors", files[1].toString(), "--metrics", "sap");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("note: no test arrays: SAP, DCI and explicitness train on a random 80 of the 120 points"), r.out());
    }

    @Test
    void badInputIsOneLineAndExitCodeTwo() throws Exception {
        Path[] files = writeGrid();
        Path short_ = dir.resolve("short.csv");
        Files.writeString(short_, "0,0\n1,1\n");
        assertOneLineError(run("evaluate", "--codes", short_.toString(), "--factors", files[1].toString()), "has 2 rows but");
        assertOneLineError(run("evaluate", "--codes", files[0].toString(), "--factors", files[1].toString(), "--metrics", "mig,foo"),
                "unknown metric 'foo'");
        Path negative = dir.resolve("neg.csv");
        Files.writeString(negative, Files.readString(files[1]).replaceFirst("0,0", "0,-1"));
        assertOneLineError(run("evaluate", "--codes", files[0].toString(), "--factors", negative.toString()), "factors must be non-negative");
        assertOneLineError(run("evaluate", dir.toString()), "is not a run directory: it has no config.json");
        assertOneLineError(run("evaluate"), "give RUN_DIR, or both --codes and --factors");
    }

    private static void assertOneLineError(Run r, String part) {
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains(part), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }
}
