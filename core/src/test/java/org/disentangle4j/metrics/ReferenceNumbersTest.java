package org.disentangle4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Numbers computed offline by the reference's definitions (disentanglement_lib's metric code on
 * numpy 1.24 / scikit-learn 1.2, explicitness with LogisticRegression(solver="liblinear",
 * multi_class="ovr"), the pre-0.22 default) for the fixed array built below; committed so that
 * a drift from the reference shows without Python.
 */
class ReferenceNumbersTest {
    private static final int N = 300;
    private static final LabelledCodes ALL = build(0, N);
    private static final LabelledCodes TRAIN = build(0, 200);
    private static final LabelledCodes TEST = build(200, N);

    /** f = (i mod 3, 7i mod 5, i² mod 4); z = (f0 + 0.37 sin i, cos 1.3i + f1/2, f2 sin 0.7i, (i mod 11)/10). */
    private static LabelledCodes build(int from, int to) {
        double[][] codes = new double[to - from][];
        int[][] factors = new int[to - from][];
        for (int i = from; i < to; i++) {
            int[] f = {i % 3, (i * 7) % 5, (i * i) % 4};
            factors[i - from] = f;
            codes[i - from] = new double[] {f[0] + 0.37 * Math.sin(i), Math.cos(1.3 * i) + 0.5 * f[1], Math.sin(0.7 * i) * f[2],
                (i % 11) / 10.0};
        }
        return new LabelledCodes(codes, factors);
    }

    @Test
    void deterministicMetricsMatchTheReference() {
        assertEquals(0.6526777023478513, MigScore.score(ALL).get(MigScore.KEY), 1e-12);
        assertEquals(0.962991195105193, ModularityExplicitness.modularity(ALL), 1e-12);
        Map<String, Double> irs = IrsScore.score(ALL, 0.99);
        assertEquals(0.5084580881330779, irs.get(IrsScore.KEY), 1e-12);
        Map<String, Double> u = UnsupervisedScores.score(ALL.codes());
        assertEquals(0.0003593256594165428, u.get(UnsupervisedScores.TOTAL_CORRELATION), 1e-12);
        assertEquals(8.890482127110744e-05, u.get(UnsupervisedScores.WASSERSTEIN), 1e-12);
        assertEquals(4.284069567181142e-05, u.get(UnsupervisedScores.WASSERSTEIN_NORM), 1e-12);
        assertEquals(0.4211498566246941, u.get(UnsupervisedScores.MUTUAL_INFO), 1e-12);
    }

    @Test
    void classifierMetricsLandOnTheReference() {
        assertEquals(0.23333333333333328, SapScore.score(TRAIN, TEST, 0).get(SapScore.KEY), 0.01);
        double[][] auc = ModularityExplicitness.explicitness(TRAIN, TEST, ProgressListener.NONE);
        assertEquals(0.7495020833333333, Arrays.stream(auc[0]).average().orElseThrow(), 1e-4);
        assertEquals(0.7404583333333333, Arrays.stream(auc[1]).average().orElseThrow(), 1e-4);
    }
}
