package org.disentangle4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ModularityExplicitnessTest {

    @Test
    void modularityOfHandBuiltMutualInformation() {
        // per code 1 − (Σ m² − max m²) / (max m² · (K − 1))
        assertEquals(1.0, ModularityExplicitness.modularity(new double[][] {{1, 0}, {0, 2}}), 1e-15);
        // code 0: (1 + 1 − 1) / 1 = 1 → 0; code 1: one-hot → 1
        assertEquals(0.5, ModularityExplicitness.modularity(new double[][] {{1, 1}, {2, 0}}), 1e-15);
        // code 0: all zero → 0; code 1: (9 + 1 − 9) / 9 → 8/9
        assertEquals(4.0 / 9.0, ModularityExplicitness.modularity(new double[][] {{0, 0}, {3, 1}}), 1e-15);
        // three factors: m = (2, 1, 1): (4 + 1 + 1 − 4) / (4 · 2) = 1/4 → 3/4
        assertEquals(0.75, ModularityExplicitness.modularity(new double[][] {{2, 1, 1}}), 1e-15);
    }

    @Test
    void modularityOfCodesEqualToFactorsIsOne() {
        int[][] grid = MetricFixtures.fullGrid(3, 4, 5);
        assertEquals(1.0, ModularityExplicitness.modularity(new LabelledCodes(MetricFixtures.codesFrom(grid, 0, 1), grid)), 1e-12);
    }

    @Test
    void explicitnessOfSeparableCodesIsOne() {
        int[][] grid = MetricFixtures.fullGrid(2, 3, 40);
        LabelledCodes points = new LabelledCodes(MetricFixtures.codesFrom(grid, 0, 1), grid);
        double[][] auc = ModularityExplicitness.explicitness(points, points, ProgressListener.NONE);
        // every class is a threshold on one standardised code: the model ranks it perfectly
        for (double[] row : auc) for (double a : row) assertEquals(1.0, a, 1e-12);
    }

    @Test
    void explicitnessOfNoiseIsNearOneHalfOnTest() {
        int n = 3000;
        LabelledCodes train = new LabelledCodes(MetricFixtures.gaussian(n, 3, 5), MetricFixtures.uniformFactors(n, 2, 1, 6));
        LabelledCodes test = new LabelledCodes(MetricFixtures.gaussian(n, 3, 7), MetricFixtures.uniformFactors(n, 2, 1, 8));
        double auc = ModularityExplicitness.explicitness(train, test, ProgressListener.NONE)[1][0];
        // AUC of an unrelated score: mean ½, standard deviation sqrt((n+1)/(12 · n/2 · n/2)) ≈ 0.0105
        assertEquals(0.5, auc, 4 * 0.0106);
    }

    @Test
    void sameInputSameNumbers() {
        int n = 500;
        LabelledCodes points = new LabelledCodes(MetricFixtures.gaussian(n, 3, 9), MetricFixtures.uniformFactors(n, 3, 2, 10));
        EvaluationSets sets = EvaluationSets.heldOut(points, new SplittableRandom(1));
        var a = new ModularityExplicitness().evaluate(sets, new SplittableRandom(2), ProgressListener.NONE);
        var b = new ModularityExplicitness().evaluate(sets, new SplittableRandom(2), ProgressListener.NONE);
        assertEquals(a, b);
    }
}
