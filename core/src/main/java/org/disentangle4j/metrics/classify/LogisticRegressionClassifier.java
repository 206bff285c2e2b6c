package org.disentangle4j.metrics.classify;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import org.disentangle4j.metrics.stats.ClassLabels;

/**
 * The classifier of the explicitness and BetaVAE scores: {@code LogisticRegression()} with the
 * defaults of the scikit-learn the reference was written and its published tables computed with
 * (before 0.22): LIBLINEAR's primal trust-region solver for L2-regularised logistic regression
 * (solver 0), C = 1, tolerance 1e-4, one-vs-rest for more than two classes, an intercept column of
 * 1 regularised like the weights; probabilities are the per-class sigmoids normalised to sum 1.
 * Here the same solver comes from liblinear-java; it is deterministic.
 *
 * <p>scikit-learn 0.22 and later default to a multinomial model fitted by L-BFGS with an
 * unpenalised intercept; on the benchmark data its explicitness is about 0.02 higher than this
 * one-vs-rest model's. (XGBoost's linear booster fits the multinomial model too, but its
 * coordinate descent needed hundreds of rounds per factor, far beyond the time budget.)
 */
public final class LogisticRegressionClassifier {
    static final double C = 1.0;
    private static final double TOLERANCE = 1e-4;

    static {
        Linear.disableDebugOutput();
    }

    private final Model model;
    private final int[] classes;
    /** {@code column[k]}: the column of class k in liblinear's output (its own label order). */
    private final int[] column;

    private LogisticRegressionClassifier(Model model, int[] classes) {
        this.model = model;
        this.classes = classes;
        int[] labels = model.getLabels();
        this.column = new int[classes.length];
        for (int j = 0; j < labels.length; j++) column[labels[j]] = j;
    }

    /** Fits on {@code features[n][d]}; {@code labels} must take at least two values. */
    public static LogisticRegressionClassifier fit(double[][] features, int[] labels) {
        ClassLabels encoded = ClassLabels.of(labels);
        if (encoded.numClasses() < 2) throw new TooFewClassesException();
        int d = features[0].length;
        Problem problem = new Problem();
        problem.l = features.length;
        problem.n = d + 1;
        problem.bias = 1.0;
        problem.x = new Feature[features.length][];
        problem.y = new double[features.length];
        for (int i = 0; i < features.length; i++) {
            problem.x[i] = row(features[i]);
            problem.y[i] = encoded.encoded()[i];
        }
        Parameter parameter = new Parameter(SolverType.L2R_LR, C, TOLERANCE);
        return new LogisticRegressionClassifier(Linear.train(problem, parameter), encoded.classes());
    }

    public int[] classes() {
        return classes.clone();
    }

    /** Class probabilities {@code [n][numClasses]}, columns in the order of {@link #classes()}. */
    public double[][] predictProbabilities(double[][] features) {
        int k = classes.length;
        double[][] out = new double[features.length][k];
        double[] decision = new double[k == 2 ? 1 : k];
        for (int i = 0; i < features.length; i++) {
            Linear.predictValues(model, row(features[i]), decision);
            if (k == 2) {
                // the decision value belongs to liblinear's first label
                double first = sigmoid(decision[0]);
                int firstClass = model.getLabels()[0];
                out[i][firstClass] = first;
                out[i][1 - firstClass] = 1.0 - first;
            } else {
                double sum = 0;
                for (int c = 0; c < k; c++) {
                    out[i][c] = sigmoid(decision[column[c]]);
                    sum += out[i][c];
                }
                for (int c = 0; c < k; c++) out[i][c] /= sum;
            }
        }
        return out;
    }

    /** The most probable class (original label value) of each row; ties go to the smaller class. */
    public int[] predict(double[][] features) {
        double[][] p = predictProbabilities(features);
        int[] out = new int[features.length];
        for (int i = 0; i < features.length; i++) {
            int best = 0;
            for (int c = 1; c < classes.length; c++) if (p[i][c] > p[i][best]) best = c;
            out[i] = classes[best];
        }
        return out;
    }

    private static double sigmoid(double z) {
        return 1.0 / (1.0 + Math.exp(-z));
    }

    private static Feature[] row(double[] x) {
        Feature[] row = new Feature[x.length + 1];
        for (int j = 0; j < x.length; j++) row[j] = new FeatureNode(j + 1, x[j]);
        row[x.length] = new FeatureNode(x.length + 1, 1.0); // the intercept column
        return row;
    }
}
