package org.disentangle4j.metrics.classify;

/**
 * A classifier was asked to fit labels that take a single value: nothing to tell apart. Raised
 * when a metric's training points are too few (or too uniform) for one of its factors; the suite
 * reports that metric as not applicable to these points.
 */
public final class TooFewClassesException extends IllegalArgumentException {
    public TooFewClassesException() {
        super("a classifier needs at least two classes");
    }
}
