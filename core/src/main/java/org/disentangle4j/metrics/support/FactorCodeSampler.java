package org.disentangle4j.metrics.support;

import java.util.random.RandomGenerator;
import org.disentangle4j.data.GroundTruthDataset;
import org.disentangle4j.metrics.LabelledCodes;
import org.disentangle4j.metrics.ProgressListener;
import org.disentangle4j.metrics.RepresentationFunction;

/**
 * Draws factors from a dataset, renders them and encodes the observations, batch by batch (the
 * reference's {@code generate_batch_factor_code}).
 */
public final class FactorCodeSampler {
    private FactorCodeSampler() {}

    /** {@code numPoints} labelled codes, encoded {@code batchSize} observations at a time. */
    public static LabelledCodes sample(GroundTruthDataset dataset, RepresentationFunction representation, int numPoints,
            int batchSize, RandomGenerator rng, ProgressListener progress, String task) {
        if (numPoints < 1) throw new IllegalArgumentException("numPoints must be positive");
        if (batchSize < 1) throw new IllegalArgumentException("batchSize must be positive");
        double[][] codes = new double[numPoints][];
        int[][] factors = new int[numPoints][];
        ProgressCounter counter = new ProgressCounter(progress, task, numPoints);
        int done = 0;
        while (done < numPoints) {
            int count = Math.min(batchSize, numPoints - done);
            int[][] batchFactors = dataset.sampleFactors(count, rng);
            double[][] batchCodes = encode(dataset, representation, batchFactors);
            for (int i = 0; i < count; i++) {
                factors[done + i] = batchFactors[i];
                codes[done + i] = batchCodes[i];
            }
            done += count;
            counter.add(count);
        }
        // models compute in float32 (as the reference's do), which its histograms reflect
        return new LabelledCodes(codes, factors, LabelledCodes.allSinglePrecision(codes));
    }

    /** Renders and encodes the given factor vectors in one call. */
    public static double[][] encode(GroundTruthDataset dataset, RepresentationFunction representation, int[][] factors) {
        double[][] codes = representation.represent(dataset.render(factors), factors.length);
        if (codes.length != factors.length) {
            throw new IllegalStateException("representation returned " + codes.length + " codes for " + factors.length + " observations");
        }
        return codes;
    }
}
