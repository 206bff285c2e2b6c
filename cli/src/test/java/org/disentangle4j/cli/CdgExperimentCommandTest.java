package org.disentangle4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code experiment cdg}: its plan and its one-line errors (training it is the experiment itself, not a test). */
class CdgExperimentCommandTest {

    private static String[] run(String... args) {
        return CommandRunner.run(args);
    }

    @Test
    void dryRunListsEveryModelForEachSeedAndBadOptionsAreOneLine(@TempDir Path tmp) {
        String[] plan = run("experiment", "cdg", "--seeds", "2", "--steps", "50", "--out", tmp.toString(), "--dry-run");
        assertEquals("0", plan[0], plan[2]);
        assertEquals(6, plan[1].lines().filter(l -> l.startsWith("train")).count(), plan[1]); // 3 lines × 2 seeds
        assertEquals(2, plan[1].lines().filter(l -> l.contains("decoder=shared")).count(), plan[1]);
        assertEquals(2, plan[1].lines().filter(l -> l.contains("cdg-infomax")).count(), plan[1]);
        // the reference's data: the disturbed pendulum, a fixed training set of 7,500 images
        assertTrue(plan[1].lines().allMatch(l -> l.contains("dataset=pendulum-disturbed_") && l.contains("training-set=7500_")), plan[1]);
        String[] help = run("experiment", "cdg", "--help");
        assertTrue(help[1].lines().allMatch(l -> l.length() <= 80), help[1]);
        assertTrue(help[1].contains("VAE (cdg-vae --decoder shared: the causal layer and the alignment with"), help[1]);
        for (String[] bad : new String[][] {{"--seeds", "0"}, {"--steps", "0"}}) {
            String[] o = run("experiment", "cdg", bad[0], bad[1], "--out", tmp.toString());
            assertEquals("2", o[0], o[2]);
            assertEquals(1, o[2].lines().count(), o[2]);
            assertTrue(o[2].contains(bad[0] + " must be"), o[2]);
        }
    }

    @Test
    void tablesOnlyWritesTheTablesAndVerdictsFromWhatIsThereAndTrainsNothing(@TempDir Path tmp) throws Exception {
        String[] o = run("experiment", "cdg", "--seeds", "2", "--steps", "50", "--out", tmp.toString(), "--tables-only");
        assertEquals("0", o[0], o[2]);
        String claims = java.nio.file.Files.readString(tmp.resolve("claims.md"));
        // no run is complete: every claim is inconclusive, with the seeds it lacks named, and no direction read
        assertEquals(4, claims.lines().filter(l -> l.startsWith("| **")).count(), claims);
        assertTrue(claims.lines().filter(l -> l.startsWith("| **")).allMatch(l -> l.contains("**inconclusive**")), claims);
        assertTrue(java.nio.file.Files.readString(tmp.resolve("results.md")).contains("## Claims (computed; claims.md)"));
        try (var entries = java.nio.file.Files.list(tmp)) {
            assertTrue(entries.noneMatch(java.nio.file.Files::isDirectory), "no run directory is created");
        }
        String[] both = run("experiment", "cdg", "--out", tmp.toString(), "--tables-only", "--dry-run");
        assertEquals("2", both[0], both[2]);
        assertEquals("error: --dry-run and --tables-only exclude one another; give one", both[2].strip());
    }
}
