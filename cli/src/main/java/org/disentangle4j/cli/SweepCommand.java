package org.disentangle4j.cli;

import org.disentangle4j.experiment.Sweep;
import org.disentangle4j.train.Run;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.disentangle4j.experiment.SweepGrid;
import org.disentangle4j.io.UserInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code disentangle sweep GRID.json --out DIR [--parallel N]}; {@code --only I} and
 * {@code --tables-only} are the two halves another scheduler uses (the Spark runner does): one run
 * each, then the tables.
 */
@Command(
        name = "sweep",
        mixinStandardHelpOptions = true,
        description = {
            "Run a grid of (model, hyper-parameters, training options, seeds) locally, each as a run directory",
            "DIR/<run name>, N at a time as separate processes. Complete runs are skipped and interrupted ones",
            "resumed, so rerunning a sweep finishes it. Each trained run is scored with the metric suite when",
            "there is one; DIR/results.csv has one row per run, DIR/results.md the mean ± standard error over",
            "seeds. Output of each run goes to DIR/logs/<run name>.log. The grid format is in docs/sweeps.md.",
            "A run whose training diverges (train's exit code 3) is recorded as 'diverged', is not a failure, and",
            "is kept as it is by a rerun (delete its directory to train it again).",
            "--spark MASTER runs the same grid on Apache Spark, one task per run (through the ./disentangle launcher;",
            "see docs/sweeps.md, On Apache Spark)."
        })
public final class SweepCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "GRID.json", description = "the grid")
    Path gridFile;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "directory of the sweep's runs and results")
    Path out;

    @Option(names = "--parallel", paramLabel = "N", description = "runs at once; each gets max(1, cores/N) engine threads; default ${DEFAULT-VALUE}")
    int parallel = 1;

    @Option(names = "--dry-run", description = "list the runs and what each needs (train, resume, skip) without running anything")
    boolean dryRun;

    @Option(names = "--threads", paramLabel = "T", description = "engine threads of each run; default max(1, cores/N)")
    Integer threads;

    @Option(names = "--only", paramLabel = "I", description = {
        "bring only the grid's run I (0-based, in --dry-run's order) to its end and write no tables: one task of a",
        "sweep that another scheduler spreads over machines (exit 130 interrupted, 1 failed, else 0)"})
    Integer only;

    @Option(names = "--tables-only", description = "write DIR/results.csv and DIR/results.md from the run directories as they are, training nothing")
    boolean tablesOnly;

    @Option(names = "--spark", paramLabel = "MASTER", description = "run on Apache Spark (e.g. local[2]); the ./disentangle launcher hands this to the spark module")
    String spark;

    @Override
    public Integer call() throws Exception {
        if (spark != null) {
            throw new UserInputException("--spark runs the sweep on Apache Spark, which this jar does not carry: use the ./disentangle "
                    + "launcher (it hands the command to the spark module) or spark-submit (see docs/sweeps.md, On Apache Spark)");
        }
        if ((only != null ? 1 : 0) + (tablesOnly ? 1 : 0) + (dryRun ? 1 : 0) > 1) {
            throw new UserInputException("--only, --tables-only and --dry-run exclude one another; give one");
        }
        SweepGrid grid = SweepGrid.read(gridFile);
        ProcessLauncher launcher = new ProcessLauncher();
        Sweep sweep = new Sweep(grid, out, parallel, launcher, System.out);
        if (threads != null) sweep.threadsPerRun(threads);
        if (dryRun) {
            sweep.printPlan(new PrintWriter(System.out));
            return 0;
        }
        if (tablesOnly) {
            sweep.writeTables();
            return 0;
        }
        if (only != null) return sweep.runOnlyToExitCode(only);
        return sweep.runToExitCode();
    }
}
