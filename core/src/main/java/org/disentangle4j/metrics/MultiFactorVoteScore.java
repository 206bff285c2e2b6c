package org.disentangle4j.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.disentangle4j.data.GroundTruthDataset;
import org.disentangle4j.io.UserInputException;
import org.disentangle4j.metrics.stats.Covariance;
import org.disentangle4j.metrics.support.FactorCodeSampler;

/**
 * The multi-factor FactorVAE metric m-FVM_k of CFASL (specs/cfasl.md; the reference's
 * {@code src/disent_metrics/mfvm.py}), for k = 1 … min({@value #MAX_FIXED}, #varying factors − 1).
 *
 * <p>Global variances (ddof 1) of every code dimension from {@value #DEFAULT_NUM_VARIANCE_ESTIMATE}
 * random observations; dimensions with standard deviation ≥ {@value #DEFAULT_PRUNE_THRESHOLD} are
 * active. A vote: draw {@value #DEFAULT_BATCH_SIZE} factor vectors, choose k distinct factors
 * uniformly among the varying ones, set those k factors in every vector to the first vector's
 * values, render, encode, divide each active dimension's variance (ddof 1) by its global variance,
 * and take the k active dimensions with the smallest ratios (ties to the lower index); the vote is
 * (fixed-factor tuple → predicted-dimension tuple), both as sorted sets. Score: for each factor
 * tuple, the majority dimension tuple's share of its votes; the mean over factor tuples.
 *
 * <p>Split (the reference scores the same 800 votes it counts, which favours any representation
 * by the majority's sampling noise): per k, {@value #DEFAULT_NUM_TRAIN} training votes make the
 * majority table (factor tuple → its most frequent dimension tuple, ties to the first seen) and
 * {@code m_fvm_k_train} is the reference's score on them; {@value #DEFAULT_NUM_EVAL} evaluation
 * votes give {@code m_fvm_k_eval}: per factor tuple the share of its evaluation votes that equal
 * the table's tuple (0 for a tuple the training votes never drew), the mean over factor tuples.
 * A random representation (codes independent of the factors, exchangeable dimensions) scores
 * 1/C(A, k) in expectation on the evaluation votes (A active dimensions: 0.1, 0.022, 0.0083,
 * 0.0048 for A = 10 and k = 1 … 4); its training score is higher (the maximum of noisy counts).
 * That needs well-estimated global variances. With the reference's 100 points they are off by
 * about ±14 % (a sample variance of 100), as much as a vote's own variances, so the dimensions with
 * overestimated global variance win most votes whatever the factor: a random representation of 10
 * Gaussian dimensions scores about 0.37, 0.17, 0.13, 0.12 on the evaluation votes for k = 1 … 4
 * (measured, mean of 10 seeds on five factors of 3, 6, 40, 32, 32 levels) instead of 0.1, 0.022,
 * 0.0083, 0.0048. Those are the baselines for the default scores; the constructor takes more
 * points for the variances (100,000 bring a random representation to chance).
 *
 * <p>k = 1 casts FactorVAE's vote (the argmin dimension for one fixed factor), but scores it the
 * other way round: FactorVAE maps each dimension to its majority factor and pools all votes,
 * m-FVM₁ maps each factor to its majority dimension and averages over factors. The two agree when
 * the majority map is one-to-one between factors and active dimensions with the same accuracy for
 * every factor; a dimension that captures two factors costs FactorVAE but not m-FVM₁.
 *
 * <p>Keys: {@code m_fvm_k_eval}, {@code m_fvm_k_train} for k = 1 … {@value #MAX_FIXED} (NaN for a k
 * the dataset's factors do not allow), then {@code num_active_dims}. Without active dimensions
 * every score is 0; a k above the number of active dimensions scores 0 (no k dimensions can be
 * predicted). Constant factors are never fixed (they cannot be told apart); a dataset with fewer
 * than two varying factors is not applicable. Needs interventional sampling, so it has no arrays
 * entry. Cost: (train + eval) × batch observations per k, 4 × 1,600 × 100 = 640,000 encoded at
 * the defaults for four k.
 *
 * @param numTrain training votes per k
 * @param numEval evaluation votes per k
 */
public record MultiFactorVoteScore(int batchSize, int numTrain, int numEval, int numVarianceEstimate, double pruneThreshold)
        implements Metric {
    public static final String NAME = "m_fvm";
    public static final String ACTIVE_DIMS = "num_active_dims";
    /** The largest k reported. */
    public static final int MAX_FIXED = 4;
    public static final int DEFAULT_BATCH_SIZE = 100;
    public static final int DEFAULT_NUM_TRAIN = 800;
    public static final int DEFAULT_NUM_EVAL = 800;
    public static final int DEFAULT_NUM_VARIANCE_ESTIMATE = 100;
    public static final double DEFAULT_PRUNE_THRESHOLD = 0.06;
    private static final int VOTES_PER_CALL = 16;

    /** The reference's settings: batches of 100, 100 points for the variances, std ≥ 0.06; 800 + 800 votes per k. */
    public MultiFactorVoteScore() {
        this(DEFAULT_BATCH_SIZE, DEFAULT_NUM_TRAIN, DEFAULT_NUM_EVAL, DEFAULT_NUM_VARIANCE_ESTIMATE, DEFAULT_PRUNE_THRESHOLD);
    }

    public MultiFactorVoteScore {
        if (batchSize < 2) throw new UserInputException("m_fvm: the batch size must be at least 2 (variances with ddof 1), got " + batchSize);
        if (numTrain < 1 || numEval < 1) throw new UserInputException("m_fvm: expected positive vote counts, got " + numTrain + "," + numEval);
        if (numVarianceEstimate < 2) throw new UserInputException("m_fvm: the variances need at least 2 points, got " + numVarianceEstimate);
        if (!(pruneThreshold >= 0)) throw new UserInputException("m_fvm: the prune threshold must be ≥ 0, got " + pruneThreshold);
    }

    public static String evalKey(int k) {
        return NAME + "_" + k + "_eval";
    }

    public static String trainKey(int k) {
        return NAME + "_" + k + "_train";
    }

    /** {@code m_fvm_k_eval}, {@code m_fvm_k_train} for k = 1 … {@value #MAX_FIXED}, then {@code num_active_dims}. */
    static List<String> resultKeyList() {
        List<String> keys = new ArrayList<>();
        for (int k = 1; k <= MAX_FIXED; k++) {
            keys.add(evalKey(k));
            keys.add(trainKey(k));
        }
        keys.add(ACTIVE_DIMS);
        return keys;
    }

    @Override
    public Map<String, Double> evaluate(GroundTruthDataset dataset, RepresentationFunction representation, RandomGenerator rng,
            ProgressListener progress) {
        int[] varying = BetaVaeScore.varyingFactors(dataset);
        int maxK = Math.min(MAX_FIXED, varying.length - 1);
        if (maxK < 1) {
            throw new MetricNotApplicableException(dataset.name() + " has a single varying factor; fixing k of them needs at least two");
        }
        long total = numVarianceEstimate + (long) maxK * (numTrain + numEval) * batchSize;
        int[][] factors = dataset.sampleFactors(numVarianceEstimate, rng);
        double[][] codes = FactorCodeSampler.encode(dataset, representation, factors);
        double[] globalVariances = Covariance.columnVariances(codes, 0, codes.length);
        int[] active = IntStream.range(0, globalVariances.length)
                .filter(d -> globalVariances[d] > 0 && Math.sqrt(globalVariances[d]) >= pruneThreshold).toArray();
        progress.progress(NAME, numVarianceEstimate, total);

        Map<String, Double> result = new LinkedHashMap<>();
        long done = numVarianceEstimate;
        for (int k = 1; k <= MAX_FIXED; k++) {
            if (k > maxK) {
                result.put(evalKey(k), Double.NaN);
                result.put(trainKey(k), Double.NaN);
            } else if (active.length < k) {
                result.put(evalKey(k), 0.0);
                result.put(trainKey(k), 0.0);
            } else {
                Map<List<Integer>, Map<List<Integer>, Integer>> train = votes(dataset, representation, varying, k, numTrain, globalVariances,
                        active, rng, progress, done, total);
                done += (long) numTrain * batchSize;
                Map<List<Integer>, Map<List<Integer>, Integer>> eval = votes(dataset, representation, varying, k, numEval, globalVariances,
                        active, rng, progress, done, total);
                done += (long) numEval * batchSize;
                Map<List<Integer>, List<Integer>> table = majorityTable(train);
                result.put(evalKey(k), accuracy(eval, table));
                result.put(trainKey(k), accuracy(train, table));
            }
        }
        result.put(ACTIVE_DIMS, (double) active.length);
        return result;
    }

    /** Votes as counts: fixed-factor tuple → (predicted-dimension tuple → count), tuples in first-drawn order. */
    private Map<List<Integer>, Map<List<Integer>, Integer>> votes(GroundTruthDataset dataset, RepresentationFunction representation,
            int[] varying, int k, int numVotes, double[] globalVariances, int[] active, RandomGenerator rng, ProgressListener progress,
            long doneBefore, long total) {
        Map<List<Integer>, Map<List<Integer>, Integer>> votes = new LinkedHashMap<>();
        for (int start = 0; start < numVotes; start += VOTES_PER_CALL) {
            int count = Math.min(VOTES_PER_CALL, numVotes - start);
            int[][] factors = new int[count * batchSize][];
            List<List<Integer>> fixed = new ArrayList<>();
            for (int v = 0; v < count; v++) {
                int[] chosen = chooseDistinct(varying, k, rng);
                int[][] batch = dataset.sampleFactors(batchSize, rng);
                for (int b = 0; b < batchSize; b++) {
                    for (int f : chosen) batch[b][f] = batch[0][f];
                    factors[v * batchSize + b] = batch[b];
                }
                fixed.add(Arrays.stream(chosen).sorted().boxed().toList());
            }
            double[][] codes = FactorCodeSampler.encode(dataset, representation, factors);
            for (int v = 0; v < count; v++) {
                double[] local = Covariance.columnVariances(codes, v * batchSize, (v + 1) * batchSize);
                List<Integer> predicted = smallestRatios(local, globalVariances, active, k);
                votes.computeIfAbsent(fixed.get(v), key -> new LinkedHashMap<>()).merge(predicted, 1, Integer::sum);
            }
            progress.progress(NAME, doneBefore + (long) (start + count) * batchSize, total);
        }
        return votes;
    }

    /** k distinct entries of {@code from}, uniformly (a partial Fisher–Yates shuffle of a copy). */
    static int[] chooseDistinct(int[] from, int k, RandomGenerator rng) {
        int[] pool = from.clone();
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(pool.length - i);
            int t = pool[i];
            pool[i] = pool[j];
            pool[j] = t;
        }
        return Arrays.copyOf(pool, k);
    }

    /** The k active dimensions with the smallest local / global variance, ties to the lower index, sorted. */
    static List<Integer> smallestRatios(double[] local, double[] global, int[] active, int k) {
        Integer[] order = new Integer[active.length];
        for (int a = 0; a < active.length; a++) order[a] = a;
        // a stable sort by ratio keeps equal ratios in index order
        Arrays.sort(order, (x, y) -> Double.compare(local[active[x]] / global[active[x]], local[active[y]] / global[active[y]]));
        int[] picked = new int[k];
        for (int i = 0; i < k; i++) picked[i] = active[order[i]];
        return Arrays.stream(picked).sorted().boxed().toList();
    }

    /** Each factor tuple's most frequent dimension tuple (the first seen among equals). */
    static Map<List<Integer>, List<Integer>> majorityTable(Map<List<Integer>, Map<List<Integer>, Integer>> votes) {
        Map<List<Integer>, List<Integer>> table = new LinkedHashMap<>();
        votes.forEach((factors, counts) -> {
            List<Integer> best = null;
            int most = -1;
            for (Map.Entry<List<Integer>, Integer> e : counts.entrySet()) {
                if (e.getValue() > most) {
                    most = e.getValue();
                    best = e.getKey();
                }
            }
            table.put(factors, best);
        });
        return table;
    }

    /** Mean over factor tuples of the share of their votes equal to the table's tuple (0 where the table has none). */
    static double accuracy(Map<List<Integer>, Map<List<Integer>, Integer>> votes, Map<List<Integer>, List<Integer>> table) {
        double sum = 0;
        for (Map.Entry<List<Integer>, Map<List<Integer>, Integer>> e : votes.entrySet()) {
            int all = e.getValue().values().stream().mapToInt(Integer::intValue).sum();
            List<Integer> predicted = table.get(e.getKey());
            int right = predicted == null ? 0 : e.getValue().getOrDefault(predicted, 0);
            sum += (double) right / all;
        }
        return votes.isEmpty() ? 0.0 : sum / votes.size();
    }

}
