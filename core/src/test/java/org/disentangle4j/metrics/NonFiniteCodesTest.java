package org.disentangle4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.disentangle4j.io.UserInputException;
import org.disentangle4j.metrics.support.NonFiniteCodes;
import org.junit.jupiter.api.Test;

/** Non-finite codes are refused once, where they enter the metrics, with the number of bad rows. */
class NonFiniteCodesTest {

    @Test
    void arraysWithNonFiniteRowsAreOneLineWithTheBadRowCount() {
        double[][] codes = MetricFixtures.gaussian(50, 3, 1);
        int[][] factors = MetricFixtures.uniformFactors(50, 4, 2, 2);
        codes[3][0] = Double.NaN;
        codes[10][1] = Double.NaN;
        codes[10][2] = Double.POSITIVE_INFINITY; // a second bad value in a bad row counts once
        codes[20][2] = Double.NEGATIVE_INFINITY;
        assertEquals(3, NonFiniteCodes.badRows(codes));
        UserInputException e = assertThrows(UserInputException.class, () -> MetricSuite.validate(codes, factors, "codes.npy", "factors.npy"));
        assertEquals("codes.npy: 3 of 50 rows have a non-finite code (NaN or infinity); codes must be finite numbers", e.getMessage());
    }

    /**
     * A model whose code is NaN for every observation with factor 0 at its first level: every
     * metric, whether it scores the suite's shared points or encodes its own, stops with the one-line
     * error naming the model and counting the bad rows it was given.
     */
    @Test
    void everyMetricOnAModelWithNonFiniteCodesGivesTheOneLineError() {
        NoisyFactorDataset dataset = new NoisyFactorDataset(new int[] {3, 4}, 2, 0.05);
        MetricSuite suite = new MetricSuite(List.of(new BetaVaeScore(), new FactorVaeScore(), new MigScore(), new SapScore(), new DciScore(),
                new ModularityExplicitness(), new IrsScore(), new UnsupervisedScores(), new LmsScore(), new MeanTcScore(), new DisintegrationScore(),
                new MultiFactorVoteScore(), new SpectralIndependenceScore()),
                300, 150, 16);
        for (String name : MetricSuite.NAMES) {
            if (name.equals("cdm")) continue; // not applicable before encoding: a plain representation function has no latent nodes to set
            AtomicInteger badTotal = new AtomicInteger();
            AtomicInteger badInLastCall = new AtomicInteger();
            AtomicInteger rowsInLastCall = new AtomicInteger();
            int size = dataset.observationSize();
            RepresentationFunction halfBroken = (obs, n) -> {
                double[][] codes = new double[n][];
                int bad = 0;
                for (int i = 0; i < n; i++) {
                    codes[i] = new double[] {obs[i * size], obs[i * size + 1], obs[i * size + 2]};
                    if (obs[i * size] == 0f) {
                        codes[i][1] = Double.NaN;
                        bad++;
                    }
                }
                badTotal.addAndGet(bad);
                badInLastCall.set(bad);
                rowsInLastCall.set(n);
                return codes;
            };
            UserInputException e = assertThrows(UserInputException.class,
                    () -> suite.evaluateModel(dataset, halfBroken, null, List.of(name), 0, ProgressListener.NONE, "run runs/x"), name);
            boolean sharedPoints = !(suite.metric(name) instanceof ModelMetric) && suite.metric(name).notApplicableToArrays().isEmpty();
            String expected = sharedPoints
                    ? "run runs/x: " + badTotal.get() + " of 450 rows have"
                    : "run runs/x: " + badInLastCall.get() + " of " + rowsInLastCall.get() + " rows of an encoded batch have";
            assertTrue(badInLastCall.get() > 0, name);
            assertEquals(expected + " a non-finite code (NaN or infinity); codes must be finite numbers", e.getMessage(), name);
        }
    }
}
