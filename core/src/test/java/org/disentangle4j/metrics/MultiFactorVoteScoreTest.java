package org.disentangle4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.disentangle4j.io.UserInputException;
import org.junit.jupiter.api.Test;

class MultiFactorVoteScoreTest {
    // five varying factors read off exactly, one constant factor (size 1), one noise dimension (std ≈ 0.003, inactive)
    private final NoisyFactorDataset fiveFactors = new NoisyFactorDataset(new int[] {3, 4, 1, 5, 3, 4}, 1, 0.01);

    @Test
    void codesEqualToTheFactorsScoreOneForEveryK() {
        // the k fixed factors' codes have variance exactly 0, every other active code a positive one
        Map<String, Double> s = new MultiFactorVoteScore().evaluate(fiveFactors, NoisyFactorDataset.identity(7), new SplittableRandom(1),
                ProgressListener.NONE);
        assertEquals(new MultiFactorVoteScore().resultKeys(), List.copyOf(s.keySet()));
        for (int k = 1; k <= 4; k++) {
            assertEquals(1.0, s.get(MultiFactorVoteScore.evalKey(k)), "k = " + k);
            assertEquals(1.0, s.get(MultiFactorVoteScore.trainKey(k)), "k = " + k);
        }
        assertEquals(5.0, s.get(MultiFactorVoteScore.ACTIVE_DIMS));
    }

    /** Codes of {@code dims} independent standard normals, whatever the observation. */
    private static RepresentationFunction random(int dims, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        return (obs, count) -> {
            double[][] codes = new double[count][dims];
            for (double[] row : codes) for (int d = 0; d < dims; d++) row[d] = r.nextGaussian();
            return codes;
        };
    }

    @Test
    void aRandomRepresentationScoresChanceOnTheEvaluationVotes() {
        // codes independent of the factors with exchangeable dimensions: every vote is a uniformly random k-subset of the
        // A = 10 active dimensions, so whatever the majority table, an evaluation vote matches it with probability 1/C(10, k).
        // 100,000 points for the global variances (±0.45 %) keep the dimensions nearly exchangeable; 4,000 evaluation votes
        // give a standard error √(p(1−p)/4000); tolerance 4 s.e. + 10 % of p for what remains of the variance estimates.
        int evalVotes = 4000;
        Map<String, Double> s = new MultiFactorVoteScore(100, 800, evalVotes, 100_000, 0.06).evaluate(fiveFactors, random(10, 2),
                new SplittableRandom(3), ProgressListener.NONE);
        assertEquals(10.0, s.get(MultiFactorVoteScore.ACTIVE_DIMS));
        int[] tuples = {10, 45, 120, 210}; // C(10, k)
        for (int k = 1; k <= 4; k++) {
            double chance = 1.0 / tuples[k - 1];
            double tolerance = 4 * Math.sqrt(chance * (1 - chance) / evalVotes) + 0.1 * chance;
            double eval = s.get(MultiFactorVoteScore.evalKey(k));
            assertEquals(chance, eval, tolerance, "k = " + k + ": " + s);
            // the training score is the maximum share of noisy counts, above chance: why the votes are split
            assertTrue(s.get(MultiFactorVoteScore.trainKey(k)) > eval + tolerance, "k = " + k + ": " + s);
        }
    }

    /**
     * Three factors of 6 levels in [0, 1]; code d is scale_d · (factor d + σ·noise) with fresh noise at every encoding.
     * A vote for factor f finds dimension f's variance at the fraction σ²/(Var x + σ²) ≈ 0.85 of its global variance and
     * the others' at about 1, each with the spread of a sample variance of 100: right with the same probability p for
     * every factor, wrong votes split evenly. Then FactorVAE's pooled dimension→factor accuracy and m-FVM₁'s mean
     * over factors of the factor→dimension accuracy both estimate p. The scales differ so that only variances divided by
     * the global ones give that symmetry.
     */
    private static RepresentationFunction noisyAxes(long seed) {
        double sigma = 0.81;
        double[] scale = {1, 10, 0.1};
        SplittableRandom r = new SplittableRandom(seed);
        return (obs, count) -> {
            double[][] codes = new double[count][3];
            for (int i = 0; i < count; i++) for (int d = 0; d < 3; d++) codes[i][d] = scale[d] * (obs[i * 3 + d] + sigma * r.nextGaussian());
            return codes;
        };
    }

    @Test
    void forOneFixedFactorItAgreesWithTheFactorVaeScore() {
        NoisyFactorDataset threeFactors = new NoisyFactorDataset(new int[] {6, 6, 6}, 0, 0);
        int train = 2000, eval = 4000;
        // the same batch (100), the same well-estimated global variances (20,000 points), the same vote counts
        Map<String, Double> fvm = new FactorVaeScore(100, train, eval, 20_000, 0.05).evaluate(threeFactors, noisyAxes(4),
                new SplittableRandom(5), ProgressListener.NONE);
        Map<String, Double> mfvm = new MultiFactorVoteScore(100, train, eval, 20_000, 0.06).evaluate(threeFactors, noisyAxes(6),
                new SplittableRandom(7), ProgressListener.NONE);
        double p = fvm.get(FactorVaeScore.EVAL_ACCURACY);
        assertTrue(p > 0.55 && p < 0.9, "the votes should be noisy, not trivially right: " + fvm);
        // independent estimates of one p, s.e. √(p(1−p)/4000) ≈ 0.007 each: the difference is within 0.05 (> 4.5 s.e.)
        assertEquals(p, mfvm.get(MultiFactorVoteScore.evalKey(1)), 0.05, fvm + " vs " + mfvm);
        assertEquals(fvm.get(FactorVaeScore.TRAIN_ACCURACY), mfvm.get(MultiFactorVoteScore.trainKey(1)), 0.05, fvm + " vs " + mfvm);
        // three factors: k = 1, 2 only
        assertTrue(Double.isNaN(mfvm.get(MultiFactorVoteScore.evalKey(3))) && Double.isNaN(mfvm.get(MultiFactorVoteScore.trainKey(4))));
    }

    @Test
    void aDimensionCapturingTwoFactorsCostsFactorVaeButNotMfvm1() {
        NoisyFactorDataset threeFactors = new NoisyFactorDataset(new int[] {6, 6, 6}, 0, 0);
        // code 0 = factor 0, code 1 = factor 1 + factor 2: fixing 1 or 2 halves code 1's variance, fixing 0 zeroes code 0's
        RepresentationFunction merged = (obs, count) -> {
            double[][] codes = new double[count][2];
            for (int i = 0; i < count; i++) {
                codes[i][0] = obs[i * 3];
                codes[i][1] = obs[i * 3 + 1] + obs[i * 3 + 2];
            }
            return codes;
        };
        Map<String, Double> fvm = new FactorVaeScore(100, 1000, 1000, 2000, 0.05).evaluate(threeFactors, merged, new SplittableRandom(8),
                ProgressListener.NONE);
        Map<String, Double> mfvm = new MultiFactorVoteScore(100, 1000, 1000, 2000, 0.06).evaluate(threeFactors, merged,
                new SplittableRandom(9), ProgressListener.NONE);
        // FactorVAE: code 1 is classified as one of its two factors, so about a third of the votes (the other's) are wrong
        assertEquals(2.0 / 3, fvm.get(FactorVaeScore.EVAL_ACCURACY), 0.06, fvm.toString());
        // m-FVM₁: each factor's votes all go to one code
        assertTrue(mfvm.get(MultiFactorVoteScore.evalKey(1)) > 0.99, mfvm.toString());
    }

    @Test
    void aCollapsedRepresentationScoresZeroAndTooFewActiveDimensionsScoreZeroForLargerK() {
        Map<String, Double> collapsed = new MultiFactorVoteScore().evaluate(fiveFactors, (obs, count) -> new double[count][4],
                new SplittableRandom(10), ProgressListener.NONE);
        for (int k = 1; k <= 4; k++) assertEquals(0.0, collapsed.get(MultiFactorVoteScore.evalKey(k)));
        assertEquals(0.0, collapsed.get(MultiFactorVoteScore.ACTIVE_DIMS));
        // two codes (factors 0 and 1): k = 1 and 2 can be scored, k = 3 and 4 cannot pick 3 or 4 dimensions
        RepresentationFunction two = (obs, count) -> {
            double[][] codes = new double[count][2];
            for (int i = 0; i < count; i++) {
                codes[i][0] = obs[i * 7];
                codes[i][1] = obs[i * 7 + 1];
            }
            return codes;
        };
        Map<String, Double> s = new MultiFactorVoteScore(100, 200, 200, 100, 0.06).evaluate(fiveFactors, two, new SplittableRandom(11),
                ProgressListener.NONE);
        assertEquals(2.0, s.get(MultiFactorVoteScore.ACTIVE_DIMS));
        assertEquals(0.0, s.get(MultiFactorVoteScore.evalKey(3)));
        assertEquals(0.0, s.get(MultiFactorVoteScore.trainKey(4)));
        assertTrue(s.get(MultiFactorVoteScore.evalKey(1)) > 0 && s.get(MultiFactorVoteScore.evalKey(1)) < 1, s.toString());
    }

    @Test
    void encodesTheCountedBatchesAndGivesTheSameNumbersForTheSameSeed() {
        AtomicLong encoded = new AtomicLong();
        RepresentationFunction counting = (obs, count) -> {
            encoded.addAndGet(count);
            return NoisyFactorDataset.identity(7).represent(obs, count);
        };
        List<long[]> progress = new ArrayList<>();
        MultiFactorVoteScore metric = new MultiFactorVoteScore(10, 30, 20, 100, 0.06);
        Map<String, Double> a = metric.evaluate(fiveFactors, counting, new SplittableRandom(12), (task, done, total) -> progress.add(new long[] {done, total}));
        // 100 points, then for each of k = 1 … 4: (30 + 20) votes of 10
        assertEquals(100 + 4 * 50 * 10, encoded.get());
        long[] last = progress.get(progress.size() - 1);
        assertEquals(last[1], last[0]);
        Map<String, Double> b = metric.evaluate(fiveFactors, counting, new SplittableRandom(12), ProgressListener.NONE);
        assertEquals(a, b);
    }

    @Test
    void votesAreSortedTuplesAndTheTableIsTheMajority() {
        // ratios 0.5, 0.2, 0.2, 0.9 over active dims {0, 2, 3, 5}: the two smallest are dims 2 and 3; a tie keeps the lower index
        double[] local = {1, 99, 0.4, 0.2, 99, 0.9};
        double[] global = {2, 1, 2, 1, 1, 1};
        assertEquals(List.of(2, 3), MultiFactorVoteScore.smallestRatios(local, global, new int[] {0, 2, 3, 5}, 2));
        assertEquals(List.of(2), MultiFactorVoteScore.smallestRatios(local, global, new int[] {0, 2, 3, 5}, 1));
        Map<List<Integer>, Map<List<Integer>, Integer>> votes = new LinkedHashMap<>();
        votes.put(List.of(0, 1), new LinkedHashMap<>(Map.of(List.of(3, 4), 5)));
        votes.get(List.of(0, 1)).put(List.of(1, 4), 7);
        votes.put(List.of(2, 3), new LinkedHashMap<>(Map.of(List.of(0, 2), 4)));
        Map<List<Integer>, List<Integer>> table = MultiFactorVoteScore.majorityTable(votes);
        assertEquals(List.of(1, 4), table.get(List.of(0, 1)));
        // training score: (7/12 + 4/4) / 2
        assertEquals((7.0 / 12 + 1) / 2, MultiFactorVoteScore.accuracy(votes, table), 1e-12);
        // evaluation votes of a tuple the table lacks count as wrong
        Map<List<Integer>, Map<List<Integer>, Integer>> eval = new LinkedHashMap<>();
        eval.put(List.of(0, 1), new LinkedHashMap<>(Map.of(List.of(1, 4), 1, List.of(0, 4), 3)));
        eval.put(List.of(1, 2), new LinkedHashMap<>(Map.of(List.of(0, 2), 2)));
        assertEquals((0.25 + 0) / 2, MultiFactorVoteScore.accuracy(eval, table), 1e-12);
        // k distinct factors among the varying ones
        SplittableRandom r = new SplittableRandom(13);
        for (int i = 0; i < 100; i++) {
            int[] chosen = MultiFactorVoteScore.chooseDistinct(new int[] {0, 1, 3, 4, 5}, 3, r);
            assertEquals(3, java.util.Arrays.stream(chosen).distinct().count());
            assertTrue(java.util.Arrays.stream(chosen).allMatch(f -> f != 2 && f >= 0 && f <= 5));
        }
    }

    @Test
    void notApplicableToArraysNorToASingleVaryingFactorAndBadSettingsAreOneLine() {
        LabelledCodes points = new LabelledCodes(new double[][] {{0}, {1}}, new int[][] {{0}, {1}});
        assertThrows(MetricNotApplicableException.class,
                () -> new MultiFactorVoteScore().evaluate(EvaluationSets.of(points, points), new SplittableRandom(0), ProgressListener.NONE));
        assertTrue(new MultiFactorVoteScore().notApplicableToArrays().orElseThrow().contains("interventional"));
        NoisyFactorDataset one = new NoisyFactorDataset(new int[] {4, 1}, 0, 0);
        assertThrows(MetricNotApplicableException.class,
                () -> new MultiFactorVoteScore().evaluate(one, NoisyFactorDataset.identity(2), new SplittableRandom(0), ProgressListener.NONE));
        for (Runnable bad : List.<Runnable>of(() -> new MultiFactorVoteScore(1, 800, 800, 100, 0.06),
                () -> new MultiFactorVoteScore(100, 0, 800, 100, 0.06), () -> new MultiFactorVoteScore(100, 800, 800, 1, 0.06),
                () -> new MultiFactorVoteScore(100, 800, 800, 100, Double.NaN))) {
            UserInputException e = assertThrows(UserInputException.class, bad::run);
            assertTrue(e.getMessage().startsWith("m_fvm: ") && !e.getMessage().contains("\n"), e.getMessage());
        }
    }
}
