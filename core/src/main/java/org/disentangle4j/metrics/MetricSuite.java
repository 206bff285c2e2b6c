package org.disentangle4j.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.disentangle4j.data.GroundTruthDataset;
import org.disentangle4j.io.UserInputException;
import org.disentangle4j.metrics.MetricDeclaration.Need;
import org.disentangle4j.metrics.support.ConstantFactors;
import org.disentangle4j.metrics.support.FactorCodeSampler;
import org.disentangle4j.metrics.support.NonFiniteCodes;

/**
 * Computes any subset of the metrics, on a model (through its representation function) or on
 * arrays, and collects the results in the fixed order of {@link #NAMES}.
 *
 * <p>Arrays are validated first (equal row counts, finite codes, non-negative factors, the same
 * columns in training and test arrays); violations are one-line {@link UserInputException}s.
 * A factor that takes a single value (in the points, or in the training part) is skipped by
 * every metric that uses factors, and a note says so; the unsupervised scores do not look at
 * factors, nor does {@code mean_tc}. Without test arrays the metrics that fit a classifier (SAP, DCI, explicitness) train
 * on a seeded random two thirds of the points and test on the other third, while MIG,
 * modularity, IRS and the unsupervised scores use all points; a note says so. BetaVAE and
 * FactorVAE scores need interventional sampling and are reported as not applicable to arrays.
 *
 * <p>Every metric draws from its own generator seeded from the suite's seed and its name, so its
 * numbers do not depend on which other metrics run. On a model, the points for all metrics but
 * those that need {@link MetricDeclaration.Need#MODEL_AND_DATASET} (BetaVAE, FactorVAE, LMS, mean_tc, …) are sampled once (10,000 training and 5,000 test points, batches of 16:
 * the reference samples the same points for each, as every evaluation restarts from seed 0).
 * mean_tc ({@link ModelMetric}) samples its own: it also reads the posterior variances of the same observations.
 * Metrics that name factors get the dataset's names, or {@code factor0, factor1, …} (the file's columns) for arrays.
 * LMS ({@link ModelMetric}) samples its own, in- and out-of-support, and also scores the model's
 * reconstructions (decoded codes) when {@link #evaluateModel(GroundTruthDataset, RepresentationFunction,
 * DecoderFunction, List, long, ProgressListener, String)} is given them.
 */
public final class MetricSuite {
    /** The metrics' names in the order of {@link Metrics#ALL}. */
    public static final List<String> NAMES = Metrics.names();
    /**
     * The metrics {@code train} and {@code evaluate} compute when none are named ({@code --metrics}
     * syntax): the array-based scores, about a minute on 2 cores. Left out: {@code beta_vae} and
     * {@code factor_vae}, which render and encode about a million images each (several minutes),
     * {@code lms}, the additive decoders' score, and the diagnostics of issue 14, {@code mean_tc} and
     * {@code disintegration}; {@code all} adds them.
     */
    public static final String DEFAULT_SELECTION = "mig,sap,dci,modularity_explicitness,irs,unsupervised";
    /**
     * The reference's points, shared by the metrics that score them (see {@link MetricDeclaration.Need#ARRAYS});
     * they are also those metrics' defaults when one samples from a model on its own.
     */
    public static final int DEFAULT_NUM_TRAIN = 10_000;
    public static final int DEFAULT_NUM_TEST = 5_000;
    public static final int DEFAULT_BATCH_SIZE = 16;

    /** The result keys under which a suite with non-default {@link Votes} records them. */
    public static final String VOTES_TRAIN = "votes_train";
    public static final String VOTES_EVAL = "votes_eval";

    private final Map<String, Metric> metrics;
    private final int numTrain;
    private final int numTest;
    private final int batchSize;
    private final Votes votes;

    /**
     * The training and evaluation votes of the two interventional scores, BetaVAE and FactorVAE
     * (the reference: 10,000 and 5,000 for both). Each vote encodes a batch of 64 (FactorVAE) or
     * 2 × 64 (BetaVAE) images, so the reference's counts encode about a million images per score;
     * fewer votes cost proportionally less and give a noisier accuracy (standard error
     * √(p(1−p)/eval)).
     */
    public record Votes(int train, int eval) {
        public static final Votes REFERENCE = new Votes(FactorVaeScore.DEFAULT_NUM_TRAIN, FactorVaeScore.DEFAULT_NUM_EVAL);

        public Votes {
            if (train < 1 || eval < 1) {
                throw new UserInputException("--votes: expected two positive counts TRAIN,EVAL, got " + train + "," + eval);
            }
        }

        /** {@code TRAIN,EVAL}, e.g. {@code 1000,500}. */
        public static Votes parse(String text) {
            String[] parts = text == null ? new String[0] : text.split(",");
            if (parts.length != 2) throw new UserInputException("--votes: expected TRAIN,EVAL (two positive counts, e.g. 1000,500), got '" + text + "'");
            try {
                return new Votes(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            } catch (NumberFormatException e) {
                throw new UserInputException("--votes: expected TRAIN,EVAL (two positive counts, e.g. 1000,500), got '" + text + "'");
            }
        }

        @Override
        public String toString() {
            return train + "," + eval;
        }
    }

    /** All metrics with the reference's settings. */
    public MetricSuite() {
        this(Votes.REFERENCE);
    }

    /** All metrics with the reference's settings but these votes for BetaVAE and FactorVAE (and m_fvm in proportion). */
    public MetricSuite(Votes votes) {
        this(List.of(), DEFAULT_NUM_TRAIN, DEFAULT_NUM_TEST, DEFAULT_BATCH_SIZE, votes);
    }

    /**
     * m_fvm with the reference's 800 + 800 votes per k at the reference's FactorVAE votes, and in
     * proportion to them otherwise (at least 10 each): {@code --votes 1000,500} gives 80 + 80, a
     * tenth of its 640,000 encoded images (what a short experiment can afford).
     */
    static MultiFactorVoteScore multiFactorVotes(Votes votes) {
        if (votes.equals(Votes.REFERENCE)) return new MultiFactorVoteScore();
        int train = (int) Math.max(10, Math.round((double) MultiFactorVoteScore.DEFAULT_NUM_TRAIN * votes.train() / Votes.REFERENCE.train()));
        int eval = (int) Math.max(10, Math.round((double) MultiFactorVoteScore.DEFAULT_NUM_EVAL * votes.eval() / Votes.REFERENCE.eval()));
        return new MultiFactorVoteScore(MultiFactorVoteScore.DEFAULT_BATCH_SIZE, train, eval,
                MultiFactorVoteScore.DEFAULT_NUM_VARIANCE_ESTIMATE, MultiFactorVoteScore.DEFAULT_PRUNE_THRESHOLD);
    }

    /**
     * @param metrics at most one per name of {@link #NAMES}; the others run as {@link Metrics} makes them (their defaults)
     * @param numTrain points sampled from a model for the training set
     * @param numTest points sampled from a model for the test set
     */
    public MetricSuite(List<Metric> metrics, int numTrain, int numTest, int batchSize) {
        this(metrics, numTrain, numTest, batchSize, Votes.REFERENCE);
    }

    private MetricSuite(List<Metric> metrics, int numTrain, int numTest, int batchSize, Votes votes) {
        this.votes = votes;
        this.metrics = new LinkedHashMap<>();
        for (MetricDeclaration declared : Metrics.ALL) {
            Metric m = metrics.stream().filter(x -> x.name().equals(declared.name())).findFirst()
                    .orElseGet(() -> declared.create(votes));
            this.metrics.put(declared.name(), m);
        }
        this.numTrain = numTrain;
        this.numTest = numTest;
        this.batchSize = batchSize;
    }

    public Metric metric(String name) {
        Metric m = metrics.get(name);
        if (m == null) throw new IllegalArgumentException("no metric named " + name);
        return m;
    }

    /** {@code all} or a comma-separated list of names, in the order of {@link #NAMES}. */
    /**
     * What is about to be computed, as one line: e.g. {@code evaluating run runs/x: mig, sap, dci,
     * modularity_explicitness, irs, unsupervised}, with the votes when the interventional scores are
     * among them and a hint at {@code --metrics all} when they are not.
     */
    public static String announcement(String what, List<String> names, Votes votes) {
        StringBuilder line = new StringBuilder("evaluating ").append(what).append(": ").append(String.join(", ", names));
        List<String> slow = names.stream().filter(n -> n.equals(BetaVaeScore.NAME) || n.equals(FactorVaeScore.NAME)).toList();
        if (!slow.isEmpty()) {
            line.append(" (").append(String.join(" and ", slow)).append(" with ").append(votes).append(" votes)");
        } else if (names.equals(parseSelection(DEFAULT_SELECTION))) {
            List<String> left = NAMES.stream().filter(n -> !names.contains(n)).toList();
            line.append(" (the default; --metrics all adds ").append(String.join(", ", left)).append(")");
        }
        return line.toString();
    }

    /** Refuses votes the chosen metrics cannot use: beta_vae's classifier needs at least 2 training votes. */
    public static void requireUsableVotes(List<String> names, Votes votes) {
        if (names.contains(BetaVaeScore.NAME)) BetaVaeScore.requireTrainingVotes(votes.train());
    }

    public static List<String> parseSelection(String spec) {
        if (spec == null || spec.isBlank()) throw new UserInputException("--metrics: expected 'all' or a comma-separated list of " + String.join(", ", NAMES));
        List<String> chosen = new ArrayList<>();
        for (String part : spec.split(",")) {
            String name = part.trim().toLowerCase(java.util.Locale.ROOT);
            if (name.isEmpty()) continue;
            if (name.equals("all")) {
                chosen.addAll(NAMES);
                continue;
            }
            if (!NAMES.contains(name)) {
                throw new UserInputException("--metrics: unknown metric '" + part.trim() + "'; known: all, " + String.join(", ", NAMES));
            }
            chosen.add(name);
        }
        if (chosen.isEmpty()) throw new UserInputException("--metrics: no metric named");
        return NAMES.stream().filter(chosen::contains).toList();
    }

    /**
     * Checks user arrays and pairs them; one-line {@link UserInputException} on bad input.
     *
     * @param codesName how the codes are named in messages (e.g. the file)
     */
    public static LabelledCodes validate(double[][] codes, int[][] factors, String codesName, String factorsName) {
        return validate(codes, factors, codesName, factorsName, false);
    }

    /** As {@link #validate(double[][], int[][], String, String)}, for codes of the given precision. */
    public static LabelledCodes validate(double[][] codes, int[][] factors, String codesName, String factorsName,
            boolean singlePrecision) {
        if (codes.length < 2) throw new UserInputException(codesName + ": " + (codes.length == 0 ? "no rows" : "one row") + "; a score needs at least 2 points");
        if (codes.length != factors.length) {
            throw new UserInputException(codesName + " has " + codes.length + " rows but " + factorsName + " has " + factors.length
                    + "; they must describe the same points");
        }
        int dims = codes[0].length;
        if (dims == 0) throw new UserInputException(codesName + ": no columns");
        int numFactors = factors[0].length;
        if (numFactors == 0) throw new UserInputException(factorsName + ": no columns");
        for (int i = 0; i < codes.length; i++) {
            if (codes[i].length != dims) throw new UserInputException(codesName + ": row " + i + " has " + codes[i].length + " values, row 0 has " + dims);
            if (factors[i].length != numFactors) {
                throw new UserInputException(factorsName + ": row " + i + " has " + factors[i].length + " values, row 0 has " + numFactors);
            }
            for (int f = 0; f < numFactors; f++) {
                if (factors[i][f] < 0) {
                    throw new UserInputException(factorsName + ": factor at row " + i + ", column " + f + " is " + factors[i][f]
                            + "; factors must be non-negative class indices");
                }
            }
        }
        NonFiniteCodes.require(codesName, codes);
        return new LabelledCodes(codes, factors, singlePrecision);
    }

    /**
     * Scores arrays.
     *
     * @param test a separate test set, or null to hold out a third of {@code points}
     */
    public SuiteResult evaluateArrays(LabelledCodes points, LabelledCodes test, List<String> names, long seed,
            ProgressListener progress) {
        List<String> notes = new ArrayList<>();
        if (test != null) {
            if (test.numDims() != points.numDims()) {
                throw new UserInputException("test codes have " + test.numDims() + " columns but codes have " + points.numDims());
            }
            if (test.numFactors() != points.numFactors()) {
                throw new UserInputException("test factors have " + test.numFactors() + " columns but factors have " + points.numFactors());
            }
        }
        EvaluationSets sets;
        if (test != null) {
            sets = EvaluationSets.of(points, test);
        } else {
            sets = EvaluationSets.heldOut(points, new SplittableRandom(seed));
            if (names.stream().anyMatch(n -> n.equals(SapScore.NAME) || n.equals(DciScore.NAME) || n.equals(ModularityExplicitness.NAME))) {
                notes.add("no test arrays: SAP, DCI and explicitness train on a random " + sets.train().numPoints() + " of the "
                        + points.numPoints() + " points and test on the other " + sets.test().numPoints() + " (seed " + seed
                        + "); MIG, modularity, IRS and the unsupervised scores use all points");
            }
        }
        return run(names, seed, notes, sets, null, null, null, progress);
    }

    /** Samples from the dataset through the representation and scores (no reconstruction metrics). */
    public SuiteResult evaluateModel(GroundTruthDataset dataset, RepresentationFunction representation, List<String> names, long seed,
            ProgressListener progress) {
        return evaluateModel(dataset, representation, null, names, seed, progress);
    }

    /** As the full form, with the model named "the model" in messages. */
    public SuiteResult evaluateModel(GroundTruthDataset dataset, RepresentationFunction representation, DecoderFunction decoder,
            List<String> names, long seed, ProgressListener progress) {
        return evaluateModel(dataset, representation, decoder, names, seed, progress, "the model");
    }

    /**
     * Samples from the dataset through the representation and scores; the metrics that need
     * {@link MetricDeclaration.Need#MODEL_AND_DATASET} sample their own points, and {@link ModelMetric}s
     * also see the reconstructions (the decoded codes).
     *
     * @param decoder the model's decoder (reconstructions are decoded codes), or null when it has none
     * @param source names the model in the one-line error about non-finite codes (e.g. its run directory)
     */
    public SuiteResult evaluateModel(GroundTruthDataset dataset, RepresentationFunction given,
            DecoderFunction decoder, List<String> names, long seed, ProgressListener progress, String source) {
        // the shared points are checked whole (all bad rows counted); the metrics that encode their own see checked codes
        RepresentationFunction representation = NonFiniteCodes.guard(given, source);
        List<String> notes = new ArrayList<>();
        EvaluationSets sets = null;
        boolean needsPoints = names.stream().anyMatch(n -> !Metrics.named(n).needs(Need.MODEL_AND_DATASET));
        if (needsPoints) {
            RandomGenerator rng = new SplittableRandom(seed);
            LabelledCodes train = FactorCodeSampler.sample(dataset, given, numTrain, batchSize, rng, progress, "encoding train");
            LabelledCodes test = FactorCodeSampler.sample(dataset, given, numTest, batchSize, rng, progress, "encoding test");
            NonFiniteCodes.require(source, train.codes(), test.codes());
            sets = EvaluationSets.of(train, test);
        }
        return run(names, seed, notes, sets, dataset, representation, decoder, progress);
    }

    private SuiteResult run(List<String> names, long seed, List<String> notes, EvaluationSets sets, GroundTruthDataset dataset,
            RepresentationFunction representation, DecoderFunction decoder, ProgressListener progress) {
        Map<String, Map<String, Double>> scores = new LinkedHashMap<>();
        Map<String, String> notApplicable = new LinkedHashMap<>();
        Map<String, Double> seconds = new LinkedHashMap<>();
        List<String> factorNames = null;
        Varying withFactors = null;
        if (sets != null) {
            factorNames = dataset != null ? dataset.factors().names() : arrayFactorNames(sets.all().numFactors());
            withFactors = dropConstantFactors(sets, factorNames, notes);
        }
        for (String name : NAMES) {
            if (!names.contains(name)) continue;
            Metric metric = metric(name);
            MetricDeclaration declared = Metrics.named(name);
            RandomGenerator rng = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (NAMES.indexOf(name) + 1)));
            long start = System.nanoTime();
            try {
                Map<String, Double> result;
                if (dataset != null && declared.needs(Need.MODEL_AND_DATASET)) {
                    result = metric.evaluate(dataset, representation, decoder, rng, progress, notes);
                } else if (!declared.needs(Need.ARRAYS)) {
                    throw new MetricNotApplicableException("not applicable to arrays: " + declared.notOnArrays().orElseThrow());
                } else if (!declared.needs(Need.FACTORS)) {
                    result = metric.evaluate(sets, factorNames, rng, progress, notes);
                } else if (withFactors == null) {
                    throw new MetricNotApplicableException("every factor takes a single value");
                } else {
                    result = metric.evaluate(withFactors.sets(), withFactors.names(), rng, progress, notes);
                }
                if (!votes.equals(Votes.REFERENCE) && (name.equals(BetaVaeScore.NAME) || name.equals(FactorVaeScore.NAME))) {
                    // scores from fewer (or more) votes than the reference's say so wherever they are shown
                    result = new LinkedHashMap<>(result);
                    result.put(VOTES_TRAIN, (double) votes.train());
                    result.put(VOTES_EVAL, (double) votes.eval());
                }
                scores.put(name, result);
            } catch (MetricNotApplicableException e) {
                notApplicable.put(name, e.getMessage());
            } catch (org.disentangle4j.metrics.classify.TooFewClassesException e) {
                notApplicable.put(name, "too few points: a factor takes a single value among the points its classifier trains on");
            }
            seconds.put(name, (System.nanoTime() - start) / 1e9);
        }
        return new SuiteResult(scores, notApplicable, notes, seconds);
    }

    /** The names of factors read from arrays: their column, {@code factor0, factor1, …}. */
    static List<String> arrayFactorNames(int numFactors) {
        return java.util.stream.IntStream.range(0, numFactors).mapToObj(f -> "factor" + f).toList();
    }

    /** Sets whose factors all vary, and those factors' names. */
    private record Varying(EvaluationSets sets, List<String> names) {}

    /** The sets without factors that take a single value in all points or in the training part. */
    private static Varying dropConstantFactors(EvaluationSets sets, List<String> names, List<String> notes) {
        int numFactors = sets.all().numFactors();
        boolean[] varies = new boolean[numFactors];
        for (int f : ConstantFactors.varying(sets.all().factors())) varies[f] = true;
        boolean[] variesInTrain = new boolean[numFactors];
        for (int f : ConstantFactors.varying(sets.train().factors())) variesInTrain[f] = true;
        List<Integer> keep = new ArrayList<>();
        for (int f = 0; f < numFactors; f++) {
            if (varies[f] && variesInTrain[f]) {
                keep.add(f);
            } else {
                String where = varies[f] ? "in the training part" : "everywhere";
                notes.add("factor " + f + " takes a single value (" + sets.train().factors()[0][f] + ") " + where
                        + " and was skipped: it carries no information to score against");
            }
        }
        if (keep.isEmpty()) return null;
        if (keep.size() == numFactors) return new Varying(sets, names);
        int[] k = keep.stream().mapToInt(Integer::intValue).toArray();
        return new Varying(new EvaluationSets(sets.all().selectFactors(k), sets.train().selectFactors(k), sets.test().selectFactors(k)),
                keep.stream().map(names::get).toList());
    }
}
