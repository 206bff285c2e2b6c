package org.disentangle4j.metrics.stats;

/** Per-column mean and standard deviation (ddof 0, as numpy's {@code std}) and their application. */
public final class Standardizer {
    private Standardizer() {}

    /** {@code [0]}: column means, {@code [1]}: column standard deviations. */
    public static double[][] fit(double[][] rows) {
        int d = rows[0].length;
        double[] mean = new double[d];
        double[] std = new double[d];
        for (double[] row : rows) for (int j = 0; j < d; j++) mean[j] += row[j];
        for (int j = 0; j < d; j++) mean[j] /= rows.length;
        for (double[] row : rows) {
            for (int j = 0; j < d; j++) {
                double c = row[j] - mean[j];
                std[j] += c * c;
            }
        }
        for (int j = 0; j < d; j++) std[j] = Math.sqrt(std[j] / rows.length);
        return new double[][] {mean, std};
    }

    /** (x − mean) / std per column; a column with std 0 becomes 0. */
    public static double[][] apply(double[][] rows, double[][] fitted) {
        double[] mean = fitted[0];
        double[] std = fitted[1];
        double[][] out = new double[rows.length][mean.length];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < mean.length; j++) out[i][j] = std[j] == 0 ? 0.0 : (rows[i][j] - mean[j]) / std[j];
        }
        return out;
    }
}
