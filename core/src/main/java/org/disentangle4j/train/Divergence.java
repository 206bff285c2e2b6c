package org.disentangle4j.train;

/**
 * Why and where training stopped on a non-finite value: a loss term of the step, or a parameter
 * (or optimiser moment) found non-finite when a checkpoint was due. The run keeps the checkpoint
 * of {@code checkpointStep}, the last one whose values were all finite.
 *
 * @param step the completed step at which the non-finite value was seen
 * @param cause what was not finite, e.g. {@code loss term 'recon' is NaN}
 * @param checkpointStep the step of the checkpoint kept on disk (and reloaded into the model)
 */
public record Divergence(long step, String cause, long checkpointStep) {

    /** A named loss term of the step is not finite. */
    static Divergence ofTerm(long step, String term, float value, long checkpointStep) {
        String what = Float.isNaN(value) ? "NaN" : value > 0 ? "+Infinity" : "-Infinity";
        return new Divergence(step, "loss term '" + term + "' is " + what, checkpointStep);
    }

    /** An array a checkpoint would have written ({@code param/…} or {@code opt/…}) is not finite. */
    static Divergence ofCheckpointArray(long step, String arrayName, long checkpointStep) {
        String what = arrayName.startsWith("param/") ? "parameter '" + arrayName.substring("param/".length()) + "'"
                : "optimiser state '" + arrayName + "'";
        return new Divergence(step, what + " is not finite", checkpointStep);
    }

    /** One line for the terminal, e.g. {@code diverged at step 37: loss term 'recon' is NaN; keeping the checkpoint of step 30}. */
    public String message() {
        return "diverged at step " + step + ": " + cause + "; keeping the checkpoint of step " + checkpointStep;
    }
}
