package org.disentangle4j.metrics;

/**
 * Reconstruction RMSE as the additive-decoder reference reports it: the root of the mean squared
 * difference over every pixel value of every image, with images and reconstructions clamped to
 * [0, 1] first. Accumulates chunk by chunk, so a large test set never has to be held at once.
 */
public final class ReconstructionRmse {
    private double sum;
    private long count;

    /** Adds observations and their reconstructions (the same layout and length). */
    public void add(float[] observations, float[] reconstructions) {
        if (observations.length != reconstructions.length) {
            throw new IllegalArgumentException(reconstructions.length + " reconstructed values for " + observations.length + " observed");
        }
        double s = 0;
        for (int i = 0; i < observations.length; i++) {
            double diff = clamp(reconstructions[i]) - clamp(observations[i]);
            s += diff * diff;
        }
        sum += s;
        count += observations.length;
    }

    /** The RMSE of everything added; NaN when nothing was. */
    public double value() {
        return count == 0 ? Double.NaN : Math.sqrt(sum / count);
    }

    /** The RMSE of one set of observations and reconstructions. */
    public static double of(float[] observations, float[] reconstructions) {
        ReconstructionRmse r = new ReconstructionRmse();
        r.add(observations, reconstructions);
        return r.value();
    }

    private static double clamp(float v) {
        return v < 0 ? 0 : v > 1 ? 1 : v;
    }
}
