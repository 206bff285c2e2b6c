package org.disentangle4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.disentangle4j.cli.CommandRunner.Outcome;
import org.disentangle4j.train.RunDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --model cfasl}: its per-dataset latent size, its base by name, one-line errors. */
class CfaslTrainCommandTest {

    private static Outcome train(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("train", "--model", "cfasl", "--batch-size", "4", "--steps", "1",
                "--no-evaluate", "--no-figures", "--out", out.toString()));
        args.addAll(List.of(more));
        return CommandRunner.execute(args);
    }

    @Test
    void latentSixOnShapes3dTenElsewhereAndTheGivenOneWins(@TempDir Path tmp) {
        Outcome shapes = train(tmp.resolve("shapes"), "--dataset", "shapes3d", "--base", "beta-tcvae", "--beta", "6");
        assertEquals(0, shapes.exit(), shapes.err());
        assertEquals(6, RunDirectory.open(tmp.resolve("shapes")).config().latentDim());
        assertEquals(2.0, RunDirectory.open(tmp.resolve("shapes")).config().hyperParameters().get("base"));
        Outcome given = train(tmp.resolve("given"), "--dataset", "shapes3d", "--latent-dim", "3");
        assertEquals(0, given.exit(), given.err());
        assertEquals(3, RunDirectory.open(tmp.resolve("given")).config().latentDim());
        Outcome sprites = train(tmp.resolve("sprites"), "--dataset", "dsprites");
        assertEquals(0, sprites.exit(), sprites.err());
        assertEquals(10, RunDirectory.open(tmp.resolve("sprites")).config().latentDim());
        assertTrue(RunDirectory.open(tmp.resolve("sprites")).config().hyperParameters().containsKey("switch-threshold"));
    }

    @Test
    void aWrongBaseOrATcBetaBelowOneIsOneLineAndNothingIsWritten(@TempDir Path tmp) {
        Outcome bad = train(tmp.resolve("bad"), "--dataset", "dsprites", "--base", "dip-vae");
        assertEquals(2, bad.exit(), bad.err());
        assertEquals("error: --base must be one of vae, beta-vae, beta-tcvae, factor-vae, annealed-vae, dip-vae-i, dip-vae-ii, mean-tc-vae, got 'dip-vae'", bad.err().strip());
        assertFalse(Files.exists(tmp.resolve("bad")));
        Outcome beta = train(tmp.resolve("beta"), "--dataset", "dsprites", "--base", "beta-tcvae", "--beta", "0.5");
        assertEquals(2, beta.exit(), beta.err());
        assertEquals("error: --beta must be ≥ 1, got 0.5", beta.err().strip()); // beta-tcvae's own range applies when it is the base
        assertFalse(Files.exists(tmp.resolve("beta")));
    }
}
