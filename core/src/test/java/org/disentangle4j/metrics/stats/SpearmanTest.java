package org.disentangle4j.metrics.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpearmanTest {

    @Test
    void tiedValuesShareTheMeanOfTheirRanks() {
        assertArrayEquals(new double[] {1, 2.5, 2.5, 4}, Spearman.ranks(new double[] {1, 2, 2, 3}), 0);
        assertArrayEquals(new double[] {4, 2, 2, 2, 5}, Spearman.ranks(new double[] {7, 3, 3, 3, 9}), 0);
    }

    @Test
    void handComputedValuesWithTies() {
        // ranks (1, 2.5, 2.5, 4) and (1, 3, 2, 4): deviations (−1.5, 0, 0, 1.5) and (−1.5, 0.5, −0.5, 1.5);
        // ρ = 4.5 / √(4.5 · 5) = 0.9486833 (scipy.stats.spearmanr: 0.9486832980505138)
        assertEquals(0.9486832980505138, Spearman.correlation(new double[] {1, 2, 2, 3}, new double[] {1, 3, 2, 4}), 1e-12);
        // ranks (2, 2, 2, 4.5, 4.5) and (5, 4, 3, 2, 1): ρ = −7.5 / √(7.5 · 10) = −√3/2
        assertEquals(-Math.sqrt(3) / 2, Spearman.correlation(new double[] {1, 1, 1, 2, 2}, new double[] {5, 4, 3, 2, 1}), 1e-12);
    }

    @Test
    void monotoneTransformsGiveOneAndConstantsNaN() {
        double[] x = {0.3, -1, 4, 2.5, 0};
        double[] cubed = new double[x.length];
        for (int i = 0; i < x.length; i++) cubed[i] = -Math.pow(x[i], 3) + 7;
        assertEquals(-1, Spearman.correlation(x, cubed), 1e-12);
        assertTrue(Double.isNaN(Spearman.correlation(x, new double[] {2, 2, 2, 2, 2})));
    }
}
