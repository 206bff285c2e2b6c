package org.disentangle4j.cli;

import org.disentangle4j.io.UserInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.disentangle4j.experiment.ExperimentTable;
import org.disentangle4j.experiment.Sweep;
import org.disentangle4j.experiment.SweepGrid;
import org.disentangle4j.experiment.SweepResults;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * What every built-in experiment command shares: {@code --parallel}, {@code --dry-run}, and running
 * its grid as a sweep that prints and writes the experiment's table with the wall time of the
 * invocation. A picocli mixin.
 */
final class ExperimentRunOptions {
    @Option(names = "--parallel", paramLabel = "N",
            description = "runs at once, each with max(1, cores/N) engine threads; default ${DEFAULT-VALUE} (on 2 cores 1 is fastest overall)")
    int parallel = 1;

    @Option(names = "--dry-run", description = "list the runs and what each needs (train, resume, skip) without running anything")
    boolean dryRun;

    @Option(names = "--tables-only", description = "write the tables and verdicts from the run directories as they are (complete runs "
            + "count, the others are left out), training nothing")
    boolean tablesOnly;

    /** The experiment's own tables: summaries to files in the sweep directory, given the wall-time sentence. */
    @FunctionalInterface
    interface TableWriter {
        void write(Path dir, List<SweepResults.Row> rows, List<ExperimentTable.Summary> summaries, String wallTime) throws IOException;
    }

    /** --dry-run and --tables-only exclude one another. */
    void refuseBothModes() {
        if (dryRun && tablesOnly) throw new UserInputException("--dry-run and --tables-only exclude one another; give one");
    }

    /** Runs (or, with --dry-run, lists) the grid into {@code out}; after the runs, writes and prints the table. */
    int run(CommandSpec spec, SweepGrid grid, Path out, ExperimentTable table, List<ExperimentTable.Group> groups, TableWriter writer)
            throws IOException, InterruptedException {
        long started = System.nanoTime();
        Sweep.ResultsWriter results = (dir, rows) -> {
            List<ExperimentTable.Summary> summaries = table.summarise(dir, rows, groups);
            String wall = String.format(Locale.ROOT, "Wall time of the last invocation: %.1f min.", (System.nanoTime() - started) / 6e10);
            writer.write(dir, rows, summaries, wall);
            System.out.println();
            System.out.print(table.text(summaries));
            System.out.println(wall);
        };
        Sweep sweep = new Sweep(grid, out, parallel, new ProcessLauncher(), System.out, results);
        refuseBothModes();
        if (dryRun) {
            sweep.printPlan(spec.commandLine().getOut());
            return 0;
        }
        if (tablesOnly) {
            sweep.writeTables();
            return 0;
        }
        return sweep.runToExitCode();
    }
}
