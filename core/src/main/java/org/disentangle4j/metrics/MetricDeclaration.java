package org.disentangle4j.metrics;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a metric is, apart from how it scores: its name, the keys of its results, what it needs,
 * and how the suite makes one (its defaults, or for the vote-counting scores, from the suite's
 * {@link MetricSuite.Votes}). {@link Metrics} registers one per metric; a {@link Metric}'s
 * {@link Metric#name()}, {@link Metric#resultKeys()} and {@link Metric#notApplicableToArrays()}
 * are its declaration's.
 *
 * @param resultKeys the keys every result carries, in order; a metric whose further keys are named
 *     after factors, decoder layers or latent nodes (disintegration, spectral_independence, cdm)
 *     lists its fixed ones
 * @param notOnArrays why it cannot score arrays: empty when it needs {@link Need#ARRAYS}, and {@link Metrics}
 *     requires one when it does not
 * @param create the metric as the suite runs it with these votes (for most metrics, whatever the
 *     votes, their defaults)
 */
public record MetricDeclaration(String name, Class<? extends Metric> type, List<String> resultKeys, Set<Need> needs,
        Optional<String> notOnArrays, Function<MetricSuite.Votes, ? extends Metric> create) {

    /** What a metric reads; the suite dispatches on the first three, the others say what of a model it reads beyond codes. */
    public enum Need {
        /**
         * On a model it samples its own observations from the dataset and encodes them
         * (interventional batches, an out-of-support set, its own number of points): the suite
         * gives it the dataset, the representation and the decoder instead of the shared points.
         */
        MODEL_AND_DATASET,
        /**
         * It scores arrays of codes and factors: the user's, and on a model the suite's shared
         * points unless it also needs {@link #MODEL_AND_DATASET}. Without it the metric is not
         * applicable to arrays, for its declared reason.
         */
        ARRAYS,
        /** It reads the factors, so it is skipped when every factor takes a single value; without it, the codes alone. */
        FACTORS,
        /** It reads the posterior's log-variances where the model has them ({@link RepresentationFunction#posterior}), else the means alone. */
        POSTERIOR,
        /** It reads the latent blocks the model declares ({@link RepresentationFunction#latentBlocks}), else finds its own. */
        BLOCKS,
        /** It decodes codes with the model's decoder ({@link DecoderFunction}). */
        DECODER,
        /** It reads the decoder's convolutional layers ({@link DecoderFunction#convolutionLayers}): not applicable without them. */
        DECODER_LAYERS,
        /** It sets the model's latent nodes ({@link RepresentationFunction#interventions}): not applicable without them. */
        INTERVENTIONS
    }

    public MetricDeclaration {
        if (!needs.contains(Need.ARRAYS) && !needs.contains(Need.MODEL_AND_DATASET)) {
            throw new IllegalArgumentException(name + ": a metric scores arrays, a model and its dataset, or both");
        }
        if (needs.contains(Need.ARRAYS) && notOnArrays.isPresent()) {
            throw new IllegalArgumentException(name + ": scores arrays, yet gives a reason not to");
        }
        resultKeys = List.copyOf(resultKeys);
        needs = Collections.unmodifiableSet(EnumSet.copyOf(needs));
    }

    /** A metric whose suite instance is its defaults; give {@link #notOnArrays(String)} when it does not need {@link Need#ARRAYS}. */
    public static <M extends Metric> MetricDeclaration of(String name, Class<M> type, Supplier<M> defaults, List<String> resultKeys,
            Need... needs) {
        Set<Need> set = EnumSet.noneOf(Need.class);
        set.addAll(List.of(needs));
        return new MetricDeclaration(name, type, resultKeys, set, Optional.empty(), votes -> defaults.get());
    }

    /** The same metric, not applicable to arrays for this reason (one line, shown after "not applicable to arrays: "). */
    public MetricDeclaration notOnArrays(String reason) {
        if (reason.isBlank()) throw new IllegalArgumentException(name + ": the reason not to score arrays is blank");
        return new MetricDeclaration(name, type, resultKeys, needs, Optional.of(reason), create);
    }

    /** The same metric, made by the suite with its votes. */
    public MetricDeclaration withVotes(Function<MetricSuite.Votes, ? extends Metric> create) {
        return new MetricDeclaration(name, type, resultKeys, needs, notOnArrays, create);
    }

    public boolean needs(Need need) {
        return needs.contains(need);
    }

    /** The metric the suite runs with these votes. */
    public Metric create(MetricSuite.Votes votes) {
        return create.apply(votes);
    }
}
