package org.disentangle4j.train;

/**
 * What a run does once its steps are trained, kept in {@code config.json} beside the training
 * config so that a resumed run finishes the way it was started: whether it draws its figures,
 * whether it is scored, with which metrics and votes.
 *
 * @param metrics the metric selection as given ({@code all} or names separated by commas)
 * @param votes the training and evaluation votes of the interventional scores, {@code TRAIN,EVAL}
 */
public record AfterTraining(boolean figures, boolean evaluate, String metrics, String votes) {
    /** The key of this record in {@code config.json}. */
    static final String KEY = "after_training";

    public AfterTraining withFigures(boolean figures) {
        return new AfterTraining(figures, evaluate, metrics, votes);
    }

    public AfterTraining withEvaluate(boolean evaluate) {
        return new AfterTraining(figures, evaluate, metrics, votes);
    }

    public AfterTraining withMetrics(String metrics) {
        return new AfterTraining(figures, evaluate, metrics, votes);
    }

    public AfterTraining withVotes(String votes) {
        return new AfterTraining(figures, evaluate, metrics, votes);
    }

    /**
     * What a resumed run is asked to finish differently; each null field keeps the saved choice.
     * Naming metrics asks for scoring unless {@code evaluate} says otherwise.
     */
    public record Change(Boolean figures, Boolean evaluate, String metrics, String votes) {
        /** Finish as started. */
        public static final Change NONE = new Change(null, null, null, null);

        /** Score with these metrics (and votes, when not null). */
        public static Change scoring(String metrics, String votes) {
            return new Change(null, true, metrics, votes);
        }

        public AfterTraining applyTo(AfterTraining saved) {
            AfterTraining after = saved;
            if (metrics != null) after = after.withMetrics(metrics).withEvaluate(true);
            if (votes != null) after = after.withVotes(votes);
            if (evaluate != null) after = after.withEvaluate(evaluate);
            if (figures != null) after = after.withFigures(figures);
            return after;
        }
    }
}
