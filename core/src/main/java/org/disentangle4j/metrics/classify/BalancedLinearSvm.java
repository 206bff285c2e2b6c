package org.disentangle4j.metrics.classify;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.Random;
import org.disentangle4j.metrics.stats.ClassLabels;

/**
 * The classifier of the SAP score: scikit-learn's {@code LinearSVC(C=0.01,
 * class_weight="balanced")}, which is LIBLINEAR's dual coordinate descent for the L2-regularised
 * squared hinge loss (solver 1), one-vs-rest, tolerance 1e-4, at most 1000 iterations, an
 * intercept column of 1 that is regularised like the weights, and per-class C multiplied by
 * {@code n / (numClasses · count(class))}. Here the same solver comes from liblinear-java.
 *
 * <p>The solver visits points in a random order; each fit gets its own seeded generator, so fits
 * may run on several threads and still give the same model every time.
 */
public final class BalancedLinearSvm {
    static final double C = 0.01;
    private static final double TOLERANCE = 1e-4;
    private static final int MAX_ITERATIONS = 1000;

    static {
        Linear.disableDebugOutput();
    }

    private final Model model;
    private final int[] classes;

    private BalancedLinearSvm(Model model, int[] classes) {
        this.model = model;
        this.classes = classes;
    }

    /** Fits on a single feature; {@code labels} must take at least two values. */
    public static BalancedLinearSvm fit(double[] feature, int[] labels, long seed) {
        ClassLabels encoded = ClassLabels.of(labels);
        if (encoded.numClasses() < 2) throw new TooFewClassesException();
        Problem problem = new Problem();
        problem.l = feature.length;
        problem.n = 2; // the feature and the intercept column
        problem.bias = 1.0;
        problem.x = new Feature[feature.length][];
        problem.y = new double[feature.length];
        for (int i = 0; i < feature.length; i++) {
            problem.x[i] = row(feature[i]);
            problem.y[i] = encoded.encoded()[i];
        }
        long[] counts = encoded.counts();
        double[] weights = new double[counts.length];
        int[] weightLabels = new int[counts.length];
        for (int c = 0; c < counts.length; c++) {
            weights[c] = (double) feature.length / (counts.length * (double) counts[c]);
            weightLabels[c] = c;
        }
        Parameter parameter = new Parameter(SolverType.L2R_L2LOSS_SVC_DUAL, C, TOLERANCE, MAX_ITERATIONS, 0.1);
        parameter.setWeights(weights, weightLabels);
        parameter.setRandom(new Random(seed));
        return new BalancedLinearSvm(Linear.train(problem, parameter), encoded.classes());
    }

    /** Predicted labels (original label values) for each value of the feature. */
    public int[] predict(double[] feature) {
        int[] out = new int[feature.length];
        for (int i = 0; i < feature.length; i++) out[i] = classes[(int) Linear.predict(model, row(feature[i]))];
        return out;
    }

    private static Feature[] row(double value) {
        // liblinear expects the intercept column (value = bias) as the last feature of every row
        return new Feature[] {new FeatureNode(1, value), new FeatureNode(2, 1.0)};
    }
}
