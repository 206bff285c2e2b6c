package org.disentangle4j.metrics.classify;

import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;

/** Conversions between row-major double arrays and XGBoost's float matrices. */
final class XgbData {
    private XgbData() {}

    /** A dense matrix of {@code rows} (XGBoost computes in float, as scikit-learn's trees do). */
    static DMatrix matrix(double[][] rows) {
        int numRows = rows.length;
        int numCols = rows[0].length;
        float[] flat = new float[numRows * numCols];
        for (int i = 0; i < numRows; i++) {
            for (int j = 0; j < numCols; j++) flat[i * numCols + j] = (float) rows[i][j];
        }
        try {
            return new DMatrix(flat, numRows, numCols, Float.NaN);
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost could not take the data: " + e.getMessage(), e);
        }
    }

    static float[] asFloats(int[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) out[i] = values[i];
        return out;
    }

    static String[] featureNames(int count) {
        String[] names = new String[count];
        for (int j = 0; j < count; j++) names[j] = "f" + j;
        return names;
    }

    static IllegalStateException failure(String what, XGBoostError e) {
        return new IllegalStateException("XGBoost failed to " + what + ": " + e.getMessage(), e);
    }
}
