package org.disentangle4j.metrics.support;

import org.disentangle4j.metrics.ProgressListener;

/**
 * Counts the finished units of one task, from any number of threads, and tells a
 * {@link ProgressListener} every new count in increasing order (reports are made under one lock,
 * so a listener never sees the count go back). It reports 0 of the total when made, so that a
 * progress bar shows as soon as the task starts rather than when its first unit is done.
 */
public final class ProgressCounter {
    private final ProgressListener listener;
    private final String task;
    private final long total;
    private long done;

    /** Starts a task of {@code total} units (at least 1) and reports 0 of them. */
    public ProgressCounter(ProgressListener listener, String task, long total) {
        if (total < 1) throw new IllegalArgumentException("a task needs at least one unit, got " + total);
        this.listener = listener;
        this.task = task;
        this.total = total;
        listener.progress(task, 0, total);
    }

    /** Adds finished units and reports the new count (never beyond the total). */
    public synchronized void add(long units) {
        done = Math.min(total, done + units);
        listener.progress(task, done, total);
    }

    /** Reports the whole task done. */
    public synchronized void finish() {
        add(total - done);
    }
}
