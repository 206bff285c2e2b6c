package org.disentangle4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code study}: the ready studies plan as stated, and a bad study file is one line. */
class StudyCommandTest {
    @Test
    void theReadyStudiesPlanTheirRunsAndABadFileIsOneLine(@TempDir Path tmp) throws Exception {
        String[] smallest = CommandRunner.run("study", Path.of("..", "studies", "smallest.json").toString(), "--out", tmp.resolve("s").toString(),
                "--dry-run");
        assertEquals("0", smallest[0], smallest[2]);
        assertEquals(4, smallest[1].lines().filter(l -> l.startsWith("train")).count(), smallest[1]);
        String[] small = CommandRunner.run("study", Path.of("..", "studies", "small.json").toString(), "--out", tmp.resolve("m").toString(),
                "--dry-run");
        assertEquals(12, small[1].lines().filter(l -> l.startsWith("train")).count(), small[1]); // 6 models × 2 seeds
        String[] dlib = CommandRunner.run("study", Path.of("..", "studies", "disentanglement-lib-unsupervised.json").toString(), "--out",
                tmp.resolve("d").toString(), "--dry-run");
        assertEquals(3600, dlib[1].lines().filter(l -> l.startsWith("train")).count()); // 6 models × 6 values × 2 datasets × 50 seeds
        Path bad = Files.writeString(tmp.resolve("bad.json"), "{\"models\": [\"beta-vae\"], \"datasets\": [\"mnist\"]}");
        String[] refused = CommandRunner.run("study", bad.toString(), "--out", tmp.resolve("b").toString());
        assertEquals("2", refused[0]);
        assertTrue(refused[2].startsWith("error: " + bad + ": datasets: unknown dataset 'mnist'"), refused[2]);
        assertEquals(1, refused[2].lines().count());
        assertFalse(Files.exists(tmp.resolve("b")));
    }
}
