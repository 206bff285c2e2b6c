package org.disentangle4j.data;

import java.util.Arrays;
import java.util.List;

/**
 * Procedural dSprites: a white square, ellipse or heart on a black 64×64 canvas, binary, no
 * anti-aliasing. Factors (levels): shape 3, scale 6 (0.5 … 1), orientation 40 (0 … 2π, end
 * excluded), posX 32 and posY 32 (0 … 1); 737,280 combinations, as in the official dataset.
 *
 * <p>Geometry: at scale 1 a sprite lies within a disk of 14.5 pixels around its centre pixel (the
 * square's corners touch that circle). posX moves the centre right and posY moves it <em>down</em>
 * (posY is the row coordinate, 0 = top), one pixel per level from pixel 16 to 47, so every sprite
 * keeps at least one black pixel to the frame at every scale and orientation. Orientation turns
 * the sprite counter-clockwise as displayed.
 *
 * <p>All 720 (shape, scale, orientation) masks are rasterised once in the constructor; rendering
 * clears the image and draws a mask at the position. Immutable, so thread-safe.
 */
public final class DSprites implements GroundTruthDataset {
    public static final String NAME = "dsprites";
    /** Factor names, in the order of the factor vector (and of the official file minus colour). */
    public static final List<String> FACTOR_NAMES = List.of("shape", "scale", "orientation", "posX", "posY");

    static final int SIZE = 64;
    static final double FULL_RADIUS = 14.5;
    static final int FIRST_CENTRE = 16; // 1 + ⌈radius⌉: one black pixel of margin
    // radius and range are chosen so that each scale level adds at least one pixel to every side of
    // the square (0.1 · 14.5 / √2 > 1) and each position level moves exactly one pixel
    static final int LAST_CENTRE = SIZE - 1 - FIRST_CENTRE;

    private final FactorSpace factors;
    private final SpriteMask[] masks; // index (shape · scales + scale) · orientations + orientation
    private final int[] centreOfPosition;

    public DSprites() {
        factors = new FactorSpace(FACTOR_NAMES, new double[][] {
                {1, 2, 3}, // the official file's values for square, ellipse, heart
                FactorSpace.linspace(0.5, 1.0, 6, true),
                FactorSpace.linspace(0, 2 * Math.PI, 40, false),
                FactorSpace.linspace(0, 1, 32, true),
                FactorSpace.linspace(0, 1, 32, true)});
        SpriteShape[] shapes = SpriteShape.values();
        int scales = factors.size(1), orientations = factors.size(2);
        masks = new SpriteMask[shapes.length * scales * orientations];
        for (int sh = 0; sh < shapes.length; sh++) {
            for (int sc = 0; sc < scales; sc++) {
                for (int o = 0; o < orientations; o++) {
                    masks[(sh * scales + sc) * orientations + o] = SpriteMask.rasterize(
                            shapes[sh], FULL_RADIUS * factors.value(1, sc), factors.value(2, o), SIZE);
                }
            }
        }
        int positions = factors.size(3);
        centreOfPosition = new int[positions];
        for (int k = 0; k < positions; k++) {
            centreOfPosition[k] = (int) Math.round(FIRST_CENTRE + (LAST_CENTRE - FIRST_CENTRE) * (double) k / (positions - 1));
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public FactorSpace factors() {
        return factors;
    }

    @Override
    public int[] observationShape() {
        return new int[] {1, SIZE, SIZE};
    }

    @Override
    public void render(int[] f, float[] out, int offset) {
        factors.validate(f);
        Arrays.fill(out, offset, offset + SIZE * SIZE, 0f);
        SpriteMask mask = masks[(f[0] * factors.size(1) + f[1]) * factors.size(2) + f[2]];
        mask.draw(out, offset + centreOfPosition[f[4]] * SIZE + centreOfPosition[f[3]]);
    }
}
