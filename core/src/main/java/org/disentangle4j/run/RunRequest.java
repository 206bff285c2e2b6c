package org.disentangle4j.run;

import java.nio.file.Path;
import java.util.List;
import org.disentangle4j.train.AfterTraining;
import org.disentangle4j.train.TrainingConfig;

/**
 * What {@link RunLifecycle} is asked to do: start a new run, continue one in its directory, or
 * score a complete one again. Plain data: {@link RunRequestJson} carries it to another JVM.
 */
public sealed interface RunRequest permits RunRequest.Start, RunRequest.Resume, RunRequest.Score {

    /** The run directory the request is about. */
    Path dir();

    /** What is asked, as a word: {@code start}, {@code resume} or {@code score}. */
    String kind();

    /**
     * A new run: train {@code config} into {@code dir} (which must not exist yet), then finish as
     * {@code after} says (figures, scoring). {@link NewRun} builds one with the defaults resolved.
     */
    record Start(TrainingConfig config, Path dir, AfterTraining after) implements RunRequest {
        @Override
        public String kind() {
            return "start";
        }
    }

    /**
     * Continue the run in {@code dir} with its own config: an interrupted run trains on to its
     * steps, or to {@code steps} when given (more than it has trained); a complete run only trains
     * when {@code steps} asks for more. It finishes as it was started (its saved figures, metrics and
     * votes) changed by {@code finishing}.
     */
    record Resume(Path dir, Long steps, AfterTraining.Change finishing) implements RunRequest {
        /** Continue as started, to the configured steps. */
        public static Resume asStarted(Path dir) {
            return new Resume(dir, null, AfterTraining.Change.NONE);
        }

        @Override
        public String kind() {
            return "resume";
        }
    }

    /**
     * Score the run in {@code dir} (a sweep asks only for complete ones) with {@code metrics} (their scores merged into its
     * metrics.json, the others kept) and write its report again.
     *
     * @param votes the interventional scores' votes, {@code TRAIN,EVAL}
     * @param seed the seed of the scoring's sampling
     */
    record Score(Path dir, List<String> metrics, String votes, long seed) implements RunRequest {
        public Score {
            metrics = List.copyOf(metrics);
        }

        @Override
        public String kind() {
            return "score";
        }
    }
}
