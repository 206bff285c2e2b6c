package org.disentangle4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class IrsScoreTest {

    @Test
    void constructedCase() {
        // factor g ∈ {0, 1}; z0 = g (robust: zero spread within each g, max deviation ½);
        // z1 constant (dropped); z2 = ±1 within each g (spread 1 = its max deviation → score 0).
        // IRS = (1 · ½ + 0 · 1) / (½ + 1) = 1/3
        int[][] g = {{0}, {0}, {1}, {1}};
        double[][] z = {{0, 5, -1}, {0, 5, 1}, {1, 5, -1}, {1, 5, 1}};
        Map<String, Double> irs = IrsScore.score(new LabelledCodes(z, g), 0.99);
        assertEquals(1.0 / 3.0, irs.get(IrsScore.KEY), 1e-12);
        assertEquals(2.0, irs.get(IrsScore.ACTIVE_DIMS));
    }

    @Test
    void theQuantileInterpolates() {
        // one code, one factor with a single bin group per level; within g = 0 the deviations from
        // the mean 1 are {1, 0, 1}: 0.99-quantile 1; within g = 1 they are {0, 0, 0}: 0.
        // max deviation over all: |0 − 2/3 … | → mean of z = 4/6 · … computed below
        int[][] g = {{0}, {0}, {0}, {1}, {1}, {1}};
        double[][] z = {{0}, {1}, {2}, {1}, {1}, {1}};
        double mean = 1.0;
        double maxDeviation = 1.0; // |0 − 1| = |2 − 1|
        double cumulative = (1.0 + 0.0) / 2; // mean over the two levels
        double expected = 1 - cumulative / maxDeviation;
        assertEquals(expected, IrsScore.score(new LabelledCodes(z, g), 0.99).get(IrsScore.KEY), 1e-12);
        assertEquals(1.0, mean); // z's mean is 1, so deviations are as listed
    }

    @Test
    void factorsWithMoreThanTwentyLevelsAreBinned() {
        // 40 levels in 20 histogram bins: levels 2k and 2k+1 share a bin (width 39/20 = 1.95).
        // z = level parity varies within every bin: deviation ½ everywhere → score 1 − ½/½ = 0.
        int n = 40;
        int[][] g = new int[n][1];
        double[][] z = new double[n][1];
        for (int i = 0; i < n; i++) {
            g[i][0] = i;
            z[i][0] = i % 2;
        }
        assertEquals(0.0, IrsScore.score(new LabelledCodes(z, g), 0.99).get(IrsScore.KEY), 1e-12);
    }

    @Test
    void noActiveCodeScoresZero() {
        Map<String, Double> irs = IrsScore.score(new LabelledCodes(new double[][] {{1}, {1}}, new int[][] {{0}, {1}}), 0.99);
        assertEquals(0.0, irs.get(IrsScore.KEY));
        assertEquals(0.0, irs.get(IrsScore.ACTIVE_DIMS));
    }
}
