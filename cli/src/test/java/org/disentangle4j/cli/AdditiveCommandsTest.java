package org.disentangle4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.disentangle4j.train.RunDirectory;
import org.disentangle4j.train.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** train's --blocks and method defaults for the autoencoders, and the experiment command's options. */
class AdditiveCommandsTest {

    private record Outcome(int exitCode, String out, String err) {}

    private static Outcome run(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Outcome(code, out.toString(), err.toString().trim());
    }

    private static void assertOneLineError(Outcome o, String fragment) {
        assertEquals(2, o.exitCode(), o.err());
        assertEquals(1, o.err().lines().count(), o.err());
        assertTrue(o.err().contains(fragment), o.err());
    }

    @Test
    void badBlocksAreOneLineAndLeaveNoRun(@TempDir Path tmp) {
        Path out = tmp.resolve("run");
        String o = out.toString();
        assertOneLineError(run("train", "--model", "additive-ae", "--dataset", "balls-scalar", "--blocks", "1,2", "--out", o),
                "blocks of different sizes are not supported");
        assertOneLineError(run("train", "--model", "additive-ae", "--blocks", "a,b", "--out", o), "expected block sizes separated by commas");
        assertOneLineError(run("train", "--model", "additive-ae", "--blocks", "0,0", "--out", o), "block sizes must be positive");
        assertOneLineError(run("train", "--model", "ae", "--blocks", "2,2", "--latent-dim", "3", "--out", o),
                "--blocks 2,2 makes a latent size of 4, but --latent-dim is 3");
        assertOneLineError(run("train", "--model", "additive-ae", "--blocks", "2,2", "--block-size", "1", "--out", o),
                "--blocks 2,2 has blocks of 2, but --block-size is 1");
        assertFalse(Files.exists(out));
    }

    @Test
    void autoencodersTakeTheDatasetsBlocksAndTheirLearningRate(@TempDir Path tmp) {
        // no --blocks, --latent-dim or --lr: balls-block-independent's 2,2 and the method's lr 0.001
        Path additive = tmp.resolve("additive");
        Outcome a = run("train", "--model", "additive-ae", "--dataset", "balls-block-independent", "--steps", "1", "--batch-size", "2",
                "--no-figures", "--no-evaluate", "--out", additive.toString());
        assertEquals(0, a.exitCode(), a.err());
        TrainingConfig c = RunDirectory.open(additive).config();
        assertEquals(4, c.latentDim());
        assertEquals(2.0, c.hyperParameters().get("block-size"));
        assertEquals(1e-3, c.learningRate());
        // explicit flags win; --blocks on the non-additive model sets its latent size only
        Path plain = tmp.resolve("plain");
        Outcome p = run("train", "--model", "ae", "--dataset", "balls-block-independent", "--blocks", "1,1", "--lr", "0.01", "--steps", "1",
                "--batch-size", "2", "--no-figures", "--no-evaluate", "--out", plain.toString());
        assertEquals(0, p.exitCode(), p.err());
        TrainingConfig pc = RunDirectory.open(plain).config();
        assertEquals(2, pc.latentDim());
        assertFalse(pc.hyperParameters().containsKey("block-size"));
        assertEquals(0.01, pc.learningRate());
        assertOneLineError(run("train", "--resume", plain.toString(), "--blocks", "2,2"), "drop --blocks");
    }

    @Test
    void theExperimentListsItsRunsAndExplainsItself(@TempDir Path tmp) {
        Outcome dry = run("experiment", "additive", "--seeds", "2", "--steps", "20", "--out", tmp.toString(), "--dry-run");
        assertEquals(0, dry.exitCode(), dry.err());
        // 2 datasets × (additive-ae, ae, beta-vae, ae untrained) × 2 seeds, none trained yet
        assertEquals(16, dry.out().lines().filter(l -> l.startsWith("train ")).count(), dry.out());
        assertTrue(dry.out().contains("additive-ae_batch-size=64_block-size=1_dataset=balls-scalar_latent-dim=2_lr=0.001"
                + "_recon-loss=reference_steps=20_training-set=20000_validate-every=25_seed=1"), dry.out());
        Outcome help = run("experiment", "additive", "--help");
        for (String flag : new String[] {"--seeds", "--steps", "--datasets", "--out", "--parallel", "LMS-Spearman", "LMS-tree", "results.md",
                "ResNet-18", "images/s"}) {
            assertTrue(help.out().contains(flag), flag + " in\n" + help.out());
        }
        assertTrue(help.out().lines().allMatch(l -> l.length() <= 80), help.out());
        assertOneLineError(run("experiment", "additive", "--datasets", "dsprites", "--out", tmp.toString()),
                "'dsprites' is not one of the experiment's datasets");
        assertOneLineError(run("experiment", "additive", "--seeds", "0", "--out", tmp.toString()), "--seeds must be at least 1");
        // as every command group without its subcommand: the missing name, then the usage, on stderr (BadInputTest checks all groups)
        Outcome none = run("experiment");
        assertEquals(2, none.exitCode(), none.err());
        assertTrue(none.err().startsWith("error: 'disentangle experiment' needs a subcommand: additive, mean-tc, cfasl, im-toy, im-extrapolation, cdg\nUsage: disentangle experiment"), none.err());
    }
}
