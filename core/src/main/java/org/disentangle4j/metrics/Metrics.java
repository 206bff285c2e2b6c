package org.disentangle4j.metrics;

import static org.disentangle4j.metrics.MetricDeclaration.Need.ARRAYS;
import static org.disentangle4j.metrics.MetricDeclaration.Need.BLOCKS;
import static org.disentangle4j.metrics.MetricDeclaration.Need.DECODER;
import static org.disentangle4j.metrics.MetricDeclaration.Need.DECODER_LAYERS;
import static org.disentangle4j.metrics.MetricDeclaration.Need.FACTORS;
import static org.disentangle4j.metrics.MetricDeclaration.Need.INTERVENTIONS;
import static org.disentangle4j.metrics.MetricDeclaration.Need.MODEL_AND_DATASET;
import static org.disentangle4j.metrics.MetricDeclaration.Need.POSTERIOR;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.disentangle4j.metrics.MetricDeclaration.Need;

/**
 * The metrics, one declaration each, in the suite's order: the order of {@link MetricSuite#NAMES},
 * {@code --metrics all}, metrics.json and the tables. A metric's class holds its scoring; its
 * line here says what it is called, which keys it gives, what it needs and how the suite makes it.
 */
public final class Metrics {
    public static final MetricDeclaration BETA_VAE = MetricDeclaration.of(BetaVaeScore.NAME, BetaVaeScore.class, BetaVaeScore::new,
            List.of(BetaVaeScore.TRAIN_ACCURACY, BetaVaeScore.EVAL_ACCURACY), MODEL_AND_DATASET, FACTORS)
            .withVotes(votes -> new BetaVaeScore(BetaVaeScore.DEFAULT_BATCH_SIZE, votes.train(), votes.eval()))
            .notOnArrays("needs interventional sampling (pairs of batches that share one factor), which fixed arrays cannot provide");
    public static final MetricDeclaration FACTOR_VAE = MetricDeclaration.of(FactorVaeScore.NAME, FactorVaeScore.class, FactorVaeScore::new,
            List.of(FactorVaeScore.TRAIN_ACCURACY, FactorVaeScore.EVAL_ACCURACY, FactorVaeScore.ACTIVE_DIMS), MODEL_AND_DATASET, FACTORS)
            .withVotes(votes -> new FactorVaeScore(FactorVaeScore.DEFAULT_BATCH_SIZE, votes.train(), votes.eval(),
                    FactorVaeScore.DEFAULT_NUM_VARIANCE_ESTIMATE, FactorVaeScore.DEFAULT_PRUNE_THRESHOLD))
            .notOnArrays("needs interventional sampling (batches with one factor held fixed), which fixed arrays cannot provide");
    public static final MetricDeclaration MIG = MetricDeclaration.of(MigScore.NAME, MigScore.class, MigScore::new,
            List.of(MigScore.KEY), ARRAYS, FACTORS);
    public static final MetricDeclaration SAP = MetricDeclaration.of(SapScore.NAME, SapScore.class, SapScore::new,
            List.of(SapScore.KEY), ARRAYS, FACTORS);
    public static final MetricDeclaration DCI = MetricDeclaration.of(DciScore.NAME, DciScore.class, DciScore::new,
            List.of(DciScore.INFORMATIVENESS_TRAIN, DciScore.INFORMATIVENESS_TEST, DciScore.DISENTANGLEMENT, DciScore.COMPLETENESS),
            ARRAYS, FACTORS);
    public static final MetricDeclaration MODULARITY_EXPLICITNESS = MetricDeclaration.of(ModularityExplicitness.NAME,
            ModularityExplicitness.class, ModularityExplicitness::new, List.of(ModularityExplicitness.MODULARITY,
                    ModularityExplicitness.EXPLICITNESS_TRAIN, ModularityExplicitness.EXPLICITNESS_TEST), ARRAYS, FACTORS);
    public static final MetricDeclaration IRS = MetricDeclaration.of(IrsScore.NAME, IrsScore.class, IrsScore::new,
            List.of(IrsScore.KEY, IrsScore.ACTIVE_DIMS), ARRAYS, FACTORS);
    public static final MetricDeclaration UNSUPERVISED = MetricDeclaration.of(UnsupervisedScores.NAME, UnsupervisedScores.class,
            UnsupervisedScores::new, List.of(UnsupervisedScores.TOTAL_CORRELATION, UnsupervisedScores.WASSERSTEIN,
                    UnsupervisedScores.WASSERSTEIN_NORM, UnsupervisedScores.MUTUAL_INFO), ARRAYS);
    public static final MetricDeclaration LMS = MetricDeclaration.of(LmsScore.NAME, LmsScore.class, LmsScore::new,
            List.of(LmsScore.LMS_IN_SUPPORT, LmsScore.LMS_OUT_OF_SUPPORT, LmsScore.RMSE_IN_SUPPORT, LmsScore.RMSE_OUT_OF_SUPPORT, LmsScore.TREE),
            MODEL_AND_DATASET, ARRAYS, FACTORS, BLOCKS, DECODER);
    public static final MetricDeclaration MEAN_TC = MetricDeclaration.of(MeanTcScore.NAME, MeanTcScore.class, MeanTcScore::new,
            List.of(MeanTcScore.TC_MEAN, MeanTcScore.TC_MEAN_KNN, MeanTcScore.TC_SAMPLED, MeanTcScore.TC_SAMPLED_MWS, MeanTcScore.TC_GAP),
            MODEL_AND_DATASET, ARRAYS, POSTERIOR);
    /** Also effective_dims_&lt;factor&gt; before its key and dims_above_threshold_&lt;factor&gt; after. */
    public static final MetricDeclaration DISINTEGRATION = MetricDeclaration.of(DisintegrationScore.NAME, DisintegrationScore.class,
            DisintegrationScore::new, List.of(DisintegrationScore.MEAN_EFFECTIVE_DIMS), ARRAYS, FACTORS);
    /** m_fvm's votes follow the suite's in proportion ({@link MetricSuite#multiFactorVotes}). */
    public static final MetricDeclaration M_FVM = MetricDeclaration.of(MultiFactorVoteScore.NAME, MultiFactorVoteScore.class,
            MultiFactorVoteScore::new, MultiFactorVoteScore.resultKeyList(), MODEL_AND_DATASET, FACTORS)
            .withVotes(MetricSuite::multiFactorVotes)
            .notOnArrays("needs interventional sampling (batches with k factors held fixed), which fixed arrays cannot provide");
    /** Also rho_&lt;layer&gt; of each layer, first (their names are the model's). */
    public static final MetricDeclaration SPECTRAL_INDEPENDENCE = MetricDeclaration.of(SpectralIndependenceScore.NAME,
            SpectralIndependenceScore.class, SpectralIndependenceScore::new, List.of(SpectralIndependenceScore.MEAN_ABS_LOG_RHO),
            MODEL_AND_DATASET, DECODER, DECODER_LAYERS)
            .notOnArrays("spectral_independence reads a model's decoder layers");
    /** Also cdm_L_&lt;factor&gt;_&lt;node&gt;, cdm_U_&lt;factor&gt;_&lt;node&gt; and the classifier's cdm_classifier_error/accuracy_&lt;factor&gt;, after. */
    public static final MetricDeclaration CDM = MetricDeclaration.of(CdmScore.NAME, CdmScore.class, CdmScore::new,
            List.of(CdmScore.ROBUSTNESS, CdmScore.GENERATIVENESS), MODEL_AND_DATASET, FACTORS, DECODER, INTERVENTIONS)
            .notOnArrays("CDM intervenes on a model's latent nodes and decodes");

    /** The metrics in order, one line registers one. */
    public static final List<MetricDeclaration> ALL = List.of(
            BETA_VAE,
            FACTOR_VAE,
            MIG,
            SAP,
            DCI,
            MODULARITY_EXPLICITNESS,
            IRS,
            UNSUPERVISED,
            LMS,
            MEAN_TC,
            DISINTEGRATION,
            M_FVM,
            SPECTRAL_INDEPENDENCE,
            CDM);

    static {
        Set<String> names = new HashSet<>();
        Set<Class<?>> types = new HashSet<>();
        for (MetricDeclaration d : ALL) {
            if (!names.add(d.name()) || !types.add(d.type())) throw new IllegalStateException("metric " + d.name() + " registered twice");
            if (!d.needs(Need.ARRAYS) && d.notOnArrays().isEmpty()) {
                throw new IllegalStateException(d.name() + " does not score arrays and does not say why");
            }
        }
    }

    private Metrics() {}

    /** The names, in order. */
    public static List<String> names() {
        return ALL.stream().map(MetricDeclaration::name).toList();
    }

    public static MetricDeclaration named(String name) {
        for (MetricDeclaration d : ALL) if (d.name().equals(name)) return d;
        throw new IllegalArgumentException("no metric named " + name);
    }

    /** The declaration of a metric class. */
    public static MetricDeclaration of(Class<? extends Metric> type) {
        for (MetricDeclaration d : ALL) if (d.type() == type) return d;
        throw new IllegalArgumentException(type.getName() + " is not registered in Metrics: register it, or override Metric.declaration()");
    }
}
