package org.disentangle4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.disentangle4j.io.UserInputException;
import org.junit.jupiter.api.Test;

class InterventionalScoresTest {
    // three factors read off exactly, one constant factor (size 1), one noise dimension
    private final NoisyFactorDataset dataset = new NoisyFactorDataset(new int[] {4, 5, 1, 3}, 1, 0.01);
    private final RepresentationFunction identity = NoisyFactorDataset.identity(5);

    @Test
    void betaVaeScoreOfCodesEqualToFactorsIsOne() {
        // the fixed factor's code never differs within a pair, every other factor's code does
        Map<String, Double> s = new BetaVaeScore(16, 300, 200).evaluate(dataset, identity, new SplittableRandom(1), ProgressListener.NONE);
        assertEquals(1.0, s.get(BetaVaeScore.TRAIN_ACCURACY));
        assertEquals(1.0, s.get(BetaVaeScore.EVAL_ACCURACY));
    }

    @Test
    void factorVaeScoreOfCodesEqualToFactorsIsOne() {
        // the noise dimension (std ≈ 0.003) and the constant factor's code (std 0) fall below 0.05;
        // the fixed factor's code has variance 0, the smallest: every vote is right
        Map<String, Double> s = new FactorVaeScore(16, 300, 200, 2000, 0.05).evaluate(dataset, identity, new SplittableRandom(2),
                ProgressListener.NONE);
        assertEquals(1.0, s.get(FactorVaeScore.TRAIN_ACCURACY));
        assertEquals(1.0, s.get(FactorVaeScore.EVAL_ACCURACY));
        assertEquals(3.0, s.get(FactorVaeScore.ACTIVE_DIMS));
    }

    @Test
    void factorVaeScoreOfACollapsedRepresentationIsZero() {
        RepresentationFunction collapsed = (obs, count) -> new double[count][3];
        Map<String, Double> s = new FactorVaeScore().evaluate(dataset, collapsed, new SplittableRandom(3), ProgressListener.NONE);
        assertEquals(Map.of(FactorVaeScore.TRAIN_ACCURACY, 0.0, FactorVaeScore.EVAL_ACCURACY, 0.0, FactorVaeScore.ACTIVE_DIMS, 0.0), s);
    }

    @Test
    void sameSeedSameNumbers() {
        RepresentationFunction mixed = (obs, count) -> {
            double[][] c = new double[count][2];
            for (int i = 0; i < count; i++) {
                c[i][0] = obs[i * 5] + obs[i * 5 + 1];
                c[i][1] = obs[i * 5 + 1] - obs[i * 5 + 3];
            }
            return c;
        };
        BetaVaeScore metric = new BetaVaeScore(8, 200, 100);
        Map<String, Double> a = metric.evaluate(dataset, mixed, new SplittableRandom(4), ProgressListener.NONE);
        Map<String, Double> b = metric.evaluate(dataset, mixed, new SplittableRandom(4), ProgressListener.NONE);
        assertEquals(a, b);
        assertTrue(a.get(BetaVaeScore.EVAL_ACCURACY) < 1.0, "a mixed code should not be perfect: " + a);
    }

    @Test
    void notApplicableToArrays() {
        LabelledCodes points = new LabelledCodes(new double[][] {{0}, {1}}, new int[][] {{0}, {1}});
        EvaluationSets sets = EvaluationSets.of(points, points);
        assertThrows(MetricNotApplicableException.class, () -> new BetaVaeScore().evaluate(sets, new SplittableRandom(0), ProgressListener.NONE));
        assertThrows(MetricNotApplicableException.class, () -> new FactorVaeScore().evaluate(sets, new SplittableRandom(0), ProgressListener.NONE));
    }

    @Test
    void aSuiteWithFewerVotesEncodesThatManyBatchesAndSaysSo() {
        AtomicLong encoded = new AtomicLong();
        RepresentationFunction counting = (obs, count) -> {
            encoded.addAndGet(count);
            return identity.represent(obs, count);
        };
        MetricSuite suite = new MetricSuite(new MetricSuite.Votes(30, 20));
        // FactorVAE: 10,000 points for the variances, then (30 + 20) votes of one batch of 64
        SuiteResult f = suite.evaluateModel(dataset, counting, null, List.of(FactorVaeScore.NAME), 0, ProgressListener.NONE);
        assertEquals(10_000 + 50 * 64, encoded.getAndSet(0));
        assertEquals(30.0, f.scores().get(FactorVaeScore.NAME).get(MetricSuite.VOTES_TRAIN));
        assertEquals(20.0, f.scores().get(FactorVaeScore.NAME).get(MetricSuite.VOTES_EVAL));
        assertEquals(1.0, f.scores().get(FactorVaeScore.NAME).get(FactorVaeScore.EVAL_ACCURACY));
        // BetaVAE: (30 + 20) points, each the difference of two batches of 64
        SuiteResult b = suite.evaluateModel(dataset, counting, null, List.of(BetaVaeScore.NAME), 0, ProgressListener.NONE);
        assertEquals(50 * 2 * 64, encoded.get());
        assertEquals(30.0, b.scores().get(BetaVaeScore.NAME).get(MetricSuite.VOTES_TRAIN));
    }

    @Test
    void votesAreTwoPositiveCounts() {
        assertEquals(new MetricSuite.Votes(1000, 500), MetricSuite.Votes.parse(" 1000, 500"));
        assertEquals("10000,5000", MetricSuite.Votes.REFERENCE.toString());
        for (String bad : new String[] {"1000", "1000,0", "a,b", "1,2,3", ""}) {
            assertThrows(UserInputException.class, () -> MetricSuite.Votes.parse(bad), bad);
        }
    }
}
