package org.disentangle4j.metrics.stats;

/** Small dense linear algebra in double for the unsupervised scores (matrices of code size). */
public final class SymmetricMatrices {
    private SymmetricMatrices() {}

    /** log |det A| by LU decomposition with partial pivoting (numpy's slogdet); −∞ when singular. */
    public static double logAbsDeterminant(double[][] a) {
        int n = a.length;
        double[][] lu = new double[n][];
        for (int i = 0; i < n; i++) lu[i] = a[i].clone();
        double logDet = 0;
        for (int k = 0; k < n; k++) {
            int pivot = k;
            for (int i = k + 1; i < n; i++) if (Math.abs(lu[i][k]) > Math.abs(lu[pivot][k])) pivot = i;
            if (lu[pivot][k] == 0) return Double.NEGATIVE_INFINITY;
            double[] t = lu[k];
            lu[k] = lu[pivot];
            lu[pivot] = t;
            logDet += Math.log(Math.abs(lu[k][k]));
            for (int i = k + 1; i < n; i++) {
                double factor = lu[i][k] / lu[k][k];
                for (int j = k + 1; j < n; j++) lu[i][j] -= factor * lu[k][j];
            }
        }
        return logDet;
    }

    /** Eigenvalues of a symmetric matrix by cyclic Jacobi rotations (unordered). */
    public static double[] eigenvalues(double[][] symmetric) {
        int n = symmetric.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) a[i] = symmetric[i].clone();
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            double scale = 0;
            for (int i = 0; i < n; i++) {
                scale += a[i][i] * a[i][i];
                for (int j = i + 1; j < n; j++) off += a[i][j] * a[i][j];
            }
            if (off == 0 || off <= 1e-30 * scale) break;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (a[p][q] == 0) continue;
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = theta == 0 ? 1 : Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < n; k++) {
                        double akp = a[k][p];
                        double akq = a[k][q];
                        a[k][p] = c * akp - s * akq;
                        a[k][q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++) {
                        double apk = a[p][k];
                        double aqk = a[q][k];
                        a[p][k] = c * apk - s * aqk;
                        a[q][k] = s * apk + c * aqk;
                    }
                }
            }
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = a[i][i];
        return out;
    }
}
