package org.disentangle4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The Spark sweep's command line, the attempts a task gets and what an exit code of a run makes of its task; no Spark started. */
class SparkSweepMainTest {
    @Test
    void parsesTheSweepCommandLineWithOrWithoutTheSweepWord() throws Exception {
        SparkSweepMain.Arguments a = SparkSweepMain.parse(new String[] {"sweep", "g.json", "--out", "file:/tmp/s/../sweep", "--spark", "local[2]"});
        assertEquals(Path.of("g.json").toAbsolutePath(), a.grid());
        assertEquals(Path.of("/tmp/sweep"), a.out());
        assertEquals("local[2]", a.master());
        SparkSweepMain.Arguments b = SparkSweepMain.parse(new String[] {"g.json", "--out=rel", "--dry-run"});
        assertEquals(Path.of("rel").toAbsolutePath(), b.out());
        assertEquals(null, b.master());
        assertTrue(b.dryRun());
        assertTrue(SparkSweepMain.parse(new String[] {"sweep", "--help", "--spark", "local[2]"}).help());
    }

    @Test
    void badInputIsOneLineNamingTheProblem() {
        assertEquals("--out DIR is required (" + SparkSweepMain.USAGE + ")", bad("g.json", "--spark", "local[2]"));
        assertEquals("no grid given (" + SparkSweepMain.USAGE + ")", bad("--out", "d"));
        assertEquals("--spark needs a value (" + SparkSweepMain.USAGE + ")", bad("g.json", "--out", "d", "--spark"));
        assertTrue(bad("g.json", "--out", "d", "--parallel", "2").startsWith("--parallel is the local sweep's"));
        assertTrue(bad("g.json", "--out", "d", "--bogus").startsWith("unknown option --bogus"));
        assertTrue(bad("g.json", "--out", "hdfs://nn:8020/sweeps/a").startsWith("--out hdfs://nn:8020/sweeps/a: the runs write their "
                + "directories with ordinary file I/O"));
        assertEquals("--out file:rel: a file: URI must name an absolute path (file:/shared/sweep)", bad("g.json", "--out", "file:rel"));
    }

    @Test
    void localModeRetriesOnlyWhenAsked() {
        assertEquals(1, SparkSweep.attempts("local[2]", 4));
        assertEquals(1, SparkSweep.attempts("local", 4));
        assertEquals(3, SparkSweep.attempts("local[*, 3]", 4));
        assertEquals(4, SparkSweep.attempts("spark://head:7077", 4));
        assertEquals(8, SparkSweep.attempts("yarn", 8));
    }

    @Test
    void aRunThatFailsIsAResultAndARunThatWasStoppedIsRetriedUntilTheLastAttempt() {
        assertEquals(RunTask.Result.DONE, RunTask.resultOf(0, 0, 4, 7));
        assertEquals(RunTask.Result.FAILED, RunTask.resultOf(1, 0, 4, 7)); // training failed: recorded, as locally
        assertEquals(RunTask.Result.FAILED, RunTask.resultOf(2, 0, 4, 7));
        RunTask.Retry retry = assertThrows(RunTask.Retry.class, () -> RunTask.resultOf(137, 2, 4, 7)); // killed: retried, it resumes
        assertEquals("run 7: sweep --only ended with exit code 137 (attempt 3 of 4); retrying, which resumes it from its checkpoint",
                retry.getMessage());
        assertThrows(RunTask.Retry.class, () -> RunTask.resultOf(130, 0, 2, 7));
        assertEquals(RunTask.Result.INTERRUPTED, RunTask.resultOf(130, 1, 2, 7)); // the last attempt records it, the job goes on
        assertEquals(RunTask.Result.FAILED, RunTask.resultOf(137, 0, 1, 7));
    }

    private static String bad(String... args) {
        return assertThrows(SparkSweepMain.BadInput.class, () -> SparkSweepMain.parse(args)).getMessage();
    }
}
