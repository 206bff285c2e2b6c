package org.disentangle4j.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.disentangle4j.metrics.stats.Covariance;
import org.disentangle4j.data.GroundTruthDataset;
import org.disentangle4j.metrics.support.FactorCodeSampler;

/**
 * The FactorVAE score (Kim &amp; Mnih 2018), as the reference computes it: the variance of every
 * code dimension (ddof 1) over {@value #DEFAULT_NUM_VARIANCE_ESTIMATE} points; dimensions whose
 * standard deviation is below {@value #DEFAULT_PRUNE_THRESHOLD} are dropped; a vote is made by
 * choosing a factor uniformly, fixing it across a batch of {@value #DEFAULT_BATCH_SIZE} points and
 * taking the active dimension with the smallest variance relative to its global variance; the
 * majority-vote classifier maps each dimension to the factor it was most often voted for; the
 * scores are its accuracy on 10,000 training and 5,000 evaluation votes. Without active
 * dimensions both are 0. Constant factors are never chosen. Needs interventional sampling, so it
 * has no arrays entry.
 *
 * <p>{@code num_active_dims} is the number of dimensions kept. (The reference reports
 * {@code len(active_dims)} of a boolean mask, i.e. all dimensions, a slip this does not copy.)
 */
public record FactorVaeScore(int batchSize, int numTrain, int numEval, int numVarianceEstimate, double pruneThreshold) implements Metric {
    public static final String NAME = "factor_vae";
    public static final String TRAIN_ACCURACY = "train_accuracy";
    public static final String EVAL_ACCURACY = "eval_accuracy";
    public static final String ACTIVE_DIMS = "num_active_dims";
    public static final int DEFAULT_BATCH_SIZE = 64;
    public static final int DEFAULT_NUM_TRAIN = 10_000;
    public static final int DEFAULT_NUM_EVAL = 5_000;
    public static final int DEFAULT_NUM_VARIANCE_ESTIMATE = 10_000;
    public static final double DEFAULT_PRUNE_THRESHOLD = 0.05;
    private static final int VOTES_PER_CALL = 16;
    private static final int VARIANCE_BATCH = 1_000;

    public FactorVaeScore() {
        this(DEFAULT_BATCH_SIZE, DEFAULT_NUM_TRAIN, DEFAULT_NUM_EVAL, DEFAULT_NUM_VARIANCE_ESTIMATE, DEFAULT_PRUNE_THRESHOLD);
    }

    public FactorVaeScore {
        if (batchSize < 2) throw new IllegalArgumentException("batchSize must be at least 2 (variances with ddof 1)");
    }

    @Override
    public Map<String, Double> evaluate(GroundTruthDataset dataset, RepresentationFunction representation, RandomGenerator rng,
            ProgressListener progress) {
        int[] varying = BetaVaeScore.varyingFactors(dataset);
        long total = (long) numVarianceEstimate + numTrain + numEval;
        double[] globalVariances = globalVariances(dataset, representation, rng, progress, total);
        int[] active = java.util.stream.IntStream.range(0, globalVariances.length)
                .filter(d -> Math.sqrt(globalVariances[d]) >= pruneThreshold).toArray();
        Map<String, Double> result = new LinkedHashMap<>();
        if (active.length == 0) {
            result.put(TRAIN_ACCURACY, 0.0);
            result.put(EVAL_ACCURACY, 0.0);
            result.put(ACTIVE_DIMS, 0.0);
            return result;
        }
        int numFactors = dataset.factors().numFactors();
        long[][] trainVotes = votes(dataset, representation, varying, numTrain, globalVariances, active, rng, progress,
                numVarianceEstimate, total);
        int[] classifier = new int[active.length];
        for (int d = 0; d < active.length; d++) {
            int best = 0;
            for (int f = 1; f < numFactors; f++) if (trainVotes[f][d] > trainVotes[best][d]) best = f;
            classifier[d] = best;
        }
        long[][] evalVotes = votes(dataset, representation, varying, numEval, globalVariances, active, rng, progress,
                numVarianceEstimate + numTrain, total);
        result.put(TRAIN_ACCURACY, accuracy(trainVotes, classifier));
        result.put(EVAL_ACCURACY, accuracy(evalVotes, classifier));
        result.put(ACTIVE_DIMS, (double) active.length);
        return result;
    }

    private double[] globalVariances(GroundTruthDataset dataset, RepresentationFunction representation, RandomGenerator rng,
            ProgressListener progress, long total) {
        int[][] factors = dataset.sampleFactors(numVarianceEstimate, rng);
        double[][] codes = new double[numVarianceEstimate][];
        for (int start = 0; start < numVarianceEstimate; start += VARIANCE_BATCH) {
            int end = Math.min(numVarianceEstimate, start + VARIANCE_BATCH);
            double[][] part = FactorCodeSampler.encode(dataset, representation, java.util.Arrays.copyOfRange(factors, start, end));
            System.arraycopy(part, 0, codes, start, part.length);
            progress.progress(NAME, end, total);
        }
        return Covariance.columnVariances(codes, 0, codes.length);
    }

    private long[][] votes(GroundTruthDataset dataset, RepresentationFunction representation, int[] varying, int numVotes,
            double[] globalVariances, int[] active, RandomGenerator rng, ProgressListener progress, long doneBefore, long total) {
        long[][] votes = new long[dataset.factors().numFactors()][active.length];
        for (int start = 0; start < numVotes; start += VOTES_PER_CALL) {
            int count = Math.min(VOTES_PER_CALL, numVotes - start);
            int[][] factors = new int[count * batchSize][];
            int[] chosen = new int[count];
            for (int v = 0; v < count; v++) {
                chosen[v] = varying[rng.nextInt(varying.length)];
                int[][] batch = dataset.sampleFactors(batchSize, rng);
                for (int b = 0; b < batchSize; b++) {
                    batch[b][chosen[v]] = batch[0][chosen[v]];
                    factors[v * batchSize + b] = batch[b];
                }
            }
            double[][] codes = FactorCodeSampler.encode(dataset, representation, factors);
            for (int v = 0; v < count; v++) {
                double[] local = Covariance.columnVariances(codes, v * batchSize, (v + 1) * batchSize);
                int argmin = 0;
                for (int a = 1; a < active.length; a++) {
                    if (local[active[a]] / globalVariances[active[a]] < local[active[argmin]] / globalVariances[active[argmin]]) argmin = a;
                }
                votes[chosen[v]][argmin]++;
            }
            progress.progress(NAME, doneBefore + start + count, total);
        }
        return votes;
    }


    private static double accuracy(long[][] votes, int[] classifier) {
        long correct = 0;
        long all = 0;
        for (int d = 0; d < classifier.length; d++) {
            correct += votes[classifier[d]][d];
            for (long[] row : votes) all += row[d];
        }
        return all == 0 ? 0.0 : (double) correct / all;
    }
}
