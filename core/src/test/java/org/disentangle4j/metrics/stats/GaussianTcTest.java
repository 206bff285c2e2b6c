package org.disentangle4j.metrics.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GaussianTcTest {

    @Test
    void twoByTwoMatchesTheClosedForm() {
        // [[a, c], [c, b]]: TC = −½ log(1 − c²/(ab)), whatever the scales
        double[][] cases = {{1, 1, 0}, {1, 1, 0.5}, {4, 9, 5.4}, {0.01, 100, -0.99}, {2, 3, 2.4494}};
        for (double[] t : cases) {
            double a = t[0], b = t[1], c = t[2];
            double expected = -0.5 * Math.log(1 - c * c / (a * b));
            assertEquals(expected, GaussianTc.ofCovariance(new double[][] {{a, c}, {c, b}}), 1e-12, java.util.Arrays.toString(t));
        }
    }

    @Test
    void threeByThreeComputedByHand() {
        // [[2,1,0],[1,2,1],[0,1,2]]: det = 2·(4 − 1) − 1·(2 − 0) = 4, Π diag = 8 → TC = ½ log(8/4) = ½ log 2
        assertEquals(0.5 * Math.log(2), GaussianTc.ofCovariance(new double[][] {{2, 1, 0}, {1, 2, 1}, {0, 1, 2}}), 1e-12);
        // [[4,2,0],[2,9,3],[0,3,4]]: det = 4·(36 − 9) − 2·(8 − 0) = 92, Π diag = 144 → TC = ½ log(144/92)
        assertEquals(0.5 * Math.log(144.0 / 92.0), GaussianTc.ofCovariance(new double[][] {{4, 2, 0}, {2, 9, 3}, {0, 3, 4}}), 1e-12);
        // independent dimensions: 0
        assertEquals(0.0, GaussianTc.ofCovariance(new double[][] {{3, 0, 0}, {0, 0.5, 0}, {0, 0, 7}}), 0.0);
    }

    @Test
    void aConstantOrNearlyConstantDimensionIsLeftOutNotNaN() {
        SplittableRandom rng = new SplittableRandom(3);
        int n = 2000;
        double[][] codes = new double[n][4];
        double[][] without = new double[n][2];
        for (int i = 0; i < n; i++) {
            double x = rng.nextGaussian();
            double y = 0.6 * x + 0.8 * rng.nextGaussian();
            // dimension 1 is constant, dimension 3 varies 1e-5 as much as the others (variance 1e-10 relative)
            codes[i] = new double[] {x, 2.5, y, 1 + 1e-5 * x + 1e-5 * rng.nextGaussian()};
            without[i] = new double[] {x, y};
        }
        GaussianTc.Estimate e = GaussianTc.ofCodes(codes);
        assertArrayEquals(new int[] {1, 3}, e.dropped());
        assertEquals(2, e.kept());
        double[] v = Covariance.pair(column(without, 0), column(without, 1));
        assertEquals(GaussianTc.ofCovariance(new double[][] {{v[0], v[1]}, {v[1], v[2]}}), e.totalCorrelation(), 1e-12);
        // every dimension constant: no variation, no dependence
        GaussianTc.Estimate flat = GaussianTc.ofCodes(new double[][] {{1, 2}, {1, 2}, {1, 2}});
        assertEquals(0.0, flat.totalCorrelation());
        assertArrayEquals(new int[] {0, 1}, flat.dropped());
    }

    @Test
    void anExactCopyMakesItInfinite() {
        SplittableRandom rng = new SplittableRandom(4);
        double[][] codes = new double[500][3];
        for (double[] row : codes) {
            row[0] = rng.nextGaussian();
            row[1] = rng.nextGaussian();
            row[2] = 2 * row[0] - row[1]; // a linear function of the others
        }
        assertEquals(Double.POSITIVE_INFINITY, GaussianTc.ofCodes(codes).totalCorrelation());
    }

    private static double[] column(double[][] rows, int j) {
        double[] c = new double[rows.length];
        for (int i = 0; i < rows.length; i++) c[i] = rows[i][j];
        return c;
    }
}
