package org.disentangle4j.data;

import java.util.Arrays;

/**
 * A 96×96 RGB canvas over a square window of a 2-D scene, for the causal image datasets
 * ({@link Pendulum}, {@link Flow}): shapes are painted front over back with anti-aliasing
 * ({@value #SUPERSAMPLING}×{@value #SUPERSAMPLING} sub-pixel samples per pixel, each pixel
 * blending its colour by the covered fraction), then the canvas is down-sampled to 64×64 by area
 * averaging (each output pixel the mean of the 1.5×1.5 input pixels it covers). One canvas per
 * render call, so rendering is thread-safe.
 *
 * <p>Pixel coordinates are continuous: pixel (r, c) of the 96 grid covers [c, c+1) × [r, r+1);
 * scene y points up. A 64-pixel boundary coincides with a 96-pixel boundary at every 3rd
 * 96-pixel (2nd 64-pixel), so a shape that stays within whole 96-pixels 3k … 3m − 1 stays within
 * 64-pixels 2k … 2m − 1.
 */
final class SceneCanvas {
    static final int HI = 96, LO = 64;
    static final int SUPERSAMPLING = 4;

    private final double left, top, unitsPerPixel;
    private final float[] rgb = new float[3 * HI * HI];

    /** A white canvas showing x ∈ [left, left + width], y ∈ [top − width, top]. */
    SceneCanvas(double left, double top, double width) {
        this.left = left;
        this.top = top;
        this.unitsPerPixel = width / HI;
        Arrays.fill(rgb, 1f);
    }

    /** Continuous 96-grid column of scene x. */
    double column(double x) {
        return (x - left) / unitsPerPixel;
    }

    /** Continuous 96-grid row of scene y. */
    double row(double y) {
        return (top - y) / unitsPerPixel;
    }

    /** Scene length of {@code pixels} 96-grid pixels. */
    double units(double pixels) {
        return pixels * unitsPerPixel;
    }

    /** Point membership in 96-grid pixel coordinates (column, row). */
    @FunctionalInterface
    interface Shape {
        boolean contains(double column, double row);
    }

    /** How many of a pixel's sub-pixel samples a shape covers (0 … {@value #SUPERSAMPLING}²). */
    @FunctionalInterface
    interface Coverage {
        int samplesInside(int col, int row);
    }

    /**
     * Farther than this from a pixel's centre no sample of it lies, and then some: the corner samples
     * are 0.375·√2 ≈ 0.530 pixels away. The extra 0.01 is far beyond the rounding of the sample test.
     */
    private static final double SAMPLE_REACH = 0.54;

    /** A filled disc, centre and radius in scene units. */
    void disc(double x, double y, double radius, int[] colour) {
        double c = column(x), r = row(y), rp = radius / unitsPerPixel, r2 = rp * rp;
        paint(discCoverage(c, r, rp), c - rp, r - rp, c + rp, r + rp, colour);
    }

    /**
     * The disc's samples of a pixel: every sample point tested, except for pixels whose centre lies
     * so deep inside or outside that all their samples are on one side (most of a large disc's box).
     */
    static Coverage discCoverage(double c, double r, double rp) {
        double r2 = rp * rp;
        Shape disc = (pc, pr) -> (pc - c) * (pc - c) + (pr - r) * (pr - r) <= r2;
        double allInside = rp > SAMPLE_REACH ? (rp - SAMPLE_REACH) * (rp - SAMPLE_REACH) : -1;
        double allOutside = (rp + SAMPLE_REACH) * (rp + SAMPLE_REACH);
        return (col, row) -> {
            double dc = col + 0.5 - c, dr = row + 0.5 - r, d2 = dc * dc + dr * dr;
            if (d2 < allInside) return SUPERSAMPLING * SUPERSAMPLING;
            if (d2 > allOutside) return 0;
            return samplesInside(disc, col, row);
        };
    }

    /** An axis-aligned rectangle in scene units. */
    void rectangle(double x0, double y0, double x1, double y1, int[] colour) {
        double c0 = column(Math.min(x0, x1)), c1 = column(Math.max(x0, x1));
        double r0 = row(Math.max(y0, y1)), r1 = row(Math.min(y0, y1));
        paint(rectangleCoverage(c0, r0, c1, r1), c0, r0, c1, r1, colour);
    }

    /**
     * The rectangle [c0, c1) × [r0, r1)'s samples of a pixel: the test of a sample is a column test and
     * a row test, so the count is (samples columns inside) × (sample rows inside), each counted with
     * the same comparisons as a sample-by-sample test.
     */
    static Coverage rectangleCoverage(double c0, double r0, double c1, double r1) {
        return (col, row) -> {
            int columns = 0, rows = 0;
            for (int s = 0; s < SUPERSAMPLING; s++) {
                double pc = col + (s + 0.5) / SUPERSAMPLING, pr = row + (s + 0.5) / SUPERSAMPLING;
                if (pc >= c0 && pc < c1) columns++;
                if (pr >= r0 && pr < r1) rows++;
            }
            return columns * rows;
        };
    }

    /** The samples of pixel (col, row) inside a shape, each tested. */
    static int samplesInside(Shape shape, int col, int row) {
        int inside = 0;
        for (int sy = 0; sy < SUPERSAMPLING; sy++) {
            double pr = row + (sy + 0.5) / SUPERSAMPLING;
            for (int sx = 0; sx < SUPERSAMPLING; sx++) {
                if (shape.contains(col + (sx + 0.5) / SUPERSAMPLING, pr)) inside++;
            }
        }
        return inside;
    }

    /** A polyline through scene points (xs[i], ys[i]), {@code widthPixels} wide with round ends and joints. */
    void polyline(double[] xs, double[] ys, double widthPixels, int[] colour) {
        int n = xs.length;
        double[] c = new double[n], r = new double[n];
        double minC = Double.POSITIVE_INFINITY, maxC = Double.NEGATIVE_INFINITY;
        double minR = Double.POSITIVE_INFINITY, maxR = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            c[i] = column(xs[i]);
            r[i] = row(ys[i]);
            minC = Math.min(minC, c[i]);
            maxC = Math.max(maxC, c[i]);
            minR = Math.min(minR, r[i]);
            maxR = Math.max(maxR, r[i]);
        }
        double h = widthPixels / 2, h2 = h * h;
        // union of the segments on a grid of sub-pixel samples, each segment testing only its own box
        int colFrom = Math.max(0, (int) Math.floor(minC - h)), colTo = Math.min(HI - 1, (int) Math.floor(maxC + h));
        int rowFrom = Math.max(0, (int) Math.floor(minR - h)), rowTo = Math.min(HI - 1, (int) Math.floor(maxR + h));
        if (colFrom > colTo || rowFrom > rowTo) return;
        int w = (colTo - colFrom + 1) * SUPERSAMPLING, ht = (rowTo - rowFrom + 1) * SUPERSAMPLING;
        boolean[] inside = new boolean[w * ht];
        for (int i = 0; i < Math.max(1, n - 1); i++) {
            int j = Math.min(i + 1, n - 1);
            int sx0 = Math.max(0, (int) Math.floor((Math.min(c[i], c[j]) - h - colFrom) * SUPERSAMPLING));
            int sx1 = Math.min(w - 1, (int) Math.ceil((Math.max(c[i], c[j]) + h - colFrom) * SUPERSAMPLING));
            int sy0 = Math.max(0, (int) Math.floor((Math.min(r[i], r[j]) - h - rowFrom) * SUPERSAMPLING));
            int sy1 = Math.min(ht - 1, (int) Math.ceil((Math.max(r[i], r[j]) + h - rowFrom) * SUPERSAMPLING));
            for (int sy = sy0; sy <= sy1; sy++) {
                double pr = rowFrom + (sy + 0.5) / SUPERSAMPLING;
                for (int sx = sx0; sx <= sx1; sx++) {
                    double pc = colFrom + (sx + 0.5) / SUPERSAMPLING;
                    if (!inside[sy * w + sx] && squaredDistanceToSegment(pc, pr, c[i], r[i], c[j], r[j]) <= h2) inside[sy * w + sx] = true;
                }
            }
        }
        Shape union = (pc, pr) -> inside[(int) ((pr - rowFrom) * SUPERSAMPLING) * w + (int) ((pc - colFrom) * SUPERSAMPLING)];
        paint((col, row) -> samplesInside(union, col, row), colFrom, rowFrom, colTo + 0.5, rowTo + 0.5, colour);
    }

    static double squaredDistanceToSegment(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
        double ex = ax + t * dx - px, ey = ay + t * dy - py;
        return ex * ex + ey * ey;
    }

    /** Blends {@code colour} over every pixel of the bounding box by the fraction of its samples inside. */
    private void paint(Coverage shape, double c0, double r0, double c1, double r1, int[] colour) {
        int colFrom = Math.max(0, (int) Math.floor(c0)), colTo = Math.min(HI - 1, (int) Math.floor(c1));
        int rowFrom = Math.max(0, (int) Math.floor(r0)), rowTo = Math.min(HI - 1, (int) Math.floor(r1));
        int plane = HI * HI, samples = SUPERSAMPLING * SUPERSAMPLING;
        float red = colour[0] / 255f, green = colour[1] / 255f, blue = colour[2] / 255f;
        for (int row = rowFrom; row <= rowTo; row++) {
            for (int col = colFrom; col <= colTo; col++) {
                int inside = shape.samplesInside(col, row);
                if (inside == 0) continue;
                float cover = (float) inside / samples;
                int p = row * HI + col;
                rgb[p] = rgb[p] * (1 - cover) + cover * red;
                rgb[p + plane] = rgb[p + plane] * (1 - cover) + cover * green;
                rgb[p + 2 * plane] = rgb[p + 2 * plane] * (1 - cover) + cover * blue;
            }
        }
    }

    /**
     * Writes the 64×64 area average (channel-first) at {@code out[offset …]}: output pixel i covers
     * input [1.5 i, 1.5 i + 1.5), i.e. input pixels (3k, 3k+1 half) for i = 2k and (3k+1 half, 3k+2)
     * for i = 2k + 1, in both directions.
     */
    void downsample(float[] out, int offset) {
        float[] rows = new float[LO * HI];
        for (int ch = 0; ch < 3; ch++) {
            int in = ch * HI * HI;
            for (int i = 0; i < LO; i++) {
                int full = (i / 2) * 3 + (i % 2 == 0 ? 0 : 2), half = (i / 2) * 3 + 1;
                for (int col = 0; col < HI; col++) {
                    rows[i * HI + col] = (rgb[in + full * HI + col] + 0.5f * rgb[in + half * HI + col]) / 1.5f;
                }
            }
            int o = offset + ch * LO * LO;
            for (int i = 0; i < LO; i++) {
                // output columns 2k and 2k+1 share input column 3k+1 (half each)
                for (int k = 0; k < LO / 2; k++) {
                    int base = i * HI + 3 * k, at = o + i * LO + 2 * k;
                    float shared = 0.5f * rows[base + 1];
                    out[at] = (rows[base] + shared) / 1.5f;
                    out[at + 1] = (rows[base + 2] + shared) / 1.5f;
                }
            }
        }
    }

    /** Masks for row bands of a 64×64 RGB image: band b covers rows [bounds[b], bounds[b+1]) of every channel and column. */
    static float[][] rowBandMasks(int... bounds) {
        float[][] masks = new float[bounds.length - 1][3 * LO * LO];
        for (int b = 0; b + 1 < bounds.length; b++) {
            for (int ch = 0; ch < 3; ch++) {
                Arrays.fill(masks[b], ch * LO * LO + bounds[b] * LO, ch * LO * LO + bounds[b + 1] * LO, 1f);
            }
        }
        return masks;
    }
}
