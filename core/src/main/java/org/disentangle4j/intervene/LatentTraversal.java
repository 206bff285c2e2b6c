package org.disentangle4j.intervene;

/**
 * Latent traversals: a base code with one dimension swept over evenly spaced values while the
 * others stay fixed.
 */
public final class LatentTraversal {
    private LatentTraversal() {}

    /**
     * Codes for a grid with one row per listed dimension: row r sweeps dimension {@code dims[r]}
     * over {@code steps} values from base − range to base + range.
     *
     * @param ranges half-width of the sweep of each dimension (indexed by dimension)
     * @return {@code dims.length · steps} codes of length base.length, row-major
     */
    public static float[] grid(float[] base, int[] dims, double[] ranges, int steps) {
        int d = base.length;
        float[] codes = new float[dims.length * steps * d];
        for (int r = 0; r < dims.length; r++) {
            int dim = dims[r];
            for (int s = 0; s < steps; s++) {
                int offset = (r * steps + s) * d;
                System.arraycopy(base, 0, codes, offset, d);
                double t = steps == 1 ? 0 : -1 + 2.0 * s / (steps - 1);
                codes[offset + dim] = (float) (base[dim] + t * ranges[dim]);
            }
        }
        return codes;
    }
}
