package org.disentangle4j.run;

import java.nio.file.Path;
import org.disentangle4j.metrics.ProgressListener;
import org.disentangle4j.metrics.SuiteResult;
import org.disentangle4j.train.TrainingListener;

/**
 * What a caller of {@link RunLifecycle} hears: training's progress, one line for a person at each
 * stage (the command line prints them to standard error), the scoring's progress and its result.
 * Every method does nothing by default.
 */
public interface RunEvents extends TrainingListener {
    /** A line about what happens or happened (training started, took so long, a figure failed, done). */
    default void say(String line) {}

    /** Progress of the scoring, while it runs. */
    default ProgressListener scoringProgress() {
        return ProgressListener.NONE;
    }

    /** The scoring is done (or failed): its progress display can go. */
    default void scoringEnded() {}

    /** The scores, written to {@code metricsFile}. */
    default void scored(SuiteResult result, Path metricsFile) {}
}
