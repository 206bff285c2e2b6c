package org.disentangle4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.disentangle4j.train.ResourceBounds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sizes beyond what the machine can hold are one line naming the bound, before anything is allocated or written. */
class BoundsTest {
    private static CommandRunner.Outcome run(String... args) {
        return CommandRunner.execute(java.util.List.of(args));
    }

    private static void assertOneLine(CommandRunner.Outcome o, String fragment) {
        assertEquals(2, o.exit(), o.err());
        assertEquals(1, o.err().lines().count(), o.err());
        assertTrue(o.err().contains(fragment), o.err());
    }

    @Test
    void theBatchBoundIsHalfTheMachinesMemoryOverWhatAnObservationCostsAStep() {
        // dSprites: 4,096 floats × 512 bytes each = 2 MiB per observation; 24 GiB / 2 / 2 MiB = 6,144
        assertEquals(6144, ResourceBounds.maxBatchSize(4096, 24L << 30));
        // a 3-channel 64×64 image costs three times as much
        assertEquals(2048, ResourceBounds.maxBatchSize(3 * 4096, 24L << 30));
        assertEquals(1, ResourceBounds.maxBatchSize(4096, 1));
        assertEquals(4096, ResourceBounds.maxLatentDim(4096));
        assertEquals(1024, ResourceBounds.maxLatentDim(4)); // a table of 4 columns
    }

    @Test
    void hugeBatchesAndLatentsAreRefusedBeforeARunDirectoryExists(@TempDir Path tmp) {
        Path out = tmp.resolve("run");
        for (String batch : new String[] {"2147483647", "40000000", "100000"}) {
            assertOneLine(run("train", "--batch-size", batch, "--steps", "1", "--out", out.toString()), "at most");
            assertFalse(Files.exists(out), batch);
        }
        for (String latent : new String[] {"2147483647", "100000000"}) {
            assertOneLine(run("train", "--latent-dim", latent, "--steps", "1", "--out", out.toString()),
                    "--latent-dim " + latent + " is more than the 4,096 values of a dsprites observation; at most 4,096");
            assertFalse(Files.exists(out), latent);
        }
        assertOneLine(run("train", "--training-set", "0", "--steps", "1", "--out", out.toString()), "--training-set must be between 1 and");
        assertFalse(Files.exists(out));
    }

    @Test
    void aGridIsCheckedWholeBeforeAnyRunStarts(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        String[][] grids = {
            {"{\"metrics\": [\"nosuch\"], \"runs\": [{\"model\": \"vae\"}]}", "metrics: --metrics: unknown metric 'nosuch'"},
            {"{\"batch-size\": 100000000000, \"runs\": [{\"model\": \"vae\"}]}", "must be at most 2147483647"},
            {"{\"batch-size\": 100000, \"runs\": [{\"model\": \"vae\"}]}", "run vae_batch-size=100000_seed=0: --batch-size 100000 is more"},
            {"{\"seeds\": [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], \"runs\": [{\"model\": \"beta-vae\", \"beta\": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],"
                + " \"lr\": [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0], \"steps\": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],"
                + " \"latent-dim\": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]}]}", "expands to 110,000 runs; a grid has at most 100,000"},
        };
        for (String[] g : grids) {
            Path grid = Files.writeString(tmp.resolve("grid.json"), g[0]);
            CommandRunner.Outcome o = run("sweep", grid.toString(), "--out", out.toString(), "--dry-run");
            assertOneLine(o, g[1]);
            assertFalse(Files.exists(out), g[0]);
        }
    }

    @Test
    void tooFewVotesOrPointsAreOneLine(@TempDir Path tmp) throws IOException {
        Path codes = Files.writeString(tmp.resolve("c.csv"), "0.5,0.1\n");
        Path factors = Files.writeString(tmp.resolve("f.csv"), "1,0\n");
        assertOneLine(run("evaluate", "--codes", codes.toString(), "--factors", factors.toString()), "one row; a score needs at least 2 points");
        assertOneLine(run("traverse", tmp.toString(), "--steps", "100000"), "--steps must be at least 2 and at most 201");
        // beta_vae's classifier needs two factors to tell apart: one training vote is refused before any sampling
        Path trained = tmp.resolve("trained");
        assertEquals(0, run("train", "--steps", "1", "--batch-size", "4", "--latent-dim", "2", "--no-figures", "--no-evaluate",
                "--out", trained.toString()).exit());
        assertOneLine(run("evaluate", trained.toString(), "--votes", "1,1", "--metrics", "beta_vae"),
                "beta_vae needs at least 2 training votes");
    }
}
