package org.disentangle4j.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * A sweep whose runs Spark schedules: one task per run of the grid, each writing its normal run
 * directory under the sweep directory (a filesystem every executor mounts); then the same
 * {@code results.csv} and {@code results.md} as the local sweep. It differs from the local sweep
 * only in who starts the runs: listing them, each run and the tables are the command line's own
 * ({@code sweep --dry-run}, {@code sweep --only I}, {@code sweep --tables-only}).
 */
final class SparkSweep {
    /** The runs' results, counted. */
    record Outcome(int runs, int failed, int interrupted) {
        /** As the local sweep's exit code: 130 some runs interrupted, 1 some failed, else 0. */
        int exitCode() {
            if (interrupted > 0) return 130;
            return failed > 0 ? 1 : 0;
        }
    }

    private final Path grid;
    private final Path out;
    private final DisentangleJvm jvm;
    private final PrintStream console;

    SparkSweep(Path grid, Path out, DisentangleJvm jvm, PrintStream console) {
        this.grid = grid;
        this.out = out;
        this.jvm = jvm;
        this.console = console;
    }

    /**
     * The plan, from {@code sweep --dry-run}: one line per run, or the command's one-line error
     * (a bad grid, a directory holding another run) before any Spark job starts.
     */
    DisentangleJvm.Finished plan() throws IOException, InterruptedException {
        return jvm.run(List.of("sweep", grid.toString(), "--out", out.toString(), "--dry-run"));
    }

    /** Runs the planned {@code runs} runs as Spark tasks, then writes the tables. */
    Outcome run(JavaSparkContext spark, int runs, int attempts) throws IOException, InterruptedException {
        String text = Files.readString(grid);
        List<Integer> indices = IntStream.range(0, runs).boxed().toList();
        int cores = spark.getConf().getInt("spark.task.cpus", 1);
        console.printf("spark: %d runs, one task each on %s, %d engine thread%s per task (spark.task.cpus); each run's output in %s%n",
                runs, spark.master(), cores, cores == 1 ? "" : "s", out.resolve("logs"));
        console.flush();
        // one partition per run, so that each run is one task, scheduled (and retried) on its own
        List<RunTask.Result> results = spark.parallelize(indices, runs).map(new RunTask(text, out.toString(), jvm, attempts)).collect();
        int failed = (int) results.stream().filter(r -> r == RunTask.Result.FAILED).count();
        int interrupted = (int) results.stream().filter(r -> r == RunTask.Result.INTERRUPTED).count();
        int tables = DisentangleJvm.await(jvm.start(List.of("sweep", grid.toString(), "--out", out.toString(), "--tables-only")));
        if (tables != 0) throw new IOException("writing the results tables failed (sweep --tables-only: exit code " + tables + ")");
        return new Outcome(runs, failed, interrupted);
    }

    /**
     * How many attempts Spark gives a task: {@code local[N,F]} F, {@code local[N]} 1 (local mode
     * retries nothing unless asked), elsewhere {@code spark.task.maxFailures} (default 4).
     */
    static int attempts(String master, int maxFailures) {
        var local = java.util.regex.Pattern.compile("local\\[\\s*(\\d+|\\*)\\s*,\\s*(\\d+)\\s*]").matcher(master);
        if (local.matches()) return Integer.parseInt(local.group(2));
        if (master.startsWith("local")) return 1;
        return maxFailures;
    }
}
