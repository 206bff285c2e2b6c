package org.disentangle4j.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** For tests that train: every value a run logged is finite and the run did not diverge. */
final class FiniteLosses {
    private FiniteLosses() {}

    static void assertFinite(Path runDir) {
        try {
            for (TrainingLog.Entry e : TrainingLog.read(runDir.resolve(RunDirectory.LOG))) {
                e.values().forEach((name, v) -> assertTrue(Double.isFinite(v), runDir + ": " + name + " = " + v + " at step " + e.step()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertTrue(RunDirectory.open(runDir).state() != RunDirectory.State.DIVERGED, runDir + " diverged");
    }
}
