package org.disentangle4j.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;

/**
 * One Spark task: brings the grid's run number {@code index} to its end with
 * {@code disentangle sweep GRID --out DIR --only INDEX --threads CORES}, the local sweep's own
 * code for one run (plan it from its directory as it is now, train or resume it, score it). So a
 * retried task resumes from the checkpoint the lost attempt left, a complete run is skipped, and a
 * run that fails or diverges is a result, not a failed task.
 *
 * @param grid the grid's JSON text (executors need not see the driver's file)
 * @param out the sweep directory, the same path on every executor
 * @param attempts how many attempts Spark gives a task ({@code spark.task.maxFailures})
 */
record RunTask(String grid, String out, DisentangleJvm jvm, int attempts) implements Function<Integer, RunTask.Result> {
    /** What became of a run. */
    enum Result { DONE, FAILED, INTERRUPTED }

    /** Makes Spark run the task again (the retry resumes the run). */
    static final class Retry extends RuntimeException {
        Retry(String message) {
            super(message);
        }
    }

    @Override
    public Result call(Integer index) throws IOException, InterruptedException {
        TaskContext task = TaskContext.get();
        int cores = task == null ? 1 : task.cpus(); // one engine thread per core the task holds
        int attempt = task == null ? 0 : task.attemptNumber();
        Path file = Files.createTempFile("disentangle-grid-", ".json");
        try {
            Files.writeString(file, grid);
            Process p = jvm.start(List.of("sweep", file.toString(), "--out", out, "--only", Integer.toString(index),
                    "--threads", Integer.toString(cores)));
            return resultOf(DisentangleJvm.await(p), attempt, attempts, index);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * The task's result from {@code sweep --only}'s exit code: 0 the run reached its end (complete,
     * diverged, kept), 1 or 2 it failed (recorded, as the local sweep does); 130 (it was stopped)
     * or a death by a signal make Spark retry the task — unless this was its last attempt, which
     * records the run instead of failing the whole job.
     */
    static Result resultOf(int exit, int attempt, int attempts, int index) {
        if (exit == 0) return Result.DONE;
        if (exit == 1 || exit == 2) return Result.FAILED;
        boolean last = attempt + 1 >= attempts;
        if (!last) throw new Retry("run " + index + ": sweep --only ended with exit code " + exit + " (attempt " + (attempt + 1)
                + " of " + attempts + "); retrying, which resumes it from its checkpoint");
        return exit == 130 ? Result.INTERRUPTED : Result.FAILED;
    }
}
