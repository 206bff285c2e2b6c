package org.disentangle4j.run;

import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.disentangle4j.train.AfterTraining;
import org.disentangle4j.train.TrainingConfig;

/** What {@link RunLifecycle} is asked to do: start a new run, or continue one in its directory. */
public sealed interface RunRequest permits RunRequest.Start, RunRequest.Resume {

    /**
     * A new run: train {@code config} into {@code dir} (which must not exist yet), then finish as
     * {@code after} says (figures, scoring).
     */
    record Start(TrainingConfig config, Path dir, AfterTraining after) implements RunRequest {}

    /**
     * Continue the run in {@code dir} with its own config: an interrupted run trains on to its
     * steps, or to {@code steps} when given (more than it has trained); a complete run only trains
     * when {@code steps} asks for more. It finishes as it was started (its saved figures, metrics and
     * votes) changed by {@code finishing}.
     */
    record Resume(Path dir, Long steps, UnaryOperator<AfterTraining> finishing) implements RunRequest {
        /** Continue as started, to the configured steps. */
        public static Resume asStarted(Path dir) {
            return new Resume(dir, null, UnaryOperator.identity());
        }
    }
}
