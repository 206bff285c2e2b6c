package org.disentangle4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user's table is found again from config.json: data file and graph file both recorded. */
class TrainingConfigGraphTest {
    @TempDir
    Path dir;

    @Test
    void theGraphFileIsWrittenAndReadBackAndAbsentForOtherRuns() throws IOException {
        TrainingConfig table = new TrainingConfig("cdg-vae", "table", "data.csv", 10, 8, 1e-3, 3, "gaussian", 1, Map.of(), 5, 5,
                "graph.csv");
        RunDirectory run = RunDirectory.create(dir.resolve("t"), table, Map.of());
        TrainingConfig read = RunDirectory.open(dir.resolve("t")).config();
        assertEquals("graph.csv", read.graphFile());
        assertEquals("data.csv", read.dataFile());
        assertEquals("graph.csv", read.withSteps(20).graphFile());
        assertEquals("graph.csv", read.withHyperParameters(Map.of("beta", 1.0)).graphFile());
        assertTrue(Files.readString(run.path().resolve(RunDirectory.CONFIG)).contains("\"graphFile\": \"graph.csv\""));

        TrainingConfig plain = new TrainingConfig("beta-vae", "dsprites", null, 10, 8, 1e-4, 10, "bernoulli", 1, Map.of(), 5, 5);
        RunDirectory.create(dir.resolve("p"), plain, Map.of());
        assertNull(RunDirectory.open(dir.resolve("p")).config().graphFile());
        assertFalse(Files.readString(dir.resolve("p").resolve(RunDirectory.CONFIG)).contains("graphFile"));
    }
}
