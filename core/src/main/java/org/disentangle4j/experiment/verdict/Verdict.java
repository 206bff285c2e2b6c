package org.disentangle4j.experiment.verdict;

import java.util.Locale;

/** What the seeds say about a claim. */
public enum Verdict {
    /** The difference is significant and goes the way the claim expects. */
    HOLDS,
    /** The difference is significant and goes the other way. */
    AGAINST,
    /** No significant difference, or too few seeds to test. */
    INCONCLUSIVE;

    /** {@code holds}, {@code against} or {@code inconclusive}: the word the report uses. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
