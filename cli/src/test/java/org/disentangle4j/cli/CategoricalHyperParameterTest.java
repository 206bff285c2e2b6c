package org.disentangle4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.disentangle4j.cli.CommandRunner.Outcome;
import org.disentangle4j.experiment.SweepGrid;
import org.disentangle4j.experiment.SweepRun;
import org.disentangle4j.io.UserInputException;
import org.disentangle4j.train.RunDirectory;
import org.disentangle4j.train.TrainingConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A categorical hyper-parameter through the command line: --help and {@code models} name its
 * choices, train takes a name and config.json carries its index, a wrong name is one line and
 * exit 2 with nothing written, resume refuses it, and a sweep grid takes names.
 */
class CategoricalHyperParameterTest {
    private static final List<String> TRAIN = List.of("train", "--model", ChoiceTestAutoencoder.NAME, "--dataset", "dsprites",
            "--batch-size", "8", "--latent-dim", "2", "--steps", "2", "--no-evaluate", "--no-figures");

    @BeforeAll
    static void registerTheTestModel() {
        ChoiceTestAutoencoder.register();
    }

    private static List<String> train(Path out, String... more) {
        List<String> args = new java.util.ArrayList<>(TRAIN);
        args.addAll(List.of("--out", out.toString()));
        args.addAll(List.of(more));
        return args;
    }

    @Test
    void helpAndModelsNameTheChoices() {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));
        assertEquals(0, cli.execute("train", "--help"));
        String help = out.toString().replaceAll("\\s+", " ");
        assertTrue(help.contains("--loss=NAME"), help);
        assertTrue(help.contains("(one of squared, absolute) (choice-test default squared)"), help);
        assertTrue(help.contains("--beta=X"), help);

        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            assertEquals(0, Main.commandLine().execute("models"));
        } finally {
            System.setOut(saved);
        }
        assertTrue(bytes.toString(StandardCharsets.UTF_8).matches("(?s).*--loss +default squared .*one of squared, absolute.*"));
    }

    @Test
    void trainTakesANameAndConfigCarriesItsIndex(@TempDir Path tmp) {
        Path dir = tmp.resolve("run");
        Outcome run = CommandRunner.execute(train(dir, "--loss", "absolute"));
        assertEquals(0, run.exit(), run.err());
        TrainingConfig config = RunDirectory.open(dir).config();
        assertEquals(1.0, config.hyperParameters().get("loss"));
        Path defaults = tmp.resolve("defaults");
        assertEquals(0, CommandRunner.execute(train(defaults)).exit());
        assertEquals(0.0, RunDirectory.open(defaults).config().hyperParameters().get("loss"));

        Outcome resumed = CommandRunner.execute(List.of("train", "--resume", dir.toString(), "--steps", "3", "--loss", "squared"));
        assertEquals(2, resumed.exit(), resumed.err());
        assertTrue(resumed.err().contains("drop the hyper-parameter options"), resumed.err());
    }

    @Test
    void aWrongNameIsOneLineAndNothingIsWritten(@TempDir Path tmp) {
        Path dir = tmp.resolve("run");
        Outcome bad = CommandRunner.execute(train(dir, "--loss", "cubic"));
        assertEquals(2, bad.exit(), bad.err());
        assertEquals("error: --loss must be one of squared, absolute, got 'cubic'", bad.err().strip().lines().reduce((a, b) -> b).orElse(""));
        assertFalse(Files.exists(dir));
    }

    @Test
    void aSweepGridTakesNamesAndRefusesOthers() {
        SweepGrid grid = SweepGrid.parse("{\"runs\": [{\"model\": \"choice-test\", \"loss\": [\"squared\", \"absolute\"]}]}", "g.json");
        List<String> names = grid.runs().stream().map(SweepRun::name).toList();
        assertEquals(List.of("choice-test_loss=squared_seed=0", "choice-test_loss=absolute_seed=0"), names);
        assertEquals(1.0, grid.runs().get(1).hyperParameters().get("loss"));
        assertEquals(1.0, grid.runs().get(1).request(Path.of("o"), grid.after()).config().hyperParameters().get("loss"));
        UserInputException e = org.junit.jupiter.api.Assertions.assertThrows(UserInputException.class,
                () -> SweepGrid.parse("{\"runs\": [{\"model\": \"choice-test\", \"loss\": [\"cubic\"]}]}", "g.json"));
        assertEquals("g.json: runs[0].loss: --loss must be one of squared, absolute, got 'cubic'", e.getMessage());
        UserInputException number = org.junit.jupiter.api.Assertions.assertThrows(UserInputException.class,
                () -> SweepGrid.parse("{\"runs\": [{\"model\": \"choice-test\", \"loss\": 1}]}", "g.json"));
        assertTrue(number.getMessage().contains("expected a string"), number.getMessage());
    }
}
