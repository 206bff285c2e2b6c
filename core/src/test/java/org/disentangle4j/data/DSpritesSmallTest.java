package org.disentangle4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** dsprites-small: training scales 0.5–0.8, unseen 0.9 and 1.0, dSprites' renderer. */
class DSpritesSmallTest {

    @Test
    void trainingDrawsTheFourSmallScalesAndTheUnseenSetTheTwoLargest() {
        DSpritesSmall small = new DSpritesSmall();
        int[] seen = new int[6], unseen = new int[6];
        for (int[] f : small.sampleFactors(6000, new SplittableRandom(1))) seen[f[1]]++;
        for (int[] f : small.outOfSupport().orElseThrow().sample(6000, new SplittableRandom(2))) unseen[f[1]]++;
        for (int level = 0; level < 6; level++) {
            if (level < 4) {
                assertEquals(1500, seen[level], 150, "level " + level);
                assertEquals(0, unseen[level], "level " + level);
            } else {
                assertEquals(0, seen[level], "level " + level);
                assertEquals(3000, unseen[level], 200, "level " + level);
            }
        }
        assertEquals(0.8, small.factors().value(1, DSpritesSmall.TRAINING_SCALE_LEVELS - 1), 1e-12);
        // the other factors still cover their ranges
        int maxX = 0;
        for (int[] f : small.sampleFactors(2000, new SplittableRandom(3))) maxX = Math.max(maxX, f[3]);
        assertEquals(31, maxX);
        int[] f = {2, 5, 7, 10, 20};
        DSprites full = new DSprites();
        float[] a = new float[4096], b = new float[4096];
        small.render(f, a, 0);
        full.render(f, b, 0);
        assertArrayEquals(b, a);
        assertTrue(small.name().equals(DSpritesSmall.NAME));
    }
}
