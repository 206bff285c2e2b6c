package org.disentangle4j.metrics;

import java.util.random.RandomGenerator;
import org.disentangle4j.data.GroundTruthDataset;
import org.disentangle4j.metrics.support.ConstantFactors;
import org.disentangle4j.metrics.support.FactorCodeSampler;

/**
 * The points a metric scores. {@code all} feeds the metrics that fit nothing (MIG, modularity,
 * IRS, unsupervised); {@code train} and {@code test} feed those that fit a classifier (SAP, DCI,
 * explicitness). When a separate test set was given, {@code all} is the training set.
 */
public record EvaluationSets(LabelledCodes all, LabelledCodes train, LabelledCodes test) {

    /** Fraction held out as test set when no test set is given: 5,000 of 15,000 as in the reference. */
    public static final double HELD_OUT_FRACTION = 1.0 / 3.0;

    public EvaluationSets {
        if (train.numDims() != test.numDims()) {
            throw new IllegalArgumentException("train codes have " + train.numDims() + " dimensions, test codes " + test.numDims());
        }
        if (train.numFactors() != test.numFactors()) {
            throw new IllegalArgumentException("train has " + train.numFactors() + " factors, test " + test.numFactors());
        }
    }

    /** A given training and test set. */
    public static EvaluationSets of(LabelledCodes train, LabelledCodes test) {
        return new EvaluationSets(train, train, test);
    }

    /**
     * Samples a training and a test set from a dataset (the reference's sampling for the metrics
     * that fit a classifier) and drops factors that are constant in the training set.
     *
     * @param task names the sampling in progress reports
     */
    public static EvaluationSets sample(GroundTruthDataset dataset, RepresentationFunction representation, int numTrain, int numTest,
            int batchSize, RandomGenerator rng, ProgressListener progress, String task) {
        LabelledCodes train = FactorCodeSampler.sample(dataset, representation, numTrain, batchSize, rng, progress, task + " train");
        LabelledCodes test = FactorCodeSampler.sample(dataset, representation, numTest, batchSize, rng, progress, task + " test");
        int[] keep = ConstantFactors.varying(train.factors());
        if (keep.length == 0) throw new MetricNotApplicableException("every factor is constant");
        return of(train.selectFactors(keep), test.selectFactors(keep));
    }

    /**
     * All points for the metrics that fit nothing; a random third of them (seeded) as test set and
     * the rest as training set for those that fit a classifier.
     */
    public static EvaluationSets heldOut(LabelledCodes points, RandomGenerator rng) {
        int n = points.numPoints();
        if (n < 2) throw new IllegalArgumentException("need at least two points to hold some out");
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int numTest = Math.max(1, (int) Math.round(n * HELD_OUT_FRACTION));
        int[] test = java.util.Arrays.copyOfRange(order, 0, numTest);
        int[] train = java.util.Arrays.copyOfRange(order, numTest, n);
        java.util.Arrays.sort(test);
        java.util.Arrays.sort(train);
        return new EvaluationSets(points, points.selectRows(train), points.selectRows(test));
    }
}
