package org.disentangle4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DSpritesTest {
    private static final int N = 64;
    private static final int SHAPE = 0, SCALE = 1, ORIENTATION = 2, POS_X = 3, POS_Y = 4;
    private final DSprites dsprites = new DSprites();

    private float[] render(int... factors) {
        float[] out = new float[N * N];
        dsprites.render(factors, out, 0);
        return out;
    }

    private static int area(float[] img) {
        int a = 0;
        for (float v : img) if (v > 0) a++;
        return a;
    }

    /** Mean column (x) and row (y) of the lit pixels. */
    private static double[] centroid(float[] img) {
        double sx = 0, sy = 0, n = 0;
        for (int y = 0; y < N; y++) {
            for (int x = 0; x < N; x++) {
                if (img[y * N + x] > 0) {
                    sx += x;
                    sy += y;
                    n++;
                }
            }
        }
        return new double[] {sx / n, sy / n};
    }

    @Test
    void factorSpaceMatchesTheOfficialDataset() {
        FactorSpace f = dsprites.factors();
        assertEquals(List.of("shape", "scale", "orientation", "posX", "posY"), f.names());
        assertArrayEquals(new int[] {3, 6, 40, 32, 32}, f.sizes());
        assertEquals(737_280, f.numCombinations());
        assertEquals(0.5, f.value(SCALE, 0), 1e-12);
        assertEquals(0.9, f.value(SCALE, 4), 1e-12);
        assertEquals(2 * Math.PI * 39 / 40, f.value(ORIENTATION, 39), 1e-12);
        assertEquals(1.0, f.value(POS_X, 31), 1e-12);
        assertArrayEquals(new int[] {1, 64, 64}, dsprites.observationShape());
    }

    @Test
    void posXMovesTheSpriteRightAndPosYMovesItDown() {
        for (int shape = 0; shape < 3; shape++) {
            for (int orientation : new int[] {0, 7, 23}) {
                double previousX = -1, previousY = -1;
                for (int p = 0; p < 32; p++) {
                    double[] alongX = centroid(render(shape, 3, orientation, p, 10));
                    double[] alongY = centroid(render(shape, 3, orientation, 10, p));
                    assertTrue(alongX[0] > previousX, "posX " + p + " shape " + shape);
                    assertTrue(alongY[1] > previousY, "posY " + p + " shape " + shape);
                    assertEquals(centroid(render(shape, 3, orientation, 0, 10))[1], alongX[1], 1e-9, "posX keeps the row");
                    assertEquals(centroid(render(shape, 3, orientation, 10, 0))[0], alongY[0], 1e-9, "posY keeps the column");
                    previousX = alongX[0];
                    previousY = alongY[1];
                }
            }
        }
        // 31 one-pixel steps: 64 pixels minus twice (15-pixel reach of the largest sprite + 1 black margin pixel)
        double travel = centroid(render(0, 0, 0, 31, 0))[0] - centroid(render(0, 0, 0, 0, 0))[0];
        assertEquals(64 - 2 * (15 + 1) - 1, travel, 1e-9);
    }

    @Test
    void scaleGrowsTheAreaRoughlyQuadratically() {
        for (int shape = 0; shape < 3; shape++) {
            for (int orientation = 0; orientation < 40; orientation += 3) {
                int previous = 0;
                for (int scale = 0; scale < 6; scale++) {
                    int a = area(render(shape, scale, orientation, 16, 16));
                    assertTrue(a > previous, "shape " + shape + " orientation " + orientation + " scale " + scale);
                    previous = a;
                }
                // scale 1 is twice scale 0.5 in length, so about four times the area
                double ratio = (double) area(render(shape, 5, orientation, 16, 16)) / area(render(shape, 0, orientation, 16, 16));
                assertEquals(4.0, ratio, 0.6, "area ratio, shape " + shape);
            }
        }
    }

    @Test
    void squareAtScaleOneHasItsExpectedSize() {
        // corners on a 14.5-pixel circle: half side 14.5/√2 ≈ 10.25, sampled at pixel centres → 21×21 pixels
        assertEquals(21 * 21, area(render(0, 5, 0, 16, 16)));
        // and at scale 0.5: half side ≈ 5.13 → 11×11
        assertEquals(11 * 11, area(render(0, 0, 0, 16, 16)));
    }

    @Test
    void theThreeShapesDiffer() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int trial = 0; trial < 20; trial++) {
            int[] f = dsprites.factors().sample(1, rng)[0];
            float[][] images = new float[3][];
            for (int shape = 0; shape < 3; shape++) {
                f[SHAPE] = shape;
                images[shape] = render(f);
            }
            for (int a = 0; a < 3; a++) {
                for (int b = a + 1; b < 3; b++) {
                    assertFalse(Arrays.equals(images[a], images[b]), "shapes " + a + "/" + b + " at " + Arrays.toString(f));
                }
            }
        }
    }

    @Test
    void orientationTurnsCounterClockwiseAsDisplayed() {
        // level 10 is a quarter turn; the heart's tip points down at 0 and must point right after it
        float[] upright = render(2, 5, 0, 16, 16), turned = render(2, 5, 10, 16, 16);
        double[] squareCentre = centroid(render(0, 5, 0, 16, 16)); // an upright square is centred on its centre pixel
        int c = (int) squareCentre[0];
        assertEquals(c, squareCentre[1], 1e-9);
        float[] counterClockwise = new float[N * N], clockwise = new float[N * N];
        for (int y = 0; y < N; y++) {
            for (int x = 0; x < N; x++) {
                if (upright[y * N + x] == 0) continue;
                int dx = x - c, dy = y - c;
                counterClockwise[(c - dx) * N + (c + dy)] = 1; // (dx, dy) → (dy, −dx) with y down
                clockwise[(c + dx) * N + (c - dy)] = 1;
            }
        }
        int matchCcw = mismatches(turned, counterClockwise), matchCw = mismatches(turned, clockwise);
        assertTrue(matchCcw <= 6, "differs from the counter-clockwise turn in " + matchCcw + " pixels");
        assertTrue(matchCw > 40, "the clockwise turn should not match, differs in " + matchCw);
    }

    private static int mismatches(float[] a, float[] b) {
        int n = 0;
        for (int i = 0; i < a.length; i++) if (a[i] != b[i]) n++;
        return n;
    }

    @Test
    void renderingIsDeterministicBinaryAndOverwritesTheBuffer() {
        int[][] factors = dsprites.factors().sample(200, new SplittableRandom(3));
        float[] batch = dsprites.render(factors);
        float[] again = new DSprites().render(factors);
        assertArrayEquals(batch, again);
        for (float v : batch) assertTrue(v == 0f || v == 1f, "pixel " + v);
        float[] dirty = new float[N * N + 5];
        Arrays.fill(dirty, 0.5f);
        dsprites.render(factors[0], dirty, 5);
        assertArrayEquals(Arrays.copyOfRange(batch, 0, N * N), Arrays.copyOfRange(dirty, 5, N * N + 5));
        assertEquals(0.5f, dirty[4]);
    }

    @Test
    void spriteNeverTouchesTheBorder() {
        for (int shape = 0; shape < 3; shape++) {
            for (int orientation = 0; orientation < 40; orientation++) {
                for (int x : new int[] {0, 31}) {
                    for (int y : new int[] {0, 31}) {
                        float[] img = render(shape, 5, orientation, x, y);
                        assertTrue(area(img) > 100, "sprite is drawn");
                        for (int i = 0; i < N; i++) {
                            String where = "shape " + shape + " orientation " + orientation + " pos " + x + "," + y;
                            assertEquals(0f, img[i], where);
                            assertEquals(0f, img[(N - 1) * N + i], where);
                            assertEquals(0f, img[i * N], where);
                            assertEquals(0f, img[i * N + N - 1], where);
                        }
                    }
                }
            }
        }
    }

    @Test
    void invalidFactorsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> render(3, 0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> render(0, 0, 0, 0));
    }
}
