package org.disentangle4j.metrics.classify;

import java.util.HashMap;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * One least-squares regression tree, as scikit-learn's {@code DecisionTreeRegressor(max_depth=10)}
 * grows it (the tree of the LMS-tree score): XGBoost with a single boosting round, learning rate
 * 1 and no regularisation ({@code lambda = alpha = gamma = 0}), exact greedy splits over every
 * distinct feature value, at least one point per leaf. With squared error every hessian is 1,
 * so XGBoost's split gain G_L²/n_L + G_R²/n_R − G²/n is the reduction of the sum of squared
 * residuals that scikit-learn maximises, and a leaf predicts the mean target of its points
 * (the round starts from the training mean and adds the mean residual). Ties between equally
 * good splits may be broken differently; XGBoost computes in float32.
 */
public final class RegressionTree {
    public static final int MAX_DEPTH = 10;

    private final Booster booster;

    private RegressionTree(Booster booster) {
        this.booster = booster;
    }

    /** Fits {@code y} from {@code x[n][d]} (n ≥ 1). */
    public static RegressionTree fit(double[][] x, double[] y) {
        if (x.length != y.length) throw new IllegalArgumentException(x.length + " rows against " + y.length + " targets");
        double mean = 0;
        for (double v : y) mean += v;
        mean /= y.length;
        Map<String, Object> params = new HashMap<>();
        params.put("booster", "gbtree");
        params.put("objective", "reg:squarederror");
        params.put("tree_method", "exact");
        params.put("max_depth", MAX_DEPTH);
        params.put("eta", 1.0);
        params.put("lambda", 0.0);
        params.put("alpha", 0.0);
        params.put("gamma", 0.0);
        params.put("min_child_weight", 1.0); // every hessian is 1: at least one point per leaf
        params.put("subsample", 1.0);
        params.put("base_score", mean);
        params.put("nthread", 1); // callers run trees in parallel
        params.put("verbosity", 0);
        params.put("seed", 0);
        DMatrix train = XgbData.matrix(x);
        try {
            float[] labels = new float[y.length];
            for (int i = 0; i < y.length; i++) labels[i] = (float) y[i];
            train.setLabel(labels);
            return new RegressionTree(XGBoost.train(train, params, 1, Map.of(), null, null));
        } catch (XGBoostError e) {
            throw XgbData.failure("fit a regression tree", e);
        } finally {
            train.dispose();
        }
    }

    public double[] predict(double[][] x) {
        DMatrix data = XgbData.matrix(x);
        try {
            float[][] p = booster.predict(data);
            double[] out = new double[x.length];
            for (int i = 0; i < x.length; i++) out[i] = p[i][0];
            return out;
        } catch (XGBoostError e) {
            throw XgbData.failure("predict with a regression tree", e);
        } finally {
            data.dispose();
        }
    }

    public void dispose() {
        booster.dispose();
    }

    /**
     * The coefficient of determination 1 − Σ(y − ŷ)² / Σ(y − ȳ)² as scikit-learn's
     * {@code r2_score}: negative when the prediction is worse than the mean of {@code y}; when
     * {@code y} is constant, 1 for a perfect prediction and 0 otherwise.
     */
    public static double r2(double[] y, double[] predicted) {
        if (y.length != predicted.length) throw new IllegalArgumentException(y.length + " targets against " + predicted.length);
        double mean = 0;
        for (double v : y) mean += v;
        mean /= y.length;
        double residual = 0, total = 0;
        for (int i = 0; i < y.length; i++) {
            residual += (y[i] - predicted[i]) * (y[i] - predicted[i]);
            total += (y[i] - mean) * (y[i] - mean);
        }
        if (total == 0) return residual == 0 ? 1 : 0;
        return 1 - residual / total;
    }
}
