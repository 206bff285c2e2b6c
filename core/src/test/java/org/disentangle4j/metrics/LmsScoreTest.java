package org.disentangle4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import org.disentangle4j.data.FactorSampler;
import org.disentangle4j.data.FactorSpace;
import org.disentangle4j.data.GroundTruthDataset;
import org.junit.jupiter.api.Test;

/** The {@code lms} metric through its sampling path, on datasets whose observation is the factor values. */
class LmsScoreTest {
    private static final LmsScore LMS = new LmsScore(2000, 1000, 128);

    /**
     * Observation = the factor values (levels evenly spaced in [0, 1]). Scalar: two factors with the
     * L-shaped support of Balls ScalarLatents (not both in the upper half) and that corner as
     * out-of-support set. Blocks: four factors in blocks {0, 1}, {2, 3}, uniform, no such set.
     */
    private static final class Positions implements GroundTruthDataset {
        final FactorSpace space;
        final boolean scalar;

        Positions(boolean scalar, int levels) {
            this.scalar = scalar;
            int k = scalar ? 2 : 4;
            double[][] values = new double[k][];
            for (int f = 0; f < k; f++) values[f] = FactorSpace.linspace(0, 1, levels, true);
            this.space = new FactorSpace(scalar ? List.of("y1", "y2") : List.of("x1", "y1", "x2", "y2"), values);
        }

        @Override
        public String name() {
            return "positions";
        }

        @Override
        public FactorSpace factors() {
            return space;
        }

        @Override
        public int[] observationShape() {
            return new int[] {space.numFactors()};
        }

        @Override
        public int[][] sampleFactors(int n, RandomGenerator rng) {
            int half = space.size(0) / 2;
            int[][] out = new int[n][];
            for (int i = 0; i < n; i++) {
                int[] f;
                do {
                    f = space.sample(1, rng)[0];
                } while (scalar && f[0] >= half && f[1] >= half);
                out[i] = f;
            }
            return out;
        }

        @Override
        public Optional<FactorSampler> outOfSupport() {
            if (!scalar) return Optional.empty();
            int size = space.size(0), half = size / 2;
            return Optional.of((n, rng) -> {
                int[][] out = new int[n][];
                for (int i = 0; i < n; i++) out[i] = new int[] {half + rng.nextInt(size - half), half + rng.nextInt(size - half)};
                return out;
            });
        }

        @Override
        public Optional<int[][]> latentBlocks() {
            return Optional.of(scalar ? new int[][] {{0}, {1}} : new int[][] {{0, 1}, {2, 3}});
        }

        @Override
        public void render(int[] factors, float[] out, int offset) {
            for (int f = 0; f < factors.length; f++) out[offset + f] = (float) space.value(f, factors[f]);
        }
    }

    /** Codes built from each observation by {@code map} (observation of {@code width} values). */
    private static RepresentationFunction codes(int width, java.util.function.Function<float[], double[]> map, int[][] blocks) {
        return new RepresentationFunction() {
            @Override
            public double[][] represent(float[] observations, int count) {
                double[][] out = new double[count][];
                for (int i = 0; i < count; i++) out[i] = map.apply(java.util.Arrays.copyOfRange(observations, i * width, (i + 1) * width));
                return out;
            }

            @Override
            public Optional<int[][]> latentBlocks() {
                return Optional.ofNullable(blocks);
            }
        };
    }

    /** The decoder that inverts the identity representation: the codes are the observation. */
    private static float[] flatten(double[][] codes) {
        float[] out = new float[codes.length * codes[0].length];
        for (int i = 0; i < codes.length; i++) for (int j = 0; j < codes[i].length; j++) out[i * codes[i].length + j] = (float) codes[i][j];
        return out;
    }

    private static Map<String, Double> lms(GroundTruthDataset d, RepresentationFunction r, DecoderFunction decoder, List<String> notes) {
        return LMS.evaluate(d, r, decoder, new SplittableRandom(3), ProgressListener.NONE, notes);
    }

    @Test
    void scalarCodesEqualToTheFactorsScore100InAndOutOfSupportAndReconstructExactly() {
        Positions d = new Positions(true, 64);
        List<String> notes = new ArrayList<>();
        Map<String, Double> r = lms(d, codes(2, o -> new double[] {o[0], o[1]}, null), LmsScoreTest::flatten, notes);
        assertEquals(List.of("lms_in_support", "lms_out_of_support", "rmse_in_support", "rmse_out_of_support", "tree"), List.copyOf(r.keySet()));
        assertEquals(100, r.get("lms_in_support"), 1e-9);
        assertEquals(100, r.get("lms_out_of_support"), 1e-9);
        assertEquals(0, r.get("rmse_in_support"));
        assertEquals(0, r.get("rmse_out_of_support"));
        assertEquals(0, r.get("tree"));
        assertTrue(notes.get(0).startsWith("lms: LMS-Spearman"), notes.toString());
        assertTrue(notes.get(1).contains("1,000 from outside its support"), notes.toString());
    }

    @Test
    void aLongerCodeIsScoredByItsBestDimensions() {
        // a VAE-like 10-dimensional code: dimension 4 decreasing in y2, dimension 8 increasing in y1, the rest noise
        SplittableRandom noise = new SplittableRandom(5);
        RepresentationFunction vae = codes(2, o -> {
            double[] c = new double[10];
            for (int j = 0; j < 10; j++) c[j] = noise.nextDouble();
            c[4] = -Math.pow(o[1], 3);
            c[8] = Math.exp(o[0]);
            return c;
        }, null);
        Map<String, Double> r = lms(new Positions(true, 64), vae, null, new ArrayList<>());
        assertEquals(100, r.get("lms_in_support"), 1e-9);
        assertEquals(100, r.get("lms_out_of_support"), 1e-9);
        assertTrue(Double.isNaN(r.get("rmse_in_support")), "no reconstruction, no RMSE");
    }

    @Test
    void blockLatentsUseTreesOverTheModelsBlocksOrTheBestPairing() {
        Positions d = new Positions(false, 64);
        // an additive model's code: its blocks are (x2, y2) and (x1, y1)
        List<String> notes = new ArrayList<>();
        Map<String, Double> own = lms(d, codes(4, o -> new double[] {o[2], o[3], o[0], o[1]}, new int[][] {{0, 1}, {2, 3}}), null, notes);
        assertEquals(1, own.get("tree"));
        assertEquals(100, own.get("lms_in_support"), 1e-6);
        assertTrue(Double.isNaN(own.get("lms_out_of_support")), "no out-of-support set");
        assertTrue(notes.get(0).contains("the model's: [2, 3] ↔ (x1, y1), [0, 1] ↔ (x2, y2)"), notes.toString());
        assertTrue(notes.get(1).contains("the dataset has no out-of-support set"), notes.toString());
        // a non-additive model's code (x2, x1, y2, y1) without blocks: the search pairs {1, 3} and {0, 2}
        notes.clear();
        Map<String, Double> searched = lms(d, codes(4, o -> new double[] {o[2], o[0], o[3], o[1]}, null), null, notes);
        assertEquals(100, searched.get("lms_in_support"), 1e-6);
        assertTrue(notes.get(0).contains("best choice of code dimensions per true block: [1, 3] ↔ (x1, y1), [0, 2] ↔ (x2, y2)"),
                notes.toString());
        // the same code claimed as consecutive blocks by the model is scored on those: one factor of each block
        Map<String, Double> wrong = lms(d, codes(4, o -> new double[] {o[2], o[0], o[3], o[1]}, new int[][] {{0, 1}, {2, 3}}), null,
                new ArrayList<>());
        assertTrue(wrong.get("lms_in_support") < 55, wrong.toString());
    }

    @Test
    void aConstantGreyReconstructionOfBlackAndWhitePixelsHasRmseOneHalf() {
        // two levels: every observed value is 0 or 1, each 0.5 away from the reconstruction
        Positions d = new Positions(true, 2);
        Map<String, Double> r = lms(d, codes(2, o -> new double[] {o[0], o[1]}, null), c -> {
            float[] grey = new float[c.length * 2];
            java.util.Arrays.fill(grey, 0.5f);
            return grey;
        }, new ArrayList<>());
        assertEquals(0.5, r.get("rmse_in_support"), 1e-12);
        assertEquals(0.5, r.get("rmse_out_of_support"), 1e-12);
    }

    @Test
    void theSuiteRunsLmsOnItsOwnPointsAndSaysWhatItDid() {
        Positions d = new Positions(true, 64);
        AtomicLong encoded = new AtomicLong();
        RepresentationFunction identity = (obs, n) -> {
            encoded.addAndGet(n);
            double[][] c = new double[n][];
            for (int i = 0; i < n; i++) c[i] = new double[] {obs[2 * i], obs[2 * i + 1]};
            return c;
        };
        MetricSuite suite = new MetricSuite(List.of(new BetaVaeScore(), new FactorVaeScore(), new MigScore(), new SapScore(), new DciScore(),
                new ModularityExplicitness(), new IrsScore(), new UnsupervisedScores(), LMS, new MeanTcScore(), new DisintegrationScore(),
                new MultiFactorVoteScore(), new SpectralIndependenceScore()),
                600, 300, 16);
        SuiteResult r = suite.evaluateModel(d, identity, LmsScoreTest::flatten, List.of("lms"), 1, ProgressListener.NONE);
        assertEquals(100, r.scores().get("lms").get("lms_in_support"), 1e-9);
        assertEquals(0, r.scores().get("lms").get("rmse_out_of_support"));
        // only LMS's own 1,000 + 1,000 points were encoded, not the suite's 600 + 300
        assertEquals(2000, encoded.get());
        assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("lms: LMS-Spearman")), r.notes().toString());
        // a diverged model's NaN codes are a one-line user error naming the model, as for every metric (NonFiniteCodesTest)
        RepresentationFunction diverged = (obs, n) -> {
            double[][] c = new double[n][2];
            for (double[] row : c) java.util.Arrays.fill(row, Double.NaN);
            return c;
        };
        org.disentangle4j.io.UserInputException e = org.junit.jupiter.api.Assertions.assertThrows(org.disentangle4j.io.UserInputException.class,
                () -> suite.evaluateModel(d, diverged, null, List.of("lms"), 1, ProgressListener.NONE, "run r"));
        assertTrue(e.getMessage().startsWith("run r: ") && e.getMessage().contains("rows of an encoded batch have a non-finite code"),
                e.getMessage());
    }
}
