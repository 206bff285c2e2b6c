package org.disentangle4j.metrics;

import java.util.SplittableRandom;

/** Small hand-checkable inputs for the metric tests. */
final class MetricFixtures {
    private MetricFixtures() {}

    /** Every combination of two factors with {@code levels} levels each, repeated {@code copies} times. */
    static int[][] fullGrid(int levels0, int levels1, int copies) {
        int[][] f = new int[levels0 * levels1 * copies][];
        int i = 0;
        for (int c = 0; c < copies; c++) {
            for (int a = 0; a < levels0; a++) {
                for (int b = 0; b < levels1; b++) f[i++] = new int[] {a, b};
            }
        }
        return f;
    }

    /** Codes built column by column from factor columns (index ≥ 0) or a constant (−1). */
    static double[][] codesFrom(int[][] factors, int... sources) {
        double[][] codes = new double[factors.length][sources.length];
        for (int i = 0; i < factors.length; i++) {
            for (int d = 0; d < sources.length; d++) codes[i][d] = sources[d] < 0 ? 3.0 : factors[i][sources[d]];
        }
        return codes;
    }

    static double[][] gaussian(int n, int dims, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] x = new double[n][dims];
        for (double[] row : x) {
            for (int d = 0; d < dims; d++) {
                double u = 1.0 - rng.nextDouble();
                row[d] = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
            }
        }
        return x;
    }

    static int[][] uniformFactors(int n, int levels, int numFactors, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[][] f = new int[n][numFactors];
        for (int[] row : f) for (int j = 0; j < numFactors; j++) row[j] = rng.nextInt(levels);
        return f;
    }

    /** Columns of {@code codes} reordered: new column d is old column {@code order[d]}. */
    static double[][] permuteColumns(double[][] codes, int... order) {
        double[][] out = new double[codes.length][order.length];
        for (int i = 0; i < codes.length; i++) for (int d = 0; d < order.length; d++) out[i][d] = codes[i][order[d]];
        return out;
    }
}
