package org.disentangle4j.metrics;

/**
 * Told how far a long computation has come, so that a caller (the command line) can draw a
 * progress bar. Called from the computing thread; implementations must be cheap.
 */
@FunctionalInterface
public interface ProgressListener {

    /** Ignores all progress. */
    ProgressListener NONE = (task, done, total) -> {};

    /**
     * @param task short name of what is running, e.g. {@code "dci"} or {@code "encoding"}
     * @param done units finished so far within {@code task}
     * @param total units {@code task} has in all
     */
    void progress(String task, long done, long total);
}
