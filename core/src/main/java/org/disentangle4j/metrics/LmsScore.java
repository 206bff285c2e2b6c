package org.disentangle4j.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.disentangle4j.data.FactorSampler;
import org.disentangle4j.data.FactorSpace;
import org.disentangle4j.data.GroundTruthDataset;
import org.disentangle4j.metrics.classify.RegressionTree;
import org.disentangle4j.metrics.support.ConstantFactors;
import org.disentangle4j.metrics.support.LmsArrays;
import org.disentangle4j.metrics.support.ProgressCounter;

/**
 * The latent matching score of additive decoders (Lachapelle et al. 2023), in- and out-of-support,
 * with the reconstruction RMSE on the same test images ({@code lms}).
 *
 * <p>Variant: {@link LmsTree LMS-tree} when the dataset groups its factors into blocks of more than
 * one factor ({@link GroundTruthDataset#latentBlocks()}, e.g. the two balls' (x, y) of
 * BlockLatents), else {@link LmsSpearman LMS-Spearman} over every factor with more than one value
 * (the scalar latents of ScalarLatents, or any other dataset). LMS-tree's learned blocks are the
 * model's own when its representation declares them (an additive decoder), else chosen as
 * {@link LmsTree} describes (for a 4-dimensional code against two blocks of 2: the best of the
 * three pairings of its dimensions).
 *
 * <p>Points, on a model: {@value #DEFAULT_NUM_TEST} test points from the training distribution
 * ({@link GroundTruthDataset#sampleFactors}) give {@code lms_in_support} and
 * {@code rmse_in_support}; {@value #DEFAULT_NUM_TEST} from {@link GroundTruthDataset#outOfSupport()}
 * give {@code lms_out_of_support} and {@code rmse_out_of_support} (NaN, written as null, when the
 * dataset has no out-of-support set). LMS-tree fits its trees on {@value #DEFAULT_NUM_TRAIN}
 * further training-distribution points and scores both test sets with the same trees. Factors
 * enter as their true values ({@link FactorSpace#value}). {@code tree} is 1 for LMS-tree and 0
 * for LMS-Spearman. RMSE: {@link ReconstructionRmse} of the observations against the decoded
 * codes; NaN when the model has no decoder.
 *
 * <p>On arrays there is no model, dataset or block structure: LMS-Spearman of all points
 * against the factor indices, as {@code lms_in_support}.
 */
public record LmsScore(int numTrain, int numTest, int chunk) implements ModelMetric {
    public static final String NAME = "lms";
    public static final String LMS_IN_SUPPORT = "lms_in_support";
    public static final String LMS_OUT_OF_SUPPORT = "lms_out_of_support";
    public static final String RMSE_IN_SUPPORT = "rmse_in_support";
    public static final String RMSE_OUT_OF_SUPPORT = "rmse_out_of_support";
    public static final String TREE = "tree";
    public static final int DEFAULT_NUM_TRAIN = 10_000;
    public static final int DEFAULT_NUM_TEST = 5_000;
    /** Observations rendered, encoded and reconstructed at a time. */
    public static final int DEFAULT_CHUNK = 256;

    public LmsScore() {
        this(DEFAULT_NUM_TRAIN, DEFAULT_NUM_TEST, DEFAULT_CHUNK);
    }

    public LmsScore {
        if (numTrain < 2 || numTest < 2 || chunk < 1) throw new IllegalArgumentException("need at least 2 training and 2 test points");
    }

    @Override
    public Map<String, Double> evaluate(GroundTruthDataset dataset, RepresentationFunction representation,
            DecoderFunction decoder, RandomGenerator rng, ProgressListener progress, List<String> notes) {
        Optional<int[][]> declared = dataset.latentBlocks();
        boolean tree = declared.isPresent() && Arrays.stream(declared.get()).anyMatch(b -> b.length > 1);
        Optional<FactorSampler> outside = dataset.outOfSupport();

        Points test = encode(dataset, dataset.sampleFactors(numTest, rng), representation, decoder, progress, "lms test");
        Points oos = outside.isPresent()
                ? encode(dataset, outside.get().sample(numTest, rng), representation, decoder, progress, "lms out-of-support")
                : null;

        double in, out;
        if (tree) {
            int[][] trueBlocks = declared.get();
            Points train = encode(dataset, dataset.sampleFactors(numTrain, rng), representation, null, progress, "lms train");
            int[][] learned = representation.latentBlocks().orElse(null);
            try (LmsTree trees = LmsTree.fit(train.codes, train.values, trueBlocks, learned, progress, "lms trees")) {
                double[][] r = trees.r2Matrix(test.codes, test.values);
                LmsTree.Matching matching = trees.match(r);
                in = 100 * matching.total() / trueBlocks.length;
                out = oos == null ? Double.NaN : trees.score(oos.codes, oos.values);
                notes.add(NAME + ": LMS-tree (a depth-" + RegressionTree.MAX_DEPTH + " regression tree per factor from each learned block, "
                        + "R² on test points clipped at 0, best matching); learned blocks " + describe(trees, matching, trueBlocks, dataset));
            }
        } else {
            int[] varying = ConstantFactors.varying(dataset.factors());
            if (varying.length == 0) throw new MetricNotApplicableException("every factor takes a single value");
            in = LmsSpearman.score(test.codes, LmsArrays.columns(test.values, varying));
            out = oos == null ? Double.NaN : LmsSpearman.score(oos.codes, LmsArrays.columns(oos.values, varying));
            notes.add(NAME + ": LMS-Spearman (|Spearman ρ| of each of the " + test.codes[0].length + " code dimensions with each of the "
                    + varying.length + " factors, best matching)" + (varying.length < dataset.factors().numFactors()
                            ? "; factors with a single value left out" : ""));
        }
        notes.add(NAME + ": " + String.format(Locale.ROOT, "%,d", numTest) + " test points from the training distribution"
                + (tree ? " (trees fitted on " + String.format(Locale.ROOT, "%,d", numTrain) + " more)" : "")
                + (oos != null ? " and " + String.format(Locale.ROOT, "%,d", numTest) + " from outside its support"
                        : "; the dataset has no out-of-support set")
                + (decoder == null ? "; the model has no decoder, so no RMSE" : ""));
        Map<String, Double> result = new LinkedHashMap<>();
        result.put(LMS_IN_SUPPORT, in);
        result.put(LMS_OUT_OF_SUPPORT, out);
        result.put(RMSE_IN_SUPPORT, test.rmse);
        result.put(RMSE_OUT_OF_SUPPORT, oos == null ? Double.NaN : oos.rmse);
        result.put(TREE, tree ? 1.0 : 0.0);
        return result;
    }

    /** LMS-Spearman of all points against the factor indices (no blocks, no out-of-support set, no reconstructions). */
    @Override
    public Map<String, Double> evaluate(EvaluationSets sets, RandomGenerator rng, ProgressListener progress) {
        ProgressCounter counter = new ProgressCounter(progress, NAME, 1);
        LabelledCodes all = sets.all();
        double[][] factors = new double[all.numPoints()][all.numFactors()];
        for (int i = 0; i < factors.length; i++) for (int f = 0; f < factors[i].length; f++) factors[i][f] = all.factors()[i][f];
        Map<String, Double> result = new LinkedHashMap<>();
        result.put(LMS_IN_SUPPORT, LmsSpearman.score(all.codes(), factors));
        result.put(LMS_OUT_OF_SUPPORT, Double.NaN);
        result.put(RMSE_IN_SUPPORT, Double.NaN);
        result.put(RMSE_OUT_OF_SUPPORT, Double.NaN);
        result.put(TREE, 0.0);
        counter.finish();
        return result;
    }

    /** Codes, true factor values and the reconstruction RMSE of some points. */
    private record Points(double[][] codes, double[][] values, double rmse) {}

    /** Renders, encodes (and reconstructs) the points {@link #chunk} at a time. */
    private Points encode(GroundTruthDataset dataset, int[][] factors, RepresentationFunction representation,
            DecoderFunction decoder, ProgressListener progress, String task) {
        int n = factors.length;
        FactorSpace space = dataset.factors();
        double[][] codes = new double[n][];
        double[][] values = new double[n][space.numFactors()];
        ReconstructionRmse rmse = new ReconstructionRmse();
        ProgressCounter counter = new ProgressCounter(progress, task, n);
        for (int start = 0; start < n; start += chunk) {
            int count = Math.min(chunk, n - start);
            int[][] part = Arrays.copyOfRange(factors, start, start + count);
            float[] observations = dataset.render(part);
            double[][] partCodes = representation.represent(observations, count);
            if (partCodes.length != count) {
                throw new IllegalStateException("representation returned " + partCodes.length + " codes for " + count + " observations");
            }
            for (int i = 0; i < count; i++) {
                for (int j = 0; j < partCodes[i].length; j++) {
                    if (!Double.isFinite(partCodes[i][j])) {
                        throw new MetricNotApplicableException("the model's code has a non-finite value (" + partCodes[i][j] + ") in dimension " + j);
                    }
                }
                codes[start + i] = partCodes[i];
                for (int f = 0; f < space.numFactors(); f++) values[start + i][f] = space.value(f, part[i][f]);
            }
            if (decoder != null) {
                float[] images = decoder.decode(partCodes);
                if (images.length != observations.length) {
                    throw new IllegalStateException("the decoder gave " + images.length + " values for " + observations.length + " observed");
                }
                rmse.add(observations, images);
            }
            counter.add(count);
        }
        return new Points(codes, values, rmse.value());
    }


    /** "the model's: [0, 1] ↔ (x1, y1), [2, 3] ↔ (x2, y2)" and how they were chosen. */
    private static String describe(LmsTree trees, LmsTree.Matching matching, int[][] trueBlocks, GroundTruthDataset dataset) {
        String how = switch (trees.grouping()) {
            case MODEL -> "the model's";
            case SEARCH -> "the best choice of code dimensions per true block";
            case CONSECUTIVE -> "consecutive code dimensions (too many to search)";
        };
        List<String> pairs = new ArrayList<>();
        for (int j = 0; j < trueBlocks.length; j++) {
            List<String> names = new ArrayList<>();
            for (int f : trueBlocks[j]) names.add(dataset.factors().name(f));
            pairs.add((matching.learnedOf()[j] == null ? "none" : Arrays.toString(matching.learnedOf()[j])) + " ↔ ("
                    + String.join(", ", names) + ")");
        }
        return how + ": " + String.join(", ", pairs);
    }
}
