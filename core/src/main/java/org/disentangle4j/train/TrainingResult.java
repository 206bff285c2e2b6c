package org.disentangle4j.train;

/**
 * How a call to {@link Trainer#train} ended.
 *
 * @param interrupted true when a stop was requested (Ctrl-C, SIGTERM) and a checkpoint was written
 * @param imagesPerSecond training throughput over this call's steps
 */
public record TrainingResult(long completedSteps, boolean interrupted, double seconds, double imagesPerSecond) {}
