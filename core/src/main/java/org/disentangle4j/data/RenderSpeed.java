package org.disentangle4j.data;

import java.util.SplittableRandom;

/**
 * Measures how many observations per second a dataset renders on the calling thread, for the
 * bench command and for choosing how many producer threads training needs.
 */
public final class RenderSpeed {
    private RenderSpeed() {}

    /**
     * Renders {@code count} uniformly sampled observations into one reused buffer, after an
     * untimed pass over the same factors (JIT warm-up and any lazily built tables).
     */
    public static double imagesPerSecond(GroundTruthDataset dataset, int count, long seed) {
        int[][] factors = dataset.sampleFactors(count, new SplittableRandom(seed));
        float[] out = new float[dataset.observationSize()];
        for (int[] f : factors) dataset.render(f, out, 0);
        long start = System.nanoTime();
        for (int[] f : factors) dataset.render(f, out, 0);
        return count / ((System.nanoTime() - start) / 1e9);
    }
}
