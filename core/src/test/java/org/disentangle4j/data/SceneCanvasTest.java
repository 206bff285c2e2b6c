package org.disentangle4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The canvas's quick coverage counts against testing every sub-pixel sample of every pixel. */
class SceneCanvasTest {
    private static final int SAMPLES = SceneCanvas.SUPERSAMPLING * SceneCanvas.SUPERSAMPLING;

    @Test
    void aDiscCoversExactlyTheSamplesThatTestingEachOneFinds() {
        SplittableRandom random = new SplittableRandom(3);
        int shortcuts = 0;
        for (int trial = 0; trial < 400; trial++) {
            // centres anywhere, on pixel edges and on sample positions; radii from below a sample's reach to 20 pixels
            double c = trial % 3 == 0 ? random.nextInt(10, 80) : trial % 3 == 1 ? random.nextInt(10, 80) + 0.125 : random.nextDouble(10, 80);
            double r = random.nextDouble(10, 80);
            double rp = trial % 4 == 0 ? random.nextDouble(0.05, 0.6) : random.nextDouble(0.6, 20);
            double r2 = rp * rp;
            SceneCanvas.Shape disc = (pc, pr) -> (pc - c) * (pc - c) + (pr - r) * (pr - r) <= r2;
            SceneCanvas.Coverage quick = SceneCanvas.discCoverage(c, r, rp);
            for (int row = (int) Math.floor(r - rp) - 1; row <= (int) Math.floor(r + rp) + 1; row++) {
                for (int col = (int) Math.floor(c - rp) - 1; col <= (int) Math.floor(c + rp) + 1; col++) {
                    int expected = SceneCanvas.samplesInside(disc, col, row);
                    assertEquals(expected, quick.samplesInside(col, row), "disc (" + c + ", " + r + ") radius " + rp + " at " + col + "," + row);
                    if (expected == SAMPLES) shortcuts++;
                }
            }
        }
        // the shortcut is taken for the deep interior, so pixels with every sample inside must occur
        assertEquals(true, shortcuts > 1000, "pixels wholly inside: " + shortcuts);
    }

    @Test
    void aRectangleCoversExactlyTheSamplesThatTestingEachOneFinds() {
        SplittableRandom random = new SplittableRandom(5);
        for (int trial = 0; trial < 400; trial++) {
            double c0 = trial % 2 == 0 ? random.nextInt(5, 60) + 0.375 : random.nextDouble(5, 60);
            double r0 = random.nextDouble(5, 60);
            double c1 = c0 + random.nextDouble(0.01, 25), r1 = r0 + (trial % 3 == 0 ? 0.25 : random.nextDouble(0.01, 25));
            SceneCanvas.Shape rectangle = (pc, pr) -> pc >= c0 && pc < c1 && pr >= r0 && pr < r1;
            SceneCanvas.Coverage quick = SceneCanvas.rectangleCoverage(c0, r0, c1, r1);
            for (int row = (int) Math.floor(r0) - 1; row <= (int) Math.floor(r1) + 1; row++) {
                for (int col = (int) Math.floor(c0) - 1; col <= (int) Math.floor(c1) + 1; col++) {
                    assertEquals(SceneCanvas.samplesInside(rectangle, col, row), quick.samplesInside(col, row),
                            "rectangle [" + c0 + ", " + c1 + ") x [" + r0 + ", " + r1 + ") at " + col + "," + row);
                }
            }
        }
    }

    @Test
    void downsamplingAveragesEachOutputPixelsOneAndAHalfInputPixelsPerAxis() {
        // a canvas whose input pixel (row, col) holds col, in every channel: an output pixel j averages
        // columns 3k, 3k+1 (half weight) for j = 2k and 3k+1 (half), 3k+2 for j = 2k+1
        SceneCanvas canvas = new SceneCanvas(0, 96, 96); // one scene unit per input pixel
        float[] out = new float[3 * SceneCanvas.LO * SceneCanvas.LO];
        for (int col = 0; col < SceneCanvas.HI; col++) {
            // covers every sample of column col and no other, so the column takes the grey col/255 exactly
            canvas.rectangle(col, 0, col + 1, 96, new int[] {col, col, col});
        }
        canvas.downsample(out, 0);
        for (int j = 0; j < SceneCanvas.LO; j++) {
            int k = j / 2;
            double full = j % 2 == 0 ? 3 * k : 3 * k + 2, half = 3 * k + 1;
            double expected = (full + 0.5 * half) / 1.5 / 255.0;
            assertEquals(expected, out[5 * SceneCanvas.LO + j], 1e-6, "output column " + j);
        }
    }
}
