package org.disentangle4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Shapes3DTest {
    private static final int PLANE = 64 * 64;
    private final Shapes3D shapes = new Shapes3D();

    private float[] render(int... f) {
        float[] out = new float[3 * PLANE];
        shapes.render(f, out, 0);
        return out;
    }

    /** Pixels where some channel differs by more than 0.1 (a visible change). */
    private static int visiblyChangedPixels(float[] a, float[] b) {
        int n = 0;
        for (int p = 0; p < PLANE; p++) {
            for (int c = 0; c < 3; c++) {
                if (Math.abs(a[c * PLANE + p] - b[c * PLANE + p]) > 0.1f) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }

    @Test
    void factorSpaceMatchesTheOfficialDataset() {
        FactorSpace f = shapes.factors();
        assertEquals(List.of("floor_hue", "wall_hue", "object_hue", "scale", "shape", "orientation"), f.names());
        assertArrayEquals(new int[] {10, 10, 10, 8, 4, 15}, f.sizes());
        assertEquals(480_000, f.numCombinations());
        assertEquals(0.9, f.value(0, 9), 1e-12);
        assertEquals(0.75, f.value(3, 0), 1e-12);
        assertEquals(1.25, f.value(3, 7), 1e-12);
        assertEquals(-30, f.value(5, 0), 1e-12);
        assertEquals(30, f.value(5, 14), 1e-12);
        assertArrayEquals(new int[] {3, 64, 64}, shapes.observationShape());
    }

    @Test
    void everySingleFactorStepVisiblyChangesTheImage() {
        SplittableRandom rng = new SplittableRandom(11);
        int[][] bases = shapes.factors().sample(6, rng);
        bases[0] = new int[] {0, 0, 0, 0, 2, 7}; // same hue everywhere, small sphere, camera straight on
        for (int[] base : bases) {
            float[] reference = render(base);
            for (int factor = 0; factor < 6; factor++) {
                int[] changed = base.clone();
                // the neighbouring level: the smallest change the factor can make
                changed[factor] = base[factor] + 1 < shapes.factors().size(factor) ? base[factor] + 1 : base[factor] - 1;
                int pixels = visiblyChangedPixels(reference, render(changed));
                assertTrue(pixels >= 10, shapes.factors().name(factor) + " from " + Arrays.toString(base)
                        + " changes only " + pixels + " pixels");
            }
        }
    }

    @Test
    void huesAreFullySaturatedColoursOfTheirLevel() {
        // hue 0 (red) floor, hue 1/3 (level 3.33 → level 3 is 108°, green) wall: the bottom-left pixel is floor,
        // the top-left pixel is wall
        float[] img = render(0, 3, 6, 0, 0, 7);
        float r = img[63 * 64], g = img[PLANE + 63 * 64], b = img[2 * PLANE + 63 * 64];
        assertTrue(r > 0.5f && g == 0f && b == 0f, "red floor: " + r + "," + g + "," + b);
        float wr = img[0], wg = img[PLANE], wb = img[2 * PLANE];
        // HSV hue 108°: green is the largest channel, red is 0.2 of it, blue is zero
        assertTrue(wg > 0.5f && wb == 0f, "green wall: " + wr + "," + wg + "," + wb);
        assertEquals(0.2f, wr / wg, 0.01f);
    }

    @Test
    void pixelsStayInUnitRangeAndRenderingIsDeterministic() {
        int[][] f = shapes.factors().sample(40, new SplittableRandom(5));
        float[] a = shapes.render(f);
        float[] b = new Shapes3D().render(f);
        assertArrayEquals(a, b);
        for (float v : a) assertTrue(v >= 0f && v <= 1f, "pixel " + v);
    }

    @Test
    void largerScaleCoversMoreObjectPixels() {
        // floor and wall share hue 0, the object has hue 5 (cyan): count pixels that are more blue than red
        for (int shape = 0; shape < 4; shape++) {
            int previous = 0;
            for (int scale = 0; scale < 8; scale++) {
                float[] img = render(0, 0, 5, scale, shape, 7);
                int objectPixels = 0;
                for (int p = 0; p < PLANE; p++) if (img[2 * PLANE + p] > img[p]) objectPixels++;
                assertTrue(objectPixels > previous, "shape " + shape + " scale " + scale);
                previous = objectPixels;
            }
        }
    }
}
