package org.disentangle4j.metrics.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MmdTest {

    /**
     * x = y = {0, 1} in one dimension, σ = 1, k(0, 1) = e^{−1/2}: the within-sample terms are
     * e^{−1/2} each, the cross term 2·(2 + 2e^{−1/2})/4 = 1 + e^{−1/2}, so MMD² = e^{−1/2} − 1 (the
     * unbiased estimate leaves out k(x, x) = 1 and can be negative).
     */
    @Test
    void handComputedValueAndTheMedianHeuristic() {
        double[][] x = {{0}, {1}};
        assertEquals(Math.exp(-0.5) - 1, Mmd.squared(x, x, 1), 1e-15);
        assertEquals(2, Mmd.medianDistance(new double[][] {{0}, {1}, {3}}), 0);      // distances 1, 3, 2
        // distances 5, 1, 3, √18, √10, 2: an even count, the median is the mean of the middle two, (3 + √10)/2
        assertEquals((3 + Math.sqrt(10)) / 2, Mmd.medianDistance(new double[][] {{0, 0}, {3, 4}, {0, 1}, {0, 3}}), 1e-15);
    }

    @Test
    void nearZeroForOneDistributionAndPositiveForTwo() {
        SplittableRandom r = new SplittableRandom(4);
        double[][] a = new double[300][3], b = new double[300][3], c = new double[300][3];
        for (int i = 0; i < 300; i++) {
            for (int j = 0; j < 3; j++) {
                a[i][j] = r.nextGaussian();
                b[i][j] = r.nextGaussian();
                c[i][j] = r.nextGaussian() + (j == 0 ? 1 : 0);
            }
        }
        double sigma = Mmd.medianDistance(a);
        assertEquals(0, Mmd.squared(a, b, sigma), 0.01);
        assertTrue(Mmd.squared(a, c, sigma) > 0.05, "shifted: " + Mmd.squared(a, c, sigma));
    }
}
