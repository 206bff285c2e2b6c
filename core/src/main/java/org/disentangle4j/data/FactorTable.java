package org.disentangle4j.data;

import java.util.Arrays;
import java.util.List;
import org.disentangle4j.io.UserInputException;

/**
 * Checks a per-image label table of an official dataset file: row r must describe factor vector r
 * in mixed-radix order (last factor fastest), which is what lets images be found by
 * {@link FactorSpace#flatIndex}.
 */
final class FactorTable {
    private FactorTable() {}

    /**
     * @param rows row-major table, {@code sizes.length} columns
     * @return the value of every level of every column, read where that level first appears
     * @throws UserInputException naming {@code source} and the first inconsistent row
     */
    static double[][] levelValues(String source, String table, List<String> columns, double[] rows, int[] sizes) {
        int n = sizes.length, count = rows.length / n;
        long[] stride = new long[n];
        double[][] levels = new double[n][];
        for (int f = n - 1; f >= 0; f--) {
            stride[f] = f == n - 1 ? 1 : stride[f + 1] * sizes[f + 1];
            levels[f] = new double[sizes[f]];
            for (int level = 0; level < sizes[f]; level++) levels[f][level] = rows[(int) (level * stride[f]) * n + f];
            if (Arrays.stream(levels[f]).distinct().count() != sizes[f]) {
                throw new UserInputException(source + ": " + table + " shows " + columns.get(f) + " levels "
                        + Arrays.toString(levels[f]) + " where " + sizes[f] + " distinct values were expected "
                        + "(rows must be in factor order, last factor fastest)");
            }
        }
        for (int r = 0; r < count; r++) {
            for (int f = 0; f < n; f++) {
                double expected = levels[f][(int) ((r / stride[f]) % sizes[f])], found = rows[r * n + f];
                if (Math.abs(found - expected) > 1e-6 * Math.max(1, Math.abs(expected))) {
                    throw new UserInputException(source + ": " + table + " row " + r + " has " + columns.get(f) + " = "
                            + found + ", expected " + expected + " (rows must be in factor order, last factor fastest)");
                }
            }
        }
        return levels;
    }
}
