package org.disentangle4j.metrics;

/** A metric cannot be computed for this input; the message says why (one line). */
public class MetricNotApplicableException extends RuntimeException {
    public MetricNotApplicableException(String reason) {
        super(reason);
    }
}
