package org.disentangle4j.train;

import java.util.Map;

/** Hears about training progress (the command line draws its progress bar from it). */
public interface TrainingListener {
    /** Before the first step; {@code completedSteps} > 0 when resuming. */
    default void started(long completedSteps, long totalSteps) {}

    /** After every step, with that step's loss terms and the recent throughput. */
    default void stepped(long completedSteps, Map<String, Float> terms, double imagesPerSecond) {}

    /** After a checkpoint was written. */
    default void checkpointed(long completedSteps) {}

    /** A stop was requested (Ctrl-C, SIGTERM) and the checkpoint of this step is written. */
    default void interrupted(long completedSteps) {}
}
