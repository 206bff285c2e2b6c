package org.disentangle4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.disentangle4j.io.UserInputException;
import org.junit.jupiter.api.Test;

class MeanTcScoreTest {
    private static final List<String> KEYS = List.of("tc_mean_gaussian", "tc_mean_knn", "tc_sampled_gaussian", "tc_sampled_mws", "tc_gap_gaussian");

    private static SuiteResult onArrays(double[][] codes) {
        LabelledCodes points = new LabelledCodes(codes, MetricFixtures.uniformFactors(codes.length, 3, 1, 9));
        return new MetricSuite().evaluateArrays(points, points, List.of("mean_tc"), 0, ProgressListener.NONE);
    }

    /**
     * Independent means: the plug-in Gaussian TC of n points in d dimensions is about
     * χ²(d(d−1)/2)/(2n): mean 6/20,000 = 0.0003, standard deviation √12/20,000 ≈ 0.0002 for d = 4,
     * n = 10,000; 0.003 is more than 10 of them.
     */
    @Test
    void independentMeansOnArraysGiveAboutZeroAndTheSampledKeysUndefined() {
        SuiteResult r = onArrays(MetricFixtures.gaussian(10_000, 4, 5));
        Map<String, Double> s = r.scores().get("mean_tc");
        assertEquals(KEYS, List.copyOf(s.keySet()));
        double tc = s.get("tc_mean_gaussian");
        assertTrue(tc >= 0 && tc < 0.003, "TC of independent means: " + tc);
        // the kNN estimate of independent means is about 0 too (its spread at 2,000 points is a few hundredths)
        assertEquals(0, s.get("tc_mean_knn"), 0.05);
        for (String key : KEYS.subList(2, 5)) assertTrue(Double.isNaN(s.get(key)), key);
        assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("mean_tc: no posterior variances") && n.contains("scored as means")),
                r.notes().toString());
    }

    /**
     * Dimension 1 is a copy of dimension 0 plus noise of standard deviation η = 0.1; dimensions 2
     * and 3 are independent. Covariance of (0, 1): [[1, 1], [1, 1 + η²]], so TC = −½ log(1 − 1/(1 + η²))
     * = ½ log(1 + 1/η²) = ½ log 101 ≈ 2.31 nats, and the independent dimensions add nothing.
     * Tolerance 0.03: 3 standard errors |corr|/√n ≈ 1/100 of the estimate on 10,000 points.
     */
    @Test
    void twoCopiesPlusSmallNoiseMatchTheClosedFormOfTheirCovariance() {
        double eta = 0.1;
        double[][] codes = MetricFixtures.gaussian(10_000, 4, 6);
        double[][] noise = MetricFixtures.gaussian(10_000, 1, 7);
        for (int i = 0; i < codes.length; i++) codes[i][1] = codes[i][0] + eta * noise[i][0];
        double tc = onArrays(codes).scores().get("mean_tc").get("tc_mean_gaussian");
        assertEquals(0.5 * Math.log(1 + 1 / (eta * eta)), tc, 0.03);
    }

    @Test
    void aCollapsedDimensionIsLeftOutWithANoteAndACopyIsInfinite() {
        double[][] codes = MetricFixtures.gaussian(3000, 3, 8);
        for (double[] row : codes) row[2] = 0.25; // a collapsed latent: its mean never moves
        SuiteResult r = onArrays(codes);
        double tc = r.scores().get("mean_tc").get("tc_mean_gaussian");
        assertTrue(Double.isFinite(tc) && tc >= 0 && tc < 0.005, "TC with a constant dimension: " + tc);
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("(near-)zero variance") && n.endsWith(": z2")), r.notes().toString());

        for (double[] row : codes) row[2] = row[0] - 3 * row[1];
        SuiteResult copy = onArrays(codes);
        assertEquals(Double.POSITIVE_INFINITY, copy.scores().get("mean_tc").get("tc_mean_gaussian"));
        assertTrue(copy.notes().stream().anyMatch(n -> n.contains("linear function of the others")), copy.notes().toString());
        assertTrue(MetricsJson.toJson(copy).contains("\"tc_mean_gaussian\": null"), MetricsJson.toJson(copy));
    }

    /**
     * The theory's case: μ ~ N(0, [[1, 0.9], [0.9, 1]]), log-variance 0 (s = 1), so TC(μ) =
     * −½ log(1 − 0.81) ≈ 0.830 and TC(z) = −½ log(1 − 0.45²) ≈ 0.113. On 10,000 points the
     * standard errors are 0.9/100 and 0.45/100 (tolerances 3 of them); MWS on 2,000 points
     * estimates the TC of the Gaussian aggregate posterior, the same 0.113 (standard error
     * 0.45/√2000 ≈ 0.01, tolerance 0.035).
     */
    @Test
    void sampledCodesOfCorrelatedMeansHideMostOfTheirTotalCorrelation() {
        SplittableRandom rng = new SplittableRandom(21);
        int n = 10_000;
        double[][] means = new double[n][];
        double[][] logVars = new double[n][2];
        for (int i = 0; i < n; i++) {
            double a = rng.nextGaussian();
            means[i] = new double[] {a, 0.9 * a + Math.sqrt(1 - 0.81) * rng.nextGaussian()};
        }
        List<String> notes = new ArrayList<>();
        Map<String, Double> s = new MeanTcScore().score(means, logVars, new SplittableRandom(22), notes);
        assertEquals(KEYS, List.copyOf(s.keySet()));
        double tcMean = -0.5 * Math.log(1 - 0.81);
        double tcSampled = -0.5 * Math.log(1 - 0.45 * 0.45);
        assertEquals(tcMean, s.get("tc_mean_gaussian"), 0.027);
        assertEquals(tcMean, s.get("tc_mean_knn"), 0.08); // Gaussian means: the kNN estimate agrees with the closed form
        assertEquals(tcSampled, s.get("tc_sampled_gaussian"), 0.0135);
        assertEquals(tcSampled, s.get("tc_sampled_mws"), 0.035);
        assertEquals(s.get("tc_sampled_gaussian") - s.get("tc_mean_gaussian"), s.get("tc_gap_gaussian"), 1e-15);
        assertTrue(notes.isEmpty(), notes.toString());
    }

    /** A VAE-like representation: means (f0, f0 + f1), every posterior standard deviation 0.5. */
    private static RepresentationFunction vae(int size, double logVar) {
        return new RepresentationFunction() {
            @Override
            public double[][] represent(float[] obs, int count) {
                double[][] codes = new double[count][];
                for (int i = 0; i < count; i++) codes[i] = new double[] {obs[i * size], obs[i * size] + obs[i * size + 1]};
                return codes;
            }

            @Override
            public Optional<PosteriorCodes> posterior(float[] obs, int count) {
                double[][] v = new double[count][2];
                for (double[] row : v) Arrays.fill(row, logVar);
                return Optional.of(new PosteriorCodes(represent(obs, count), v));
            }
        };
    }

    /**
     * Through the suite on a model (its representation is wrapped in the finite-code guard, which
     * must pass the posterior on). Factors uniform on {0, ½, 1} and {0, ⅓, ⅔, 1}: variances 1/6 and
     * 5/36. Means (f0, f0 + f1): squared correlation (1/6)² / (1/6 · 11/36) = 6/11, TC = −½ log(5/11)
     * ≈ 0.394. Codes with σ = ½: covariance [[1/6 + ¼, 1/6], [1/6, 11/36 + ¼]], squared correlation
     * 0.12, TC = −½ log 0.88 ≈ 0.064. On 4,000 points, tolerances of about 3 standard errors
     * (0.74/√4000 ≈ 0.012 and 0.35/√4000 ≈ 0.006).
     */
    @Test
    void onAModelItReadsThePosteriorThroughTheSuite() {
        NoisyFactorDataset dataset = new NoisyFactorDataset(new int[] {3, 4}, 0, 0.0);
        MetricSuite suite = suite(new MeanTcScore(4000, 500, 64));
        SuiteResult r = suite.evaluateModel(dataset, vae(2, Math.log(0.25)), List.of("mean_tc"), 3, ProgressListener.NONE);
        Map<String, Double> s = r.scores().get("mean_tc");
        assertEquals(-0.5 * Math.log(5.0 / 11.0), s.get("tc_mean_gaussian"), 0.036);
        assertEquals(-0.5 * Math.log(0.88), s.get("tc_sampled_gaussian"), 0.018);
        assertTrue(Double.isFinite(s.get("tc_sampled_mws")), s.toString());
        assertTrue(s.get("tc_gap_gaussian") < -0.25, s.toString());
        assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("mean_tc: 4,000 points") && n.contains("MWS on the first 500")), r.notes().toString());

        // an autoencoder: no posterior, so the sampled keys are undefined and a note says why
        SuiteResult ae = suite.evaluateModel(dataset, NoisyFactorDataset.identity(2), List.of("mean_tc"), 3, ProgressListener.NONE);
        assertTrue(Double.isNaN(ae.scores().get("mean_tc").get("tc_sampled_gaussian")));
        assertTrue(Double.isFinite(ae.scores().get("mean_tc").get("tc_mean_gaussian")));
        assertTrue(ae.notes().stream().anyMatch(n -> n.contains("no posterior variances")), ae.notes().toString());

        // a diverged VAE's non-finite log-variances are the one-line user error naming the model
        UserInputException e = assertThrows(UserInputException.class,
                () -> suite.evaluateModel(dataset, vae(2, Double.NaN), null, List.of("mean_tc"), 3, ProgressListener.NONE, "run r"));
        assertTrue(e.getMessage().startsWith("run r: 64 of 64 rows of an encoded batch have a non-finite posterior log-variance"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    static MetricSuite suite(MeanTcScore meanTc) {
        return new MetricSuite(List.of(new BetaVaeScore(), new FactorVaeScore(), new MigScore(), new SapScore(), new DciScore(),
                new ModularityExplicitness(), new IrsScore(), new UnsupervisedScores(), new LmsScore(), meanTc, new DisintegrationScore(),
                new MultiFactorVoteScore(), new SpectralIndependenceScore()),
                600, 300, 16);
    }
}
