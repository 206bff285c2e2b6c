package org.disentangle4j.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.disentangle4j.data.GroundTruthDataset;
import org.disentangle4j.metrics.classify.LogisticRegressionClassifier;
import org.disentangle4j.metrics.support.ConstantFactors;
import org.disentangle4j.metrics.support.FactorCodeSampler;
import org.disentangle4j.metrics.stats.ClassLabels;

/**
 * The BetaVAE score (Higgins et al. 2017), as the reference computes it: a training point is made
 * by choosing a factor uniformly, sampling two batches of {@value #DEFAULT_BATCH_SIZE} factor
 * vectors that agree on that factor, and taking the mean absolute difference of their codes; a
 * logistic regression ({@link LogisticRegressionClassifier}) predicts the
 * chosen factor; the scores are its accuracy on 10,000 training and 5,000 evaluation points
 * (the classifier is LIBLINEAR one-vs-rest with C = 1, scikit-learn's default before 0.22).
 * Constant factors are never chosen. Needs interventional sampling, so it has no arrays entry.
 */
public record BetaVaeScore(int batchSize, int numTrain, int numEval) implements Metric {
    public static final String NAME = "beta_vae";
    public static final String TRAIN_ACCURACY = "train_accuracy";
    public static final String EVAL_ACCURACY = "eval_accuracy";
    public static final int DEFAULT_BATCH_SIZE = 64;
    public static final int DEFAULT_NUM_TRAIN = 10_000;
    public static final int DEFAULT_NUM_EVAL = 5_000;
    /** Points encoded per call of the representation function (2 batches each). */
    private static final int POINTS_PER_CALL = 8;

    public BetaVaeScore() {
        this(DEFAULT_BATCH_SIZE, DEFAULT_NUM_TRAIN, DEFAULT_NUM_EVAL);
    }

    @Override
    public Map<String, Double> evaluate(GroundTruthDataset dataset, RepresentationFunction representation, RandomGenerator rng,
            ProgressListener progress) {
        int[] varying = varyingFactors(dataset);
        requireTrainingVotes(numTrain);
        long total = (long) numTrain + numEval;
        Sample train = sample(dataset, representation, varying, numTrain, rng, progress, 0, total);
        Sample eval = sample(dataset, representation, varying, numEval, rng, progress, numTrain, total);
        LogisticRegressionClassifier model = LogisticRegressionClassifier.fit(train.features, train.labels);
        Map<String, Double> result = new LinkedHashMap<>();
        result.put(TRAIN_ACCURACY, ClassLabels.accuracy(model.predict(train.features), train.labels));
        result.put(EVAL_ACCURACY, ClassLabels.accuracy(model.predict(eval.features), eval.labels));
        return result;
    }

    /**
     * Refuses fewer than 2 training votes: the classifier needs two factors to tell apart. (Votes
     * that happen to fall on one factor are reported by the suite as not applicable.)
     */
    public static void requireTrainingVotes(int numTrain) {
        if (numTrain < 2) {
            throw new org.disentangle4j.io.UserInputException("beta_vae needs at least 2 training votes (its classifier needs two factors "
                    + "to tell apart), got " + numTrain + " (--votes)");
        }
    }

    static int[] varyingFactors(GroundTruthDataset dataset) {
        int[] varying = ConstantFactors.varying(dataset.factors());
        if (varying.length == 0) throw new MetricNotApplicableException("every factor of " + dataset.name() + " is constant");
        return varying;
    }

    private record Sample(double[][] features, int[] labels) {}

    private Sample sample(GroundTruthDataset dataset, RepresentationFunction representation, int[] varying, int numPoints,
            RandomGenerator rng, ProgressListener progress, long doneBefore, long total) {
        double[][] features = new double[numPoints][];
        int[] labels = new int[numPoints];
        for (int start = 0; start < numPoints; start += POINTS_PER_CALL) {
            int count = Math.min(POINTS_PER_CALL, numPoints - start);
            int[][] factors = new int[2 * batchSize * count][];
            for (int p = 0; p < count; p++) {
                int chosen = varying[rng.nextInt(varying.length)];
                int[][] first = dataset.sampleFactors(batchSize, rng);
                int[][] second = dataset.sampleFactors(batchSize, rng);
                for (int b = 0; b < batchSize; b++) {
                    second[b][chosen] = first[b][chosen];
                    factors[2 * batchSize * p + b] = first[b];
                    factors[2 * batchSize * p + batchSize + b] = second[b];
                }
                labels[start + p] = chosen;
            }
            double[][] codes = FactorCodeSampler.encode(dataset, representation, factors);
            for (int p = 0; p < count; p++) {
                int base = 2 * batchSize * p;
                int dims = codes[base].length;
                double[] feature = new double[dims];
                for (int b = 0; b < batchSize; b++) {
                    for (int d = 0; d < dims; d++) feature[d] += Math.abs(codes[base + b][d] - codes[base + batchSize + b][d]);
                }
                for (int d = 0; d < dims; d++) feature[d] /= batchSize;
                features[start + p] = feature;
            }
            progress.progress(NAME, doneBefore + start + count, total);
        }
        return new Sample(features, labels);
    }

}
