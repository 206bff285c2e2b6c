package org.disentangle4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BallsTest {
    private static final int PLANE = 64 * 64;

    /**
     * Coverage-weighted centroid (column, row) and area of one ball, read from the channel where its
     * colour is farthest from white, over the columns [colFrom, colTo) and rows [rowFrom, rowTo).
     */
    private static double[] centroid(float[] image, int ball, int colFrom, int colTo) {
        return centroid(image, ball, colFrom, colTo, 0, 64);
    }

    private static double[] centroid(float[] image, int ball, int colFrom, int colTo, int rowFrom, int rowTo) {
        int[] colour = Balls.COLOURS[ball];
        int channel = 0;
        for (int c = 1; c < 3; c++) if (colour[c] < colour[channel]) channel = c;
        double white = 1 - colour[channel] / 255.0;
        double sum = 0, sc = 0, sr = 0;
        for (int r = rowFrom; r < rowTo; r++) {
            for (int c = colFrom; c < colTo; c++) {
                double cover = (1 - image[channel * PLANE + r * 64 + c]) / white;
                sum += cover;
                sc += cover * (c + 0.5);
                sr += cover * (r + 0.5);
            }
        }
        return new double[] {sc / sum, sr / sum, sum};
    }

    @Test
    void levelsAreCellMidpointsOfTheRangeWithOneHalfAsABoundary() {
        FactorSpace f = Balls.scalar().factors();
        assertEquals(2, f.numFactors());
        assertEquals(64, f.size(0));
        assertEquals(0.10625, f.value(0, 0), 1e-12);
        assertEquals(0.89375, f.value(1, 63), 1e-12);
        assertTrue(f.value(0, 31) < 0.5 && f.value(0, 32) > 0.5);
        assertEquals(4, Balls.blockDependent().factors().numFactors());
    }

    @Test
    void scalarBallsSitAtTheirFixedColumnsAndTheirYMeasuredUpwards() {
        Balls balls = Balls.scalar();
        float[] image = balls.render(new int[][] {{40, 10}});
        double y1 = 0.1 + 40.5 * 0.8 / 64, y2 = 0.1 + 10.5 * 0.8 / 64; // 0.60625, 0.23125
        double[] a = centroid(image, 0, 0, 32);
        double[] b = centroid(image, 1, 32, 64);
        assertEquals(16, a[0], 0.02);
        assertEquals(64 * (1 - y1), a[1], 0.02); // row 25.2: the higher ball is nearer the top
        assertEquals(48, b[0], 0.02);
        assertEquals(64 * (1 - y2), b[1], 0.02); // row 49.2
        // area of a disc of radius 10, up to the 4×4 sampling of the edge
        assertEquals(Math.PI * 100, a[2], 3);
        assertEquals(Math.PI * 100, b[2], 3);
    }

    @Test
    void pixelsTakeTheBallColoursOnWhite() {
        float[] image = Balls.scalar().render(new int[][] {{40, 10}});
        // the pixel holding ball 1's centre (col 16, row 25.2) is fully covered
        int p = 25 * 64 + 16;
        assertArrayEquals(new float[] {2 / 255f, 156 / 255f, 154 / 255f},
                new float[] {image[p], image[PLANE + p], image[2 * PLANE + p]}, 1e-6f);
        int q = 49 * 64 + 48;
        assertArrayEquals(new float[] {222 / 255f, 100 / 255f, 100 / 255f},
                new float[] {image[q], image[PLANE + q], image[2 * PLANE + q]}, 1e-6f);
        for (int ch = 0; ch < 3; ch++) assertEquals(1f, image[ch * PLANE], 0f); // top-left corner is white
        for (float v : image) assertTrue(v >= 0f && v <= 1f);
    }

    @Test
    void blockBallsFollowAllFourFactors() {
        Balls balls = Balls.blockIndependent();
        int[] f = {10, 50, 45, 20}; // x1 0.23, y1 0.73, x2 0.67, y2 0.36
        float[] image = balls.render(new int[][] {f});
        FactorSpace s = balls.factors();
        // the balls are 37 px apart: a 24-px window around each holds that ball alone
        double[] a = centroid(image, 0, 3, 27, 5, 29);
        double[] b = centroid(image, 1, 31, 55, 29, 53);
        assertEquals(64 * s.value(0, 10), a[0], 0.05);
        assertEquals(64 * (1 - s.value(1, 50)), a[1], 0.05);
        assertEquals(64 * s.value(2, 45), b[0], 0.05);
        assertEquals(64 * (1 - s.value(3, 20)), b[1], 0.05);
    }

    @Test
    void theLShapedSupportNeverReachesTheOutOfSupportSquare() {
        Balls balls = Balls.scalar();
        int[][] f = balls.sampleFactors(40_000, new SplittableRandom(1));
        int lowLow = 0, lowHigh = 0, highLow = 0;
        for (int[] v : f) {
            assertFalse(Balls.inOutOfSupportSquare(v), () -> "sampled " + v[0] + ", " + v[1]);
            if (v[0] < 32 && v[1] < 32) lowLow++;
            else if (v[0] < 32) lowHigh++;
            else highLow++;
        }
        // y1 uniform; y2 uniform below y1 = 0.5, uniform on the lower half above: 1/4, 1/4, 1/2
        assertEquals(0.25, lowLow / 40_000.0, 0.01);
        assertEquals(0.25, lowHigh / 40_000.0, 0.01);
        assertEquals(0.50, highLow / 40_000.0, 0.01);

        int[][] out = balls.outOfSupport().orElseThrow().sample(20_000, new SplittableRandom(2));
        int min = 64, max = 0;
        for (int[] v : out) {
            assertTrue(Balls.inOutOfSupportSquare(v));
            min = Math.min(min, Math.min(v[0], v[1]));
            max = Math.max(max, Math.max(v[0], v[1]));
        }
        assertEquals(32, min);
        assertEquals(63, max);
        assertTrue(Balls.blockIndependent().outOfSupport().isEmpty());
    }

    @Test
    void blockSamplersRejectOverlappingBallsAndTheDependentOneKeepsItsQuadrants() {
        for (Balls balls : new Balls[] {Balls.blockIndependent(), Balls.blockDependent()}) {
            double closest = Double.MAX_VALUE;
            for (int[] f : balls.sampleFactors(20_000, new SplittableRandom(3))) {
                double[] c = balls.centres(f);
                double d = Math.hypot(c[0] - c[2], c[1] - c[3]);
                assertTrue(d >= 20, balls.name() + ": centres " + d + " px apart");
                closest = Math.min(closest, d);
                if (balls.name().equals(Balls.BLOCK_DEPENDENT)) {
                    FactorSpace s = balls.factors();
                    boolean upperLeft = s.value(0, f[0]) + s.value(1, f[1]) >= 1;
                    assertEquals(upperLeft, s.value(2, f[2]) < 0.5, "x2 of " + java.util.Arrays.toString(f));
                    assertEquals(upperLeft, s.value(3, f[3]) > 0.5, "y2 of " + java.util.Arrays.toString(f));
                }
            }
            assertTrue(closest < 20.5, balls.name() + ": only pairs closer than two radii are redrawn, closest " + closest);
        }
        Balls independent = Balls.blockIndependent();
        assertTrue(independent.overlapping(new int[] {20, 20, 30, 20})); // 10 levels = 8 px apart
        assertFalse(independent.overlapping(new int[] {20, 20, 46, 20})); // 26 levels = 20.8 px apart
    }

    @Test
    void declaresItsLatentBlocks() {
        assertArrayEquals(new int[][] {{0}, {1}}, Balls.scalar().latentBlocks().orElseThrow());
        assertArrayEquals(new int[][] {{0, 1}, {2, 3}}, Balls.blockDependent().latentBlocks().orElseThrow());
        assertTrue(new DSprites().latentBlocks().isEmpty());
    }
}
