package org.disentangle4j.train;

/**
 * A checkpoint was refused because an array to be written (a parameter or an optimiser moment)
 * holds NaN or ±infinity: such a checkpoint would replace the last good one with parameters that
 * can never train again. The file on disk is left as it was.
 */
public final class NonFiniteCheckpointException extends IllegalStateException {
    private final String arrayName;

    public NonFiniteCheckpointException(java.nio.file.Path file, String arrayName) {
        super("refused to write " + file + ": '" + arrayName + "' is not finite");
        this.arrayName = arrayName;
    }

    /** The checkpoint's name of the first non-finite array, e.g. {@code param/encoder/...}. */
    public String arrayName() {
        return arrayName;
    }
}
