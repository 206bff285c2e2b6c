package org.disentangle4j.model;

/**
 * How the trainer draws a step's batch ({@link Model#batchSampling}).
 *
 * @param pairs whether each observation comes with a partner: a second observation drawn
 *     independently from the same distribution ({@link Batch#partners}), for methods that learn
 *     from pairs (e.g. symmetries between two codes)
 * @param labelledFraction the fraction of each batch whose factors the method may read
 *     ({@link Batch#labelled}); 0 for unsupervised methods, 1 when every label may be used
 */
public record BatchSampling(boolean pairs, double labelledFraction) {
    /** I.i.d. observations, no pairs, no labels. */
    public static final BatchSampling IID = new BatchSampling(false, 0);

    public BatchSampling {
        if (!(labelledFraction >= 0 && labelledFraction <= 1)) {
            throw new IllegalArgumentException("a labelled fraction is in [0, 1], got " + labelledFraction);
        }
    }

    /** I.i.d. pairs of observations. */
    public static BatchSampling pairsOf() {
        return new BatchSampling(true, 0);
    }

    /** I.i.d. observations of which a fraction is labelled. */
    public static BatchSampling labelled(double fraction) {
        return new BatchSampling(false, fraction);
    }
}
