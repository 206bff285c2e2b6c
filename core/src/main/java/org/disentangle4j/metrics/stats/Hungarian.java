package org.disentangle4j.metrics.stats;

import java.util.Arrays;

/**
 * Optimal assignment (the linear sum assignment of {@code scipy.optimize.linear_sum_assignment}):
 * each row gets a distinct column so that the sum of the chosen entries is minimal (or maximal).
 * Rectangular matrices assign min(rows, columns) pairs. The Hungarian method with potentials
 * (Kuhn 1955, Munkres 1957; the O(n²m) form of Jonker and Volgenant's shortest augmenting paths).
 * Among equally good assignments any one may be returned.
 */
public final class Hungarian {
    private Hungarian() {}

    /**
     * @param cost {@code cost[row][column]}, finite
     * @return {@code column[row]}: the column assigned to each row, or −1 for rows left out when
     *     there are more rows than columns
     */
    public static int[] minimize(double[][] cost) {
        int rows = cost.length;
        if (rows == 0) return new int[0];
        int cols = cost[0].length;
        for (double[] r : cost) {
            if (r.length != cols) throw new IllegalArgumentException("rows of different lengths");
            for (double v : r) if (!Double.isFinite(v)) throw new IllegalArgumentException("costs must be finite, got " + v);
        }
        if (cols == 0) {
            int[] none = new int[rows];
            Arrays.fill(none, -1);
            return none;
        }
        if (rows <= cols) return assign(cost, rows, cols);
        double[][] t = new double[cols][rows];
        for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) t[j][i] = cost[i][j];
        int[] rowOfColumn = assign(t, cols, rows);
        int[] out = new int[rows];
        Arrays.fill(out, -1);
        for (int j = 0; j < cols; j++) out[rowOfColumn[j]] = j;
        return out;
    }

    /** The assignment with the largest sum of {@code score} entries. */
    public static int[] maximize(double[][] score) {
        double[][] negated = new double[score.length][];
        for (int i = 0; i < score.length; i++) negated[i] = Arrays.stream(score[i]).map(v -> -v).toArray();
        return minimize(negated);
    }

    /** The sum of the assigned entries. */
    public static double total(double[][] matrix, int[] assignment) {
        double sum = 0;
        for (int i = 0; i < assignment.length; i++) if (assignment[i] >= 0) sum += matrix[i][assignment[i]];
        return sum;
    }

    /** n ≤ m: rows 1…n, columns 1…m internally, column 0 a virtual start. */
    private static int[] assign(double[][] a, int n, int m) {
        double[] u = new double[n + 1];
        double[] v = new double[m + 1];
        int[] rowOf = new int[m + 1]; // rowOf[j]: the row assigned to column j (0 = none)
        int[] way = new int[m + 1];
        for (int i = 1; i <= n; i++) {
            rowOf[0] = i;
            int j0 = 0;
            double[] minv = new double[m + 1];
            Arrays.fill(minv, Double.POSITIVE_INFINITY);
            boolean[] used = new boolean[m + 1];
            do {
                used[j0] = true;
                int i0 = rowOf[j0];
                double delta = Double.POSITIVE_INFINITY;
                int j1 = -1;
                for (int j = 1; j <= m; j++) {
                    if (used[j]) continue;
                    double cur = a[i0 - 1][j - 1] - u[i0] - v[j];
                    if (cur < minv[j]) {
                        minv[j] = cur;
                        way[j] = j0;
                    }
                    if (minv[j] < delta) {
                        delta = minv[j];
                        j1 = j;
                    }
                }
                for (int j = 0; j <= m; j++) {
                    if (used[j]) {
                        u[rowOf[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (rowOf[j0] != 0);
            do {
                int j1 = way[j0];
                rowOf[j0] = rowOf[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        int[] columnOf = new int[n];
        for (int j = 1; j <= m; j++) if (rowOf[j] != 0) columnOf[rowOf[j] - 1] = j - 1;
        return columnOf;
    }
}
