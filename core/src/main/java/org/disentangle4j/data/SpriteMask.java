package org.disentangle4j.data;

import java.util.Arrays;

/**
 * One rasterised sprite (shape, size, rotation) stored as horizontal runs of lit pixels, relative
 * to the sprite's centre pixel; drawing it is a few {@link Arrays#fill} calls.
 */
final class SpriteMask {
    private final int[] runStart; // offset of the run's first pixel from the centre pixel, row-major
    private final int[] runLength;

    private SpriteMask(int[] runStart, int[] runLength) {
        this.runStart = runStart;
        this.runLength = runLength;
    }

    /**
     * Samples the shape at pixel centres (no anti-aliasing): pixel (dx, dy) from the centre is lit
     * when the shape, scaled to {@code radius} pixels and turned counter-clockwise (as displayed)
     * by {@code angle}, covers it.
     *
     * @param rowStride pixels per image row, to turn (dx, dy) into one offset
     */
    static SpriteMask rasterize(SpriteShape shape, double radius, double angle, int rowStride) {
        int reach = (int) Math.ceil(radius);
        double cos = Math.cos(angle), sin = Math.sin(angle);
        int[] starts = new int[4 * (2 * reach + 1)];
        int[] lengths = new int[starts.length];
        int runs = 0;
        for (int dy = -reach; dy <= reach; dy++) {
            int runFrom = Integer.MIN_VALUE;
            for (int dx = -reach; dx <= reach + 1; dx++) {
                // rotate the pixel back by the sprite's angle (y points down, so the signs differ from maths)
                boolean lit = dx <= reach
                        && shape.contains((dx * cos - dy * sin) / radius, (dx * sin + dy * cos) / radius);
                if (lit && runFrom == Integer.MIN_VALUE) runFrom = dx;
                if (!lit && runFrom != Integer.MIN_VALUE) {
                    if (runs == starts.length) {
                        starts = Arrays.copyOf(starts, 2 * runs);
                        lengths = Arrays.copyOf(lengths, 2 * runs);
                    }
                    starts[runs] = dy * rowStride + runFrom;
                    lengths[runs++] = dx - runFrom;
                    runFrom = Integer.MIN_VALUE;
                }
            }
        }
        return new SpriteMask(Arrays.copyOf(starts, runs), Arrays.copyOf(lengths, runs));
    }

    /** Sets the sprite's pixels to 1 around {@code out[centre]}; the caller keeps it inside the image. */
    void draw(float[] out, int centre) {
        for (int r = 0; r < runStart.length; r++) {
            int from = centre + runStart[r];
            Arrays.fill(out, from, from + runLength[r], 1f);
        }
    }
}
