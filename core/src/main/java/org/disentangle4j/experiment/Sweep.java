package org.disentangle4j.experiment;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.disentangle4j.io.IoErrors;
import org.disentangle4j.io.UserInputException;
import org.disentangle4j.run.RunOutcome;
import org.disentangle4j.run.RunRequest;
import org.disentangle4j.train.AfterTraining;
import org.disentangle4j.data.Datasets;
import org.disentangle4j.data.GroundTruthDataset;
import org.disentangle4j.train.ResourceBounds;
import org.disentangle4j.train.RunDirectory;
import org.disentangle4j.train.TrainingConfig;
import org.disentangle4j.experiment.SweepGrid;
import org.disentangle4j.experiment.SweepResults;
import org.disentangle4j.experiment.SweepRun;

/**
 * Runs a grid locally: each run a normal run directory {@code OUT/<run name>}, its request carried
 * through the run lifecycle by a {@link Launcher} (a separate process each from the command line),
 * N at a time. Complete runs are skipped and
 * interrupted ones resumed, so rerunning an interrupted sweep finishes it. Each run is scored
 * with the grid's metrics (those its {@code metrics.json} lacks); then the results are written.
 *
 * <p>A run that diverged is recorded as
 * {@code diverged} and the sweep goes on. It is final, as a complete run is: a rerun of the sweep
 * keeps it as it is rather than training it again (its seed and settings would repeat the same
 * steps); to retry it, delete its directory or resume it by hand ({@code train --resume}).
 */
public final class Sweep {
    /** What a run needs when the sweep starts. */
    public enum Action { TRAIN, RESUME, SKIP, KEEP_DIVERGED }

    /** A run and what to do with it. */
    public record Planned(SweepRun run, Path dir, Action action, long step) {}

    /** How a sweep ended. */
    public record Outcome(int complete, int diverged, int failed, int interrupted, int total) {}

    private final SweepGrid grid;
    private final Path out;
    private final int parallel;
    private final Launcher launcher;
    private final PrintStream console;
    private final ResultsWriter results;
    private int threadsPerRun;
    private volatile boolean stopping;

    /** Writes what the runs gave into the sweep directory. */
    @FunctionalInterface
    public interface ResultsWriter {
        void write(Path out, List<SweepResults.Row> rows) throws IOException;
    }

    /** The generic tables: {@code results.csv}, one row per run, and {@code results.md}, mean ± s.e. per setting. */
    public static final ResultsWriter GENERIC = (out, rows) -> {
        SweepResults.writeCsv(out.resolve("results.csv"), rows);
        SweepResults.writeMarkdown(out.resolve("results.md"), rows);
    };

    public Sweep(SweepGrid grid, Path out, int parallel, Launcher launcher, PrintStream console) {
        this(grid, out, parallel, launcher, console, GENERIC);
    }

    public Sweep(SweepGrid grid, Path out, int parallel, Launcher launcher, PrintStream console,
            ResultsWriter results) {
        if (parallel < 1) throw new UserInputException("--parallel must be at least 1, got " + parallel);
        this.grid = grid;
        this.out = out;
        this.parallel = parallel;
        this.launcher = launcher;
        this.console = console;
        this.results = results;
    }

    /** Gives every run this many engine threads instead of the cores shared among the parallel runs (a Spark task's cores). */
    public Sweep threadsPerRun(int threads) {
        if (threads < 1) throw new UserInputException("--threads must be at least 1, got " + threads);
        this.threadsPerRun = threads;
        return this;
    }

    /** {@code --dry-run}: one line per run, what it needs (train, resume from step N, complete) and its directory. */
    public void printPlan(PrintWriter out) {
        for (Planned p : plan()) {
            String what = switch (p.action()) {
                case TRAIN -> "train";
                case RESUME -> "resume from step " + p.step();
                case SKIP -> "complete";
                case KEEP_DIVERGED -> "diverged (kept)";
            };
            out.printf("%-20s %s%n", what, p.dir());
        }
        out.flush();
    }

    /**
     * Runs the sweep, stopping it (the running runs checkpoint) when the process is asked to end;
     * the command's exit code: 130 if runs were interrupted, 1 if one failed, else 0 (diverged runs
     * are results, not failures).
     */
    public int runToExitCode() throws IOException, InterruptedException {
        return toExitCode(this::run);
    }

    /** A body of the sweep: all its runs or one. */
    private interface Body {
        Outcome run() throws IOException, InterruptedException;
    }

    private int toExitCode(Body body) throws IOException, InterruptedException {
        Thread hook = new Thread(this::stop, "sweep-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        Outcome outcome;
        try {
            outcome = body.run();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is stopping the runs
            }
        }
        if (outcome.interrupted() > 0) return 130;
        return outcome.failed() > 0 ? 1 : 0;
    }

    /** Each run's directory and what it needs; a directory holding a different run, or a run this machine cannot train, is an error. */
    public List<Planned> plan() {
        checkRuns();
        List<Planned> plan = new ArrayList<>();
        for (SweepRun run : grid.runs()) plan.add(planOf(run));
        return plan;
    }

    /**
     * Every run's config resolved and checked (its values, and sizes against this machine) before
     * anything runs, so that a grid no run of which could train is one line, not a failed sweep.
     */
    private void checkRuns() {
        java.util.Map<String, Integer> observationSizes = new java.util.HashMap<>();
        for (SweepRun run : grid.runs()) {
            try {
                TrainingConfig c = run.request(out.resolve(run.name()), grid.after()).config().validate();
                int size = observationSizes.computeIfAbsent(c.dataset() + "\n" + c.dataFile() + "\n" + c.graphFile(), key -> {
                    GroundTruthDataset data = Datasets.open(c.dataset(), c.dataFile() == null ? null : Path.of(c.dataFile()),
                            c.graphFile() == null ? null : Path.of(c.graphFile()));
                    try {
                        return data.observationSize();
                    } finally {
                        Datasets.close(data);
                    }
                });
                ResourceBounds.check(c, size, c.dataset());
            } catch (UserInputException e) {
                throw new UserInputException("run " + run.name() + ": " + e.getMessage());
            }
        }
    }

    /** One run's directory and what it needs now (read afresh: a distributed task plans its run when it starts). */
    public Planned planOf(SweepRun run) {
        Path dir = out.resolve(run.name());
        if (!Files.isRegularFile(dir.resolve(RunDirectory.CONFIG))) return new Planned(run, dir, Action.TRAIN, 0);
        RunDirectory rd = RunDirectory.open(dir);
        String mismatch = run.mismatch(rd.config());
        if (mismatch != null) {
            throw new UserInputException(dir + " holds a different run (" + mismatch + "); move it away or choose another --out");
        }
        long step = rd.statusStep();
        Action action = switch (rd.state()) {
            case COMPLETE -> Action.SKIP;
            case DIVERGED -> Action.KEEP_DIVERGED;
            default -> Action.RESUME;
        };
        return new Planned(run, dir, action, step);
    }

    /** Asks the sweep to start nothing new and the running commands to checkpoint and stop. */
    public void stop() {
        stopping = true;
        launcher.stopAll();
    }

    public Outcome run() throws IOException, InterruptedException {
        createOut();
        List<Planned> plan = plan();
        int threads = threads();
        long toTrain = plan.stream().filter(p -> p.action() == Action.TRAIN || p.action() == Action.RESUME).count();
        long keptDiverged = plan.stream().filter(p -> p.action() == Action.KEEP_DIVERGED).count();
        say("sweep of %d runs into %s: %d to train or resume, %d complete, %d diverged; %d at a time with %d engine threads each",
                plan.size(), out, toTrain, plan.size() - toTrain - keptDiverged, keptDiverged, parallel, threads);

        AtomicInteger failed = new AtomicInteger();
        AtomicInteger interrupted = new AtomicInteger();
        AtomicInteger index = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Planned p : plan) {
                futures.add(pool.submit(() -> {
                    String tag = String.format("[%d/%d] %s", index.incrementAndGet(), plan.size(), p.run().name());
                    execute(p, tag, threads, failed, interrupted);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    failed.incrementAndGet();
                    say("a run could not be started: %s", e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return writeTables(failed.get(), interrupted.get());
    }

    /**
     * Brings only the grid's run number {@code index} (0-based, in grid order) to its end — train,
     * resume, skip or keep it, then score it — and writes no tables: one task of a sweep whose runs
     * another scheduler (Spark) spreads over machines. The run is planned now, from its directory
     * as it is, so a task that is retried resumes what the failed attempt checkpointed.
     */
    public Outcome runOnly(int index) throws IOException, InterruptedException {
        int n = grid.runs().size();
        if (index < 0 || index >= n) throw new UserInputException("--only must be between 0 and " + (n - 1) + " (the grid's runs), got " + index);
        createOut();
        Planned p = planOf(grid.runs().get(index));
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger interrupted = new AtomicInteger();
        execute(p, String.format("[%d/%d] %s", index + 1, n, p.run().name()), threads(), failed, interrupted);
        SweepResults.Row row = SweepResults.collect(out, List.of(p.run())).get(0);
        return new Outcome(row.complete() ? 1 : 0, row.diverged() ? 1 : 0, failed.get(), interrupted.get(), 1);
    }

    /** {@link #runOnly} as a command's exit code (130 interrupted, 1 failed, else 0), stopping the run when the process is asked to end. */
    public int runOnlyToExitCode(int index) throws IOException, InterruptedException {
        return toExitCode(() -> runOnly(index));
    }

    /** A run's own engine thread count (its numbers depend on it), or this sweep's when the run has none recorded. */
    private static int threadsOf(Path runDir, int sweepThreads) {
        Integer recorded = RunDirectory.open(runDir).config().engineThreads();
        return recorded != null ? recorded : sweepThreads;
    }

    /** Writes the results tables from the run directories as they are, training nothing (e.g. after a distributed sweep). */
    public Outcome writeTables() throws IOException {
        createOut();
        return writeTables(0, 0);
    }

    private Outcome writeTables(int failed, int interrupted) throws IOException {
        List<SweepResults.Row> rows = SweepResults.collect(out, grid.runs());
        results.write(out, rows);
        int complete = (int) rows.stream().filter(SweepResults.Row::complete).count();
        int diverged = (int) rows.stream().filter(SweepResults.Row::diverged).count();
        say("%d of %d runs complete, %d diverged; results in %s and %s", complete, rows.size(), diverged, out.resolve("results.csv"),
                out.resolve("results.md"));
        return new Outcome(complete, diverged, failed, interrupted, rows.size());
    }

    private void createOut() {
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UserInputException("cannot create sweep directory " + out + ": " + IoErrors.reason(e, out), e);
        }
    }

    /** Engine threads of each run: {@link #threadsPerRun} if set, else the cores shared among the parallel runs. */
    private int threads() {
        return threadsPerRun > 0 ? threadsPerRun : Math.max(1, Runtime.getRuntime().availableProcessors() / parallel);
    }

    /** Trains, resumes, skips or keeps one planned run, then scores it; counts a failure or an interruption. */
    private void execute(Planned p, String tag, int threads, AtomicInteger failed, AtomicInteger interrupted)
            throws IOException, InterruptedException {
        if (stopping) return;
        if (p.action() == Action.KEEP_DIVERGED) {
            say("%s: diverged at step %d in an earlier sweep; kept, not retrained", tag, p.step());
            return;
        }
        if (p.action() != Action.SKIP) {
            // the run scores itself with the grid's metrics (not train's default set) before it counts as complete
            RunRequest request = p.action() == Action.RESUME
                    ? new RunRequest.Resume(p.dir(), null, AfterTraining.Change.scoring(grid.after().metrics(), grid.after().votes()))
                    : p.run().request(p.dir(), grid.after());
            say("%s: %s", tag, p.action() == Action.RESUME ? "resuming from step " + p.step() : "training");
            long t0 = System.nanoTime();
            Optional<RunOutcome.Kind> ended = launcher.run(request, logOf(p), p.action() == Action.RESUME ? threadsOf(p.dir(), threads) : threads);
            if (ended.isEmpty()) {
                failed.incrementAndGet();
                say("%s: FAILED; see %s", tag, logOf(p));
                return;
            }
            if (ended.get() == RunOutcome.Kind.INTERRUPTED || stopping) {
                interrupted.incrementAndGet();
                say("%s: interrupted (checkpoint written; rerun the sweep to resume)", tag);
                return;
            }
            if (ended.get() == RunOutcome.Kind.DIVERGED) {
                say("%s: DIVERGED (kept at its last finite checkpoint, not scored); see %s", tag, logOf(p));
                return;
            }
            if (ended.get() == RunOutcome.Kind.FINISHED_WITH_FAILURE) {
                failed.incrementAndGet();
                say("%s: trained (complete), but its figures or scoring FAILED (noted in status.json); see %s", tag, logOf(p));
                return;
            }
            say("%s: trained in %.0f s", tag, (System.nanoTime() - t0) / 1e9);
        } else {
            say("%s: complete, skipped", tag);
        }
        if (!stopping) evaluate(p, tag, threads);
    }

    /**
     * Scores a complete run with those of the grid's metrics that its {@code metrics.json} lacks
     * ({@code evaluate RUN_DIR --metrics …}, which merges them into {@code RUN_DIR/metrics.json}).
     * A run that did not complete is left alone.
     */
    private void evaluate(Planned p, String tag, int threads) throws IOException, InterruptedException {
        if (!Files.isRegularFile(p.dir().resolve(RunDirectory.CONFIG))
                || RunDirectory.open(p.dir()).state() != RunDirectory.State.COMPLETE) {
            return;
        }
        List<String> missing = missingMetrics(p.dir());
        if (missing.isEmpty()) return;
        // seed 0, as the evaluate command's default: the scores a sweep adds later are those `evaluate` gives
        Optional<RunOutcome.Kind> ended = launcher.run(new RunRequest.Score(p.dir(), missing, grid.votes().toString(), 0), logOf(p), threads);
        if (ended.isPresent() && ended.get() == RunOutcome.Kind.COMPLETE) {
            say("%s: evaluated (%s)", tag, String.join(", ", missing));
        } else if (!stopping) {
            say("%s: evaluation FAILED; see %s", tag, logOf(p));
        }
    }

    /** The grid's metrics that a run's metrics.json does not have (all when there is none or it is unreadable). */
    public List<String> missingMetrics(Path dir) {
        Path file = dir.resolve(RunDirectory.METRICS);
        if (!Files.isRegularFile(file)) return grid.metrics();
        try {
            var json = com.google.gson.JsonParser.parseString(Files.readString(file));
            if (!json.isJsonObject()) return grid.metrics();
            return grid.metrics().stream().filter(m -> !json.getAsJsonObject().has(m)).toList();
        } catch (IOException | RuntimeException unreadable) {
            return grid.metrics();
        }
    }

    private Path logOf(Planned p) {
        return out.resolve("logs").resolve(p.run().name() + ".log");
    }

    private synchronized void say(String format, Object... args) {
        console.println(LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + " " + String.format(format, args));
        console.flush();
    }
}
