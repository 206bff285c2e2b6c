package org.disentangle4j.metrics.stats;

import java.util.function.DoubleUnaryOperator;

/**
 * The eigen-decomposition A = V·diag(λ)·Vᵀ of a small symmetric matrix in double, by cyclic Jacobi
 * rotations with the rotations accumulated into V (SymmetricMatrices gives the values alone), and
 * the matrix functions it gives: f(A) = V·diag(f(λ))·Vᵀ, e.g. the square root of a covariance.
 */
public record SymmetricEigen(double[] values, double[][] vectors) {

    /** Eigenvalues (unordered) and eigenvectors as the columns of {@code vectors}. Only A's upper triangle is read. */
    public static SymmetricEigen of(double[][] symmetric) {
        int n = symmetric.length;
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                a[i][j] = symmetric[i][j];
                a[j][i] = symmetric[i][j];
            }
        }
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) v[i][i] = 1;
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0, scale = 0;
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
                    rotateColumns(a, p, q, c, s);
                    rotateRows(a, p, q, c, s);
                    rotateColumns(v, p, q, c, s);           // V ← V·J, so A = V·D·Vᵀ throughout
                }
            }
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) values[i] = a[i][i];
        return new SymmetricEigen(values, v);
    }

    /** f(A) = V·diag(f(λ))·Vᵀ. */
    public double[][] apply(DoubleUnaryOperator f) {
        int n = values.length;
        double[] fv = new double[n];
        for (int k = 0; k < n; k++) fv[k] = f.applyAsDouble(values[k]);
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) s += vectors[i][k] * fv[k] * vectors[j][k];
                out[i][j] = s;
                out[j][i] = s;
            }
        }
        return out;
    }

    /** The positive semi-definite square root of a covariance; eigenvalues below 0 (rounding) count as 0. */
    public static double[][] sqrt(double[][] covariance) {
        return of(covariance).apply(l -> Math.sqrt(Math.max(l, 0)));
    }

    private static void rotateColumns(double[][] m, int p, int q, double c, double s) {
        for (double[] row : m) {
            double mp = row[p], mq = row[q];
            row[p] = c * mp - s * mq;
            row[q] = s * mp + c * mq;
        }
    }

    private static void rotateRows(double[][] m, int p, int q, double c, double s) {
        for (int k = 0; k < m.length; k++) {
            double mp = m[p][k], mq = m[q][k];
            m[p][k] = c * mp - s * mq;
            m[q][k] = s * mp + c * mq;
        }
    }
}
