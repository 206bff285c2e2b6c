package org.disentangle4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DisintegrationScoreTest {
    private static final int N = 10_000;

    /**
     * Two factors of 4 levels on 10,000 points. Codes: z0, z1, z2 = factor0 (copies), z3, z4 pure
     * Gaussian noise, z5 = factor1. A copy's MI with its factor is H = log 4 ≈ 1.39 nats; an
     * independent dimension's plug-in MI is about 19·3/(2n) ≈ 0.003. So factor0 spreads evenly over
     * 3 dimensions (exp H(p) = 3, raised by about 0.03 by the three dimensions that do not carry
     * it) and factor1 lies in one (1, raised by about 0.05 by the other five); tolerance 0.1.
     */
    private static LabelledCodes points() {
        int[][] factors = MetricFixtures.uniformFactors(N, 4, 2, 31);
        double[][] noise = MetricFixtures.gaussian(N, 2, 32);
        double[][] codes = new double[N][];
        for (int i = 0; i < N; i++) {
            double f0 = factors[i][0];
            codes[i] = new double[] {f0, 0.5 * f0, -f0, noise[i][0], noise[i][1], factors[i][1]};
        }
        return new LabelledCodes(codes, factors);
    }

    @Test
    void aFactorCopiedIntoThreeDimensionsCountsThreeAndOneInOneCountsOne() {
        List<String> notes = new ArrayList<>();
        Map<String, Double> s = new DisintegrationScore().score(points(), List.of("shape", "scale"), notes);
        assertEquals(List.of("effective_dims_shape", "effective_dims_scale", "mean_effective_dims", "dims_above_threshold_shape",
                "dims_above_threshold_scale"), List.copyOf(s.keySet()));
        assertEquals(3.0, s.get("effective_dims_shape"), 0.1);
        assertTrue(s.get("effective_dims_shape") >= 3.0, s.toString()); // noise only adds
        assertEquals(1.0, s.get("effective_dims_scale"), 0.1);
        assertEquals((s.get("effective_dims_shape") + s.get("effective_dims_scale")) / 2, s.get("mean_effective_dims"), 1e-12);
        assertEquals(3.0, s.get("dims_above_threshold_shape"));
        assertEquals(1.0, s.get("dims_above_threshold_scale"));
        assertEquals(List.of("disintegration: code dimensions with MI/H(factor) ≥ 0.1 (numbered from z0): shape: z0, z1, z2; scale: z5"), notes);
    }

    /** exp(H(p)) of a column computed by hand: MI (1, 1, 0) → p = (½, ½, 0) → exp(log 2) = 2. */
    @Test
    void twoEqualCopiesCountTwo() {
        int[][] grid = MetricFixtures.fullGrid(3, 4, 20); // independent factors on a full grid: the cross MI is exactly 0
        LabelledCodes points = new LabelledCodes(MetricFixtures.codesFrom(grid, 0, 0, 1), grid);
        Map<String, Double> s = new DisintegrationScore().score(points, List.of("a", "b"), new ArrayList<>());
        assertEquals(2.0, s.get("effective_dims_a"), 1e-12);
        assertEquals(1.0, s.get("effective_dims_b"), 1e-12);
    }

    @Test
    void theSuiteNamesArrayFactorsByTheirColumnAlsoWhenOneIsSkipped() {
        LabelledCodes p = points();
        int[][] withConstant = new int[N][];
        for (int i = 0; i < N; i++) withConstant[i] = new int[] {p.factors()[i][0], 7, p.factors()[i][1]};
        LabelledCodes points = new LabelledCodes(p.codes(), withConstant);
        SuiteResult r = new MetricSuite().evaluateArrays(points, points, List.of("disintegration"), 0, ProgressListener.NONE);
        Map<String, Double> s = r.scores().get("disintegration");
        assertEquals(List.of("effective_dims_factor0", "effective_dims_factor2", "mean_effective_dims", "dims_above_threshold_factor0",
                "dims_above_threshold_factor2"), List.copyOf(s.keySet()));
        assertEquals(3.0, s.get("dims_above_threshold_factor0"));
        assertTrue(r.notes().stream().anyMatch(n -> n.endsWith("factor0: z0, z1, z2; factor2: z5")), r.notes().toString());
        // the counts are whole numbers in metrics.json
        String json = MetricsJson.toJson(r);
        assertTrue(json.contains("\"dims_above_threshold_factor0\": 3,") || json.contains("\"dims_above_threshold_factor0\": 3\n"), json);
    }

    @Test
    void onAModelItUsesTheDatasetsFactorNames() {
        NoisyFactorDataset dataset = new NoisyFactorDataset(new int[] {3, 4}, 0, 0.0);
        SuiteResult r = MeanTcScoreTest.suite(new MeanTcScore()).evaluateModel(dataset, NoisyFactorDataset.identity(2),
                List.of("disintegration"), 1, ProgressListener.NONE);
        Map<String, Double> s = r.scores().get("disintegration");
        // codes are the factors: each lies in its own dimension
        assertEquals(1.0, s.get("effective_dims_f0"), 0.1);
        assertEquals(1.0, s.get("dims_above_threshold_f1"));
        assertTrue(r.notes().stream().anyMatch(n -> n.endsWith("f0: z0; f1: z1")), r.notes().toString());
    }
}
