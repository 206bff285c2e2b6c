package org.disentangle4j.run;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.disentangle4j.io.IoErrors;
import org.disentangle4j.io.UserInputException;
import org.disentangle4j.metrics.MetricSuite;
import org.disentangle4j.metrics.SuiteResult;
import org.disentangle4j.nn.Torch;
import org.disentangle4j.report.RunEvaluation;
import org.disentangle4j.report.RunFigures;
import org.disentangle4j.report.RunReport;
import org.disentangle4j.train.AfterTraining;
import org.disentangle4j.train.Checkpoint;
import org.disentangle4j.train.Divergence;
import org.disentangle4j.train.Run;
import org.disentangle4j.train.RunDirectory;
import org.disentangle4j.train.Trainer;
import org.disentangle4j.train.TrainingConfig;
import org.disentangle4j.train.TrainingResult;

/**
 * The one entry point that carries a run from a {@link RunRequest} to its {@link RunOutcome}:
 * training (new or resumed), then, for a run that trained to its end, its figures, its scores
 * (metrics.json), status.json and report.html. A failure of the figures or the scoring is noted
 * and the run stays complete; a diverged run gets figures and a report from its last finite
 * parameters but no scores (a run cut short is not the model that was asked for); an interrupted
 * run keeps its checkpoint. The command line's {@code train}, sweeps and experiments all run
 * through here.
 */
public final class RunLifecycle {
    /** What a run does after training when its directory says nothing (runs from before the choice was saved). */
    public static final AfterTraining DEFAULT_FINISHING = new AfterTraining(true, true, MetricSuite.DEFAULT_SELECTION,
            MetricSuite.Votes.REFERENCE.toString());

    private RunLifecycle() {}

    /** Carries out the request; {@code manager} is the parent of the run's arrays. */
    public static RunOutcome run(RunRequest request, NDManager manager, RunEvents events) throws IOException {
        if (request instanceof RunRequest.Start start) return start(start, manager, events);
        if (request instanceof RunRequest.Resume resume) return resume(resume, manager, events);
        return score((RunRequest.Score) request, manager, events);
    }

    private static RunOutcome start(RunRequest.Start request, NDManager manager, RunEvents events) throws IOException {
        AfterTraining after = checked(request.after()); // before any directory exists
        try (Run run = Run.create(request.config(), request.dir(), manager)) {
            run.directory().writeAfterTraining(after);
            return train(run, after, events);
        }
    }

    /**
     * A resumed run finishes as it was started, changed by the request; a diverged run is refused
     * (it would diverge again the same way), a complete one left alone unless more steps are asked for.
     */
    private static RunOutcome resume(RunRequest.Resume request, NDManager manager, RunEvents events) throws IOException {
        Path path = request.dir();
        RunDirectory dir = RunDirectory.open(path);
        AfterTraining after = checked(request.finishing().applyTo(dir.afterTraining(DEFAULT_FINISHING)));
        TrainingConfig saved = dir.config();
        RunDirectory.State state = dir.state();
        long trained = dir.statusStep();
        boolean moreSteps = request.steps() != null && request.steps() != saved.steps();
        if (saved.engineThreads() != null && saved.engineThreads() != Torch.threads()) {
            throw new UserInputException(path + " was trained with " + saved.engineThreads() + " engine threads and this process has "
                    + Torch.threads() + "; its numbers depend on the thread count: resume it with DISENTANGLE_THREADS=" + saved.engineThreads());
        }
        if (state == RunDirectory.State.DIVERGED) {
            throw new UserInputException(path + " diverged at step " + trained + "; resuming it would diverge again the same way "
                    + "(same seed, same numbers): start a new run with other settings");
        }
        if (state == RunDirectory.State.COMPLETE && !moreSteps) {
            events.say(String.format(Locale.ROOT, "%s is complete (%,d steps trained, figures and scores done); nothing to do. Train it "
                    + "further with --resume %s --steps N (N > %d), score it again with: ./disentangle evaluate %s", path, saved.steps(), path,
                    saved.steps(), path));
            return new RunOutcome(RunOutcome.Kind.ALREADY_COMPLETE, path, trained, Map.of());
        }
        if (request.steps() != null) {
            if (request.steps() < trained) {
                throw new UserInputException("--steps " + request.steps() + " is fewer than the " + trained + " steps " + path + " has trained");
            }
            dir.updateConfig(saved.withSteps(request.steps()).validate());
        }
        try (Run run = Run.open(path, manager, "trained")) {
            dir.writeAfterTraining(after);
            return train(run, after, events);
        }
    }

    /**
     * Scores a run with the parameters it has: the named metrics' scores merged into its
     * metrics.json, its report.html written again. Outcome COMPLETE.
     */
    private static RunOutcome score(RunRequest.Score request, NDManager manager, RunEvents events) throws IOException {
        MetricSuite.Votes votes = MetricSuite.Votes.parse(request.votes());
        List<String> names = MetricSuite.parseSelection(String.join(",", request.metrics()));
        try (Run run = Run.open(request.dir(), manager, "evaluated")) {
            RunDirectory dir = run.directory();
            IoErrors.requireWritable(dir.file(RunDirectory.METRICS)); // before minutes of work, not after
            dir.state(); // report.html reads it after the scoring: a corrupt status.json is refused now
            events.say(MetricSuite.announcement("run " + request.dir(), names, votes));
            SuiteResult scores;
            try {
                scores = RunEvaluation.score(run, names, votes, request.seed(), events.scoringProgress());
            } finally {
                events.scoringEnded();
            }
            events.scored(scores, dir.file(RunDirectory.METRICS));
            RunReport.write(dir, run.model().extraFigures());
            return new RunOutcome(RunOutcome.Kind.COMPLETE, dir.path(), dir.statusStep(), Map.of());
        }
    }

    /** The finishing choices, their metric names and votes checked. */
    public static AfterTraining checked(AfterTraining after) {
        MetricSuite.requireUsableVotes(MetricSuite.parseSelection(after.metrics()), MetricSuite.Votes.parse(after.votes()));
        return after;
    }

    private static RunOutcome train(Run run, AfterTraining after, RunEvents events) throws IOException {
        TrainingConfig config = run.config();
        RunDirectory dir = run.directory();
        events.say(String.format(Locale.ROOT, "training %s on %s for %,d steps (batch %d, %d threads) → %s", config.model(), config.dataset(),
                config.steps(), config.batchSize(), Torch.threads(), dir.path()));
        TrainingResult result;
        Trainer trainer = run.trainer();
        try {
            result = trainer.train(events);
        } catch (RuntimeException | Error e) {
            // status.json must not say "running" for a run that no longer is
            dir.writeStatus(RunDirectory.State.FAILED, dir.statusStep(), Map.of(RunDirectory.ERROR, oneLine(e)));
            throw e;
        }
        if (result.interrupted()) return new RunOutcome(RunOutcome.Kind.INTERRUPTED, dir.path(), result.completedSteps(), Map.of());
        if (result.diverged()) return finishDiverged(run, result.divergence(), after, events);
        events.say(String.format(Locale.ROOT, "trained %,d steps in %.0f s (%.0f images/s)", result.completedSteps(), result.seconds(),
                result.imagesPerSecond()));
        events.say("where a step's time went: " + trainer.phases());
        run.useBestParameters().ifPresent(best -> events.say(String.format(Locale.ROOT,
                "figures and metrics use the parameters of step %,d, the lowest validation loss (%.6g), from %s",
                best.step(), best.validationLoss(), RunDirectory.BEST)));
        // training is done: a failure of the figures or the scoring is noted, and the run stays complete
        Map<String, String> notes = new LinkedHashMap<>();
        if (after.figures()) {
            try {
                RunFigures.write(run);
            } catch (RuntimeException | IOException e) {
                notes.put(RunDirectory.FIGURES_ERROR, oneLine(e));
                events.say("error: the figures failed: " + oneLine(e));
            }
        }
        if (after.evaluate()) {
            List<String> names = MetricSuite.parseSelection(after.metrics());
            events.say("evaluating (" + String.join(", ", names) + ")");
            try {
                SuiteResult scores;
                try {
                    scores = RunEvaluation.score(run, names, MetricSuite.Votes.parse(after.votes()), config.seed(), events.scoringProgress());
                } finally {
                    events.scoringEnded();
                }
                events.scored(scores, dir.file(RunDirectory.METRICS));
            } catch (RuntimeException e) {
                notes.put(RunDirectory.EVALUATION_ERROR, oneLine(e));
                events.say("error: scoring failed: " + oneLine(e));
            }
        }
        dir.writeStatus(RunDirectory.State.COMPLETE, result.completedSteps(), notes);
        Path report = RunReport.write(dir, run.model().extraFigures());
        events.say("done: " + report);
        return new RunOutcome(notes.isEmpty() ? RunOutcome.Kind.COMPLETE : RunOutcome.Kind.FINISHED_WITH_FAILURE, dir.path(),
                result.completedSteps(), notes);
    }

    /** One line saying where and why, then figures and report.html from the last finite parameters; no scores. */
    private static RunOutcome finishDiverged(Run run, Divergence divergence, AfterTraining after, RunEvents events) throws IOException {
        events.say(divergence.message());
        long shown = run.useBestParameters().map(Checkpoint.Best::step).orElse(divergence.checkpointStep());
        if (after.figures()) {
            RunFigures.write(run);
            events.say(String.format(Locale.ROOT, "figures show the parameters of step %,d; not scored (a diverged run)", shown));
        }
        Path report = RunReport.write(run.directory(), run.model().extraFigures());
        events.say("wrote " + report);
        return new RunOutcome(RunOutcome.Kind.DIVERGED, run.directory().path(), divergence.step(), Map.of());
    }

    /** An exception as one line for a person: its message, or what it is when it has none. */
    public static String oneLine(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? "an internal error (" + e.getClass().getSimpleName() + ")"
                : message.lines().findFirst().orElse("");
    }
}
