package org.disentangle4j.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The speed case of the metric suite: every arrays metric on 10,000 training and 5,000 test
 * points, 10 code dimensions, 5 factors of 3, 6, 40, 32 and 32 levels, codes a noisy linear mix
 * of the factors. Target: at most 30 seconds in all on 2 cores.
 */
public final class MetricsBenchmark {
    public static final int[] FACTOR_SIZES = {3, 6, 40, 32, 32};
    public static final int NUM_DIMS = 10;
    public static final int NUM_TRAIN = 10_000;
    public static final int NUM_TEST = 5_000;
    public static final List<String> METRICS = List.of(MigScore.NAME, SapScore.NAME, DciScore.NAME, ModularityExplicitness.NAME,
            IrsScore.NAME, UnsupervisedScores.NAME);

    private MetricsBenchmark() {}

    /** Seconds per metric (in the suite's order) and their {@code total}. */
    public static Map<String, Double> run(ProgressListener progress) {
        SplittableRandom rng = new SplittableRandom(20240601L);
        double[][] mix = mixingMatrix(rng);
        LabelledCodes train = synthetic(NUM_TRAIN, mix, rng);
        LabelledCodes test = synthetic(NUM_TEST, mix, rng);
        SuiteResult result = new MetricSuite().evaluateArrays(train, test, METRICS, 0L, progress);
        if (!result.notApplicable().isEmpty()) throw new IllegalStateException("benchmark metrics not computed: " + result.notApplicable());
        Map<String, Double> seconds = new LinkedHashMap<>(result.seconds());
        seconds.put("total", result.seconds().values().stream().mapToDouble(Double::doubleValue).sum());
        return seconds;
    }

    /** Factor f's weight on code d: 1 on the diagonal plus N(0, 0.3²) everywhere. */
    static double[][] mixingMatrix(SplittableRandom rng) {
        double[][] mix = new double[FACTOR_SIZES.length][NUM_DIMS];
        for (int f = 0; f < FACTOR_SIZES.length; f++) {
            for (int d = 0; d < NUM_DIMS; d++) mix[f][d] = 0.3 * gaussian(rng) + (f == d ? 1.0 : 0.0);
        }
        return mix;
    }

    /** Uniform factors; codes = (factor / (levels − 1)) · mix + N(0, 0.1²) noise. */
    static LabelledCodes synthetic(int n, double[][] mix, SplittableRandom rng) {
        double[][] codes = new double[n][NUM_DIMS];
        int[][] factors = new int[n][FACTOR_SIZES.length];
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < FACTOR_SIZES.length; f++) factors[i][f] = rng.nextInt(FACTOR_SIZES[f]);
            for (int d = 0; d < NUM_DIMS; d++) {
                double c = 0.1 * gaussian(rng);
                for (int f = 0; f < FACTOR_SIZES.length; f++) c += factors[i][f] / (FACTOR_SIZES[f] - 1.0) * mix[f][d];
                codes[i][d] = c;
            }
        }
        return new LabelledCodes(codes, factors);
    }

    private static double gaussian(SplittableRandom rng) {
        // Box–Muller from two uniforms
        double u = 1.0 - rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
