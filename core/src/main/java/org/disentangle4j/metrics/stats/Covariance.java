package org.disentangle4j.metrics.stats;

/** Sample covariances with ddof 1, numpy's {@code np.cov} default. */
public final class Covariance {
    private Covariance() {}

    /** {var(a), cov(a, b), var(b)}. */
    public static double[] pair(double[] a, double[] b) {
        int n = a.length;
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < n; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= n;
        mb /= n;
        double vaa = 0;
        double vab = 0;
        double vbb = 0;
        for (int i = 0; i < n; i++) {
            double da = a[i] - ma;
            double db = b[i] - mb;
            vaa += da * da;
            vab += da * db;
            vbb += db * db;
        }
        return new double[] {vaa / (n - 1), vab / (n - 1), vbb / (n - 1)};
    }

    /** Covariance matrix of the columns of {@code rows[n][d]}. */
    public static double[][] matrix(double[][] rows) {
        int n = rows.length;
        int d = rows[0].length;
        double[] mean = new double[d];
        for (double[] row : rows) for (int j = 0; j < d; j++) mean[j] += row[j];
        for (int j = 0; j < d; j++) mean[j] /= n;
        double[][] cov = new double[d][d];
        double[] c = new double[d];
        for (double[] row : rows) {
            for (int j = 0; j < d; j++) c[j] = row[j] - mean[j];
            for (int j = 0; j < d; j++) {
                for (int k = j; k < d; k++) cov[j][k] += c[j] * c[k];
            }
        }
        for (int j = 0; j < d; j++) {
            for (int k = j; k < d; k++) {
                cov[j][k] /= n - 1;
                cov[k][j] = cov[j][k];
            }
        }
        return cov;
    }

    /** Per-column variance (ddof 1) of rows {@code from … to−1}. */
    public static double[] columnVariances(double[][] rows, int from, int to) {
        int dims = rows[from].length;
        int n = to - from;
        double[] mean = new double[dims];
        for (int i = from; i < to; i++) for (int d = 0; d < dims; d++) mean[d] += rows[i][d];
        for (int d = 0; d < dims; d++) mean[d] /= n;
        double[] var = new double[dims];
        for (int i = from; i < to; i++) {
            for (int d = 0; d < dims; d++) {
                double c = rows[i][d] - mean[d];
                var[d] += c * c;
            }
        }
        for (int d = 0; d < dims; d++) var[d] /= n - 1;
        return var;
    }
}
