package org.disentangle4j.data;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The Balls datasets of additive decoders (Lachapelle et al. 2023): two balls of radius 10 px,
 * colours (2, 156, 154) and (222, 100, 100), on a white 64×64 RGB canvas; a ball at position
 * (x, y) ∈ [0, 1]² has its centre at column 64·x and row 64·(1 − y) (y points up), both in
 * continuous pixel coordinates where pixel (r, c) covers [c, c+1) × [r, r+1). Pixels are
 * anti-aliased: each pixel blends white and the ball's colour by the fraction of its 4×4
 * sub-pixel samples inside the ball, so an image of non-overlapping balls is exactly white plus
 * one term per ball, the sum an additive decoder can represent.
 *
 * <p><b>Discretisation.</b> The latents are continuous in the reference; here each coordinate
 * takes {@value #LEVELS} levels, the midpoints of {@value #LEVELS} equal cells of [0.1, 0.9]
 * (0.10625, 0.11875, …, 0.89375): 0.0125 apart, 0.8 px on the canvas, so every level renders
 * differently and the metric suite's discrete factors still work. {@link FactorSpace#value}
 * gives these true values. 0.5 is a cell boundary (levels 0–31 lie below it, 32–63 above), so
 * the reference's U(0.1, 0.5) and U(0.5, 0.9) are exactly the lower and upper 32 levels.
 *
 * <p>Variants (the training distribution is {@link #sampleFactors}):
 * <ul>
 *   <li>{@code balls-scalar} (ScalarLatents): factors y1, y2; x fixed at 0.25 and 0.75. y1 is
 *   uniform; y2 is uniform if y1 < 0.5, else uniform below 0.5: an L-shaped support. The square
 *   y1, y2 ≥ 0.5 is never trained on; {@link #outOfSupport} samples it uniformly.
 *   <li>{@code balls-block-independent}: factors x1, y1, x2, y2 uniform, redrawn while the
 *   centres are closer than two radii (20 px).
 *   <li>{@code balls-block-dependent}: x1, y1 uniform; if x1 + y1 ≥ 1 then x2 < 0.5 and
 *   y2 ≥ 0.5, else x2 ≥ 0.5 and y2 < 0.5 (each uniform on its half); the same redraw.
 * </ul>
 * Immutable, so thread-safe.
 */
public final class Balls implements GroundTruthDataset {
    public static final String SCALAR = "balls-scalar";
    public static final String BLOCK_INDEPENDENT = "balls-block-independent";
    public static final String BLOCK_DEPENDENT = "balls-block-dependent";

    public static final int SIZE = 64;
    public static final double RADIUS = 10;
    /** Levels of each coordinate. */
    public static final int LEVELS = 64;
    public static final double LOW = 0.1;
    public static final double HIGH = 0.9;
    /** The fixed x of the two balls of ScalarLatents. */
    public static final double SCALAR_X1 = 0.25, SCALAR_X2 = 0.75;
    /** Ball colours, RGB in 0 … 255. */
    public static final int[][] COLOURS = {{2, 156, 154}, {222, 100, 100}};
    /** Sub-pixel samples per pixel side for anti-aliasing. */
    static final int SUPERSAMPLING = 4;
    /** Level index of the first value above 0.5. */
    static final int HALF = LEVELS / 2;

    private enum Variant { SCALAR, INDEPENDENT, DEPENDENT }

    private final String name;
    private final Variant variant;
    private final FactorSpace factors;

    private Balls(String name, Variant variant) {
        this.name = name;
        this.variant = variant;
        double[] levels = levelValues();
        this.factors = variant == Variant.SCALAR
                ? new FactorSpace(List.of("y1", "y2"), new double[][] {levels, levels})
                : new FactorSpace(List.of("x1", "y1", "x2", "y2"), new double[][] {levels, levels, levels, levels});
    }

    /** ScalarLatents with its L-shaped training support. */
    public static Balls scalar() {
        return new Balls(SCALAR, Variant.SCALAR);
    }

    /** BlockLatents with independent ball positions. */
    public static Balls blockIndependent() {
        return new Balls(BLOCK_INDEPENDENT, Variant.INDEPENDENT);
    }

    /** BlockLatents where the second ball's quadrant depends on the first ball. */
    public static Balls blockDependent() {
        return new Balls(BLOCK_DEPENDENT, Variant.DEPENDENT);
    }

    /** The {@value #LEVELS} values of a coordinate: cell midpoints of [0.1, 0.9]. */
    static double[] levelValues() {
        double[] v = new double[LEVELS];
        for (int i = 0; i < LEVELS; i++) v[i] = LOW + (i + 0.5) * (HIGH - LOW) / LEVELS;
        return v;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public FactorSpace factors() {
        return factors;
    }

    @Override
    public int[] observationShape() {
        return new int[] {3, SIZE, SIZE};
    }

    @Override
    public Optional<int[][]> latentBlocks() {
        return Optional.of(variant == Variant.SCALAR ? new int[][] {{0}, {1}} : new int[][] {{0, 1}, {2, 3}});
    }

    @Override
    public int[][] sampleFactors(int n, RandomGenerator rng) {
        int[][] out = new int[n][];
        for (int i = 0; i < n; i++) {
            out[i] = switch (variant) {
                case SCALAR -> {
                    int y1 = rng.nextInt(LEVELS);
                    yield new int[] {y1, y1 < HALF ? rng.nextInt(LEVELS) : rng.nextInt(HALF)};
                }
                case INDEPENDENT -> {
                    int[] f;
                    do {
                        f = new int[] {rng.nextInt(LEVELS), rng.nextInt(LEVELS), rng.nextInt(LEVELS), rng.nextInt(LEVELS)};
                    } while (overlapping(f));
                    yield f;
                }
                case DEPENDENT -> {
                    int[] f;
                    do {
                        int x1 = rng.nextInt(LEVELS), y1 = rng.nextInt(LEVELS);
                        boolean upperLeft = factors.value(0, x1) + factors.value(1, y1) >= 1;
                        int x2 = upperLeft ? rng.nextInt(HALF) : HALF + rng.nextInt(HALF);
                        int y2 = upperLeft ? HALF + rng.nextInt(HALF) : rng.nextInt(HALF);
                        f = new int[] {x1, y1, x2, y2};
                    } while (overlapping(f));
                    yield f;
                }
            };
        }
        return out;
    }

    /** ScalarLatents: y1 and y2 uniform on [0.5, 0.9), the corner the L-shaped support leaves out. */
    @Override
    public Optional<FactorSampler> outOfSupport() {
        if (variant != Variant.SCALAR) return Optional.empty();
        return Optional.of((n, rng) -> {
            int[][] out = new int[n][];
            for (int i = 0; i < n; i++) out[i] = new int[] {HALF + rng.nextInt(HALF), HALF + rng.nextInt(HALF)};
            return out;
        });
    }

    /** Whether a ScalarLatents factor vector lies in the out-of-support square (both y ≥ 0.5). */
    public static boolean inOutOfSupportSquare(int[] scalarFactors) {
        return scalarFactors[0] >= HALF && scalarFactors[1] >= HALF;
    }

    /** Whether the two centres are closer than two radii, on the canvas. */
    boolean overlapping(int[] f) {
        double[] c = centres(f);
        return Math.hypot(c[0] - c[2], c[1] - c[3]) < 2 * RADIUS;
    }

    /** (column, row) of ball 1 then ball 2 in pixel coordinates. */
    public double[] centres(int[] f) {
        double x1, y1, x2, y2;
        if (variant == Variant.SCALAR) {
            x1 = SCALAR_X1;
            y1 = factors.value(0, f[0]);
            x2 = SCALAR_X2;
            y2 = factors.value(1, f[1]);
        } else {
            x1 = factors.value(0, f[0]);
            y1 = factors.value(1, f[1]);
            x2 = factors.value(2, f[2]);
            y2 = factors.value(3, f[3]);
        }
        return new double[] {SIZE * x1, SIZE * (1 - y1), SIZE * x2, SIZE * (1 - y2)};
    }

    @Override
    public void render(int[] f, float[] out, int offset) {
        factors.validate(f);
        int plane = SIZE * SIZE;
        Arrays.fill(out, offset, offset + 3 * plane, 1f);
        double[] c = centres(f);
        for (int ball = 0; ball < 2; ball++) drawBall(c[2 * ball], c[2 * ball + 1], COLOURS[ball], out, offset);
    }

    /** Blends one ball over what is there (a later ball covers an earlier one where they overlap). */
    private static void drawBall(double cx, double cy, int[] colour, float[] out, int offset) {
        int plane = SIZE * SIZE;
        int c0 = Math.max(0, (int) Math.floor(cx - RADIUS)), c1 = Math.min(SIZE - 1, (int) Math.floor(cx + RADIUS));
        int r0 = Math.max(0, (int) Math.floor(cy - RADIUS)), r1 = Math.min(SIZE - 1, (int) Math.floor(cy + RADIUS));
        double r2 = RADIUS * RADIUS;
        int samples = SUPERSAMPLING * SUPERSAMPLING;
        for (int r = r0; r <= r1; r++) {
            for (int col = c0; col <= c1; col++) {
                int inside = 0;
                for (int sy = 0; sy < SUPERSAMPLING; sy++) {
                    double dy = r + (sy + 0.5) / SUPERSAMPLING - cy;
                    for (int sx = 0; sx < SUPERSAMPLING; sx++) {
                        double dx = col + (sx + 0.5) / SUPERSAMPLING - cx;
                        if (dx * dx + dy * dy <= r2) inside++;
                    }
                }
                if (inside == 0) continue;
                float cover = (float) inside / samples;
                int p = offset + r * SIZE + col;
                for (int ch = 0; ch < 3; ch++) {
                    int q = p + ch * plane;
                    out[q] = out[q] * (1 - cover) + cover * (colour[ch] / 255f);
                }
            }
        }
    }
}
