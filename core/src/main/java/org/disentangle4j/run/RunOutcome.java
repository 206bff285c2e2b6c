package org.disentangle4j.run;

import java.nio.file.Path;
import java.util.Map;

/**
 * How a request ended.
 *
 * @param steps the steps the run has trained (for a diverged run, the step that diverged)
 * @param notes what failed after training, by status.json's note name ({@code figures_error}, {@code evaluation_error})
 */
public record RunOutcome(Kind kind, Path dir, long steps, Map<String, String> notes) {
    public enum Kind {
        /** trained to its steps, figures drawn and scores written as asked */
        COMPLETE,
        /** trained to its steps, but the figures or the scoring failed (noted in status.json); the run is complete */
        FINISHED_WITH_FAILURE,
        /** a loss term or parameter turned non-finite; the run keeps its last finite checkpoint */
        DIVERGED,
        /** stopped by a request (Ctrl-C, SIGTERM) after writing a checkpoint; resume continues it */
        INTERRUPTED,
        /** a resume of a complete run that asked for no more steps: nothing was done */
        ALREADY_COMPLETE
    }

    public RunOutcome {
        notes = Map.copyOf(notes);
    }
}
