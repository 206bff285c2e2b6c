package org.disentangle4j.data;

import java.awt.Color;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Procedural look-alike of DeepMind's 3D Shapes: an object standing on a floor in front of a
 * wall, 64×64 RGB. Factors (levels): floor_hue 10, wall_hue 10, object_hue 10 (hue 0 … 0.9 of a
 * fully saturated, full-value HSV colour, as in the official data), scale 8 (0.75 … 1.25),
 * shape 4 (cube, cylinder, sphere, capsule), orientation 15 (−30° … 30°, the camera orbiting
 * the object about the vertical axis); 480,000 combinations.
 *
 * <p>The geometry and shading of each (scale, shape, orientation) is ray-cast once, on first
 * use, into colour-free layers ({@link ShapesScene}); rendering an image only mixes the three hue
 * colours with those layers. Thread-safe: layers are immutable once published.
 */
public final class Shapes3D implements GroundTruthDataset {
    public static final String NAME = "shapes3d";
    /** Factor names, in the order of the factor vector and of the official file. */
    public static final List<String> FACTOR_NAMES =
            List.of("floor_hue", "wall_hue", "object_hue", "scale", "shape", "orientation");

    private static final int SIZE = ShapesScene.SIZE, PLANE = SIZE * SIZE;

    private final FactorSpace factors;
    private final AtomicReferenceArray<float[]> layers; // index (scale · shapes + shape) · orientations + orientation
    private final float[][] hueColours; // [level][rgb], the same table for floor, wall and object

    public Shapes3D() {
        double[] hues = FactorSpace.linspace(0, 1, 10, false);
        factors = new FactorSpace(FACTOR_NAMES, new double[][] {
                hues, hues, hues,
                FactorSpace.linspace(0.75, 1.25, 8, true),
                {0, 1, 2, 3}, // the official file's values for cube, cylinder, sphere, capsule
                FactorSpace.linspace(-30, 30, 15, true)}); // degrees, as in the official labels
        layers = new AtomicReferenceArray<>(factors.size(3) * factors.size(4) * factors.size(5));
        hueColours = new float[hues.length][];
        for (int i = 0; i < hues.length; i++) {
            int rgb = Color.HSBtoRGB((float) hues[i], 1f, 1f);
            hueColours[i] = new float[] {((rgb >> 16) & 0xFF) / 255f, ((rgb >> 8) & 0xFF) / 255f, (rgb & 0xFF) / 255f};
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
        return new int[] {3, SIZE, SIZE};
    }

    @Override
    public void render(int[] f, float[] out, int offset) {
        factors.validate(f);
        float[] layer = layers(f[3], f[4], f[5]);
        float[] floor = hueColours[f[0]], wall = hueColours[f[1]], object = hueColours[f[2]];
        for (int c = 0; c < 3; c++) {
            float fc = floor[c], wc = wall[c], oc = object[c];
            int o = offset + c * PLANE;
            for (int p = 0; p < PLANE; p++) {
                out[o + p] = fc * layer[p] + wc * layer[PLANE + p] + oc * layer[2 * PLANE + p];
            }
        }
    }

    private float[] layers(int scale, int shape, int orientation) {
        int index = (scale * factors.size(4) + shape) * factors.size(5) + orientation;
        float[] l = layers.get(index);
        if (l == null) {
            // two threads may both compute it; the result is deterministic, so either copy will do
            l = ShapesScene.layers(SceneObject.values()[shape], factors.value(3, scale),
                    Math.toRadians(factors.value(5, orientation)));
            layers.compareAndSet(index, null, l);
        }
        return l;
    }
}
