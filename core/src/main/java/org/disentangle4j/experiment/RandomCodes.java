package org.disentangle4j.experiment;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.disentangle4j.data.GroundTruthDataset;
import org.disentangle4j.metrics.MetricSuite;
import org.disentangle4j.metrics.ProgressListener;
import org.disentangle4j.metrics.RepresentationFunction;
import org.disentangle4j.metrics.SuiteResult;

/**
 * The chance row of a metric table: codes that carry nothing a metric can use, scored through the
 * same protocol (same sampling, votes and seed) as the models. Each observation's code is standard
 * normal noise drawn from a generator seeded by the observation's pixels, so the same image always
 * gets the same code (as from a model) while no factor is any smoother a function of the codes than
 * of a random hash.
 */
public final class RandomCodes implements RepresentationFunction {
    private final int dims;
    private final long seed;
    private final int observationSize;

    public RandomCodes(int dims, long seed, int observationSize) {
        this.dims = dims;
        this.seed = seed;
        this.observationSize = observationSize;
    }

    @Override
    public double[][] represent(float[] observations, int count) {
        double[][] codes = new double[count][dims];
        for (int i = 0; i < count; i++) {
            int hash = Arrays.hashCode(Arrays.copyOfRange(observations, i * observationSize, (i + 1) * observationSize));
            SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + hash);
            for (int j = 0; j < dims; j++) codes[i][j] = random.nextGaussian();
        }
        return codes;
    }

    /** The metrics of random codes of {@code dims} dimensions on {@code dataset}, as a model's run would be scored. */
    public static SuiteResult score(GroundTruthDataset dataset, int dims, List<String> metrics, MetricSuite.Votes votes, long seed) {
        return new MetricSuite(votes).evaluateModel(dataset, new RandomCodes(dims, seed, dataset.observationSize()), metrics, seed,
                ProgressListener.NONE);
    }
}
