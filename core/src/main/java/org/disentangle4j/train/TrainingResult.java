package org.disentangle4j.train;

/**
 * How a call to {@link Trainer#train} ended.
 *
 * @param completedSteps steps trained (for a diverged run: up to and including the diverged step)
 * @param interrupted true when a stop was requested (Ctrl-C, SIGTERM) and a checkpoint was written
 * @param imagesPerSecond training throughput over this call's steps
 * @param divergence why training stopped on a non-finite value, or null when it did not; the
 *     model then holds the parameters of the checkpoint it kept
 */
public record TrainingResult(long completedSteps, boolean interrupted, double seconds, double imagesPerSecond, Divergence divergence) {

    public boolean diverged() {
        return divergence != null;
    }
}
