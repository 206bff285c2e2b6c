package org.disentangle4j.metrics;

import static org.disentangle4j.metrics.MetricSuite.DEFAULT_BATCH_SIZE;
import static org.disentangle4j.metrics.MetricSuite.DEFAULT_NUM_TRAIN;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.disentangle4j.data.GroundTruthDataset;
import org.disentangle4j.metrics.support.ConstantFactors;
import org.disentangle4j.metrics.support.FactorCodeSampler;
import org.disentangle4j.metrics.support.ProgressCounter;
import org.disentangle4j.metrics.stats.DiscreteMutualInformation;
import org.disentangle4j.metrics.stats.HistogramDiscretizer;

/**
 * Mutual Information Gap (Chen et al., β-TCVAE), as the reference computes it: every code
 * dimension binned into 20 equal-width bins ({@link HistogramDiscretizer}), the discrete mutual
 * information of each binned code with each factor in nats, and for each factor the gap between
 * its largest and second-largest mutual information divided by the factor's entropy; the score
 * is the mean over factors. Deterministic and equal to the reference to rounding.
 */
public record MigScore(int numTrain, int batchSize) implements Metric {
    public static final String NAME = "mig";
    public static final String KEY = "discrete_mig";

    /** The reference's settings: 10,000 points, batches of 16. */
    public MigScore() {
        this(DEFAULT_NUM_TRAIN, DEFAULT_BATCH_SIZE);
    }

    @Override
    public Map<String, Double> evaluate(GroundTruthDataset dataset, RepresentationFunction representation, RandomGenerator rng,
            ProgressListener progress) {
        LabelledCodes points = FactorCodeSampler.sample(dataset, representation, numTrain, batchSize, rng, progress, NAME);
        return score(ConstantFactors.drop(points));
    }

    @Override
    public Map<String, Double> evaluate(EvaluationSets sets, RandomGenerator rng, ProgressListener progress) {
        ProgressCounter counter = new ProgressCounter(progress, NAME, 1); // well under a second on 10,000 points
        Map<String, Double> result = score(sets.all());
        counter.finish();
        return result;
    }

    /** The MIG of the points; every factor must vary, and there must be at least two code dimensions. */
    public static Map<String, Double> score(LabelledCodes points) {
        double[] gaps = normalizedGaps(points);
        double mean = Arrays.stream(gaps).sum() / gaps.length;
        Map<String, Double> result = new LinkedHashMap<>();
        result.put(KEY, mean);
        return result;
    }

    /** Per factor: (largest − second-largest mutual information with a code) / entropy of the factor. */
    public static double[] normalizedGaps(LabelledCodes points) {
        if (points.numDims() < 2) throw new MetricNotApplicableException("MIG needs at least two code dimensions");
        ConstantFactors.require(points, NAME);
        int[][] binned = HistogramDiscretizer.discretizeCodes(points);
        int[][] factors = points.factorColumns();
        double[][] mi = DiscreteMutualInformation.matrix(binned, factors);
        double[] gaps = new double[factors.length];
        for (int f = 0; f < factors.length; f++) {
            double first = Double.NEGATIVE_INFINITY;
            double second = Double.NEGATIVE_INFINITY;
            for (double[] row : mi) {
                double v = row[f];
                if (v > first) {
                    second = first;
                    first = v;
                } else if (v > second) {
                    second = v;
                }
            }
            gaps[f] = (first - second) / DiscreteMutualInformation.entropy(factors[f]);
        }
        return gaps;
    }
}
