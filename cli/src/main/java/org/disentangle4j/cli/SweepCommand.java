package org.disentangle4j.cli;

import org.disentangle4j.experiment.Sweep;
import org.disentangle4j.train.Run;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.disentangle4j.experiment.SweepGrid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code disentangle sweep GRID.json --out DIR [--parallel N]}. */
@Command(
        name = "sweep",
        mixinStandardHelpOptions = true,
        description = {
            "Run a grid of (model, hyper-parameters, training options, seeds) locally, each as a run directory",
            "DIR/<run name>, N at a time as separate processes. Complete runs are skipped and interrupted ones",
            "resumed, so rerunning a sweep finishes it. Each trained run is scored with the metric suite when",
            "there is one; DIR/results.csv has one row per run, DIR/results.md the mean ± standard error over",
            "seeds. Output of each run goes to DIR/logs/<run name>.log. The grid format is in the README.",
            "A run whose training diverges (train's exit code 3) is recorded as 'diverged', is not a failure, and",
            "is kept as it is by a rerun (delete its directory to train it again)."
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

    @Override
    public Integer call() throws Exception {
        SweepGrid grid = SweepGrid.read(gridFile);
        ProcessLauncher launcher = new ProcessLauncher();
        Sweep sweep = new Sweep(grid, out, parallel, launcher, System.out);
        if (dryRun) {
            sweep.printPlan(new PrintWriter(System.out));
            return 0;
        }
        return sweep.runToExitCode();
    }
}
