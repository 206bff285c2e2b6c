package org.disentangle4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.disentangle4j.metrics.MetricDeclaration.Need;
import org.junit.jupiter.api.Test;

/** The registry: one declaration per metric, and the suite is what the declarations say. */
class MetricsTest {

    @Test
    void namesAndClassesAreUniqueAndTheSuitesOrderIsTheRegistrys() {
        List<String> names = Metrics.ALL.stream().map(MetricDeclaration::name).toList();
        assertEquals(names.size(), new HashSet<>(names).size(), names.toString());
        assertEquals(Metrics.ALL.size(), Metrics.ALL.stream().map(MetricDeclaration::type).distinct().count());
        assertEquals(names, MetricSuite.NAMES);
        assertEquals(names, MetricSuite.parseSelection("all"));
        MetricSuite suite = new MetricSuite();
        for (MetricDeclaration d : Metrics.ALL) {
            Metric metric = suite.metric(d.name());
            assertEquals(d.type(), metric.getClass(), d.name());
            assertSame(d, metric.declaration(), d.name());
            assertSame(d, Metrics.named(d.name()));
            assertEquals(d.name(), metric.name());
            assertEquals(d.resultKeys(), metric.resultKeys(), d.name());
            assertEquals(d.notOnArrays(), metric.notApplicableToArrays(), d.name());
        }
    }

    @Test
    void theSuitesMetricsAreTheDeclaredDefaultsAndTheVoteCountersTakeItsVotes() {
        MetricSuite.Votes votes = new MetricSuite.Votes(1000, 500);
        MetricSuite suite = new MetricSuite(votes);
        assertEquals(new BetaVaeScore(BetaVaeScore.DEFAULT_BATCH_SIZE, 1000, 500), suite.metric(BetaVaeScore.NAME));
        assertEquals(new FactorVaeScore(FactorVaeScore.DEFAULT_BATCH_SIZE, 1000, 500, FactorVaeScore.DEFAULT_NUM_VARIANCE_ESTIMATE,
                FactorVaeScore.DEFAULT_PRUNE_THRESHOLD), suite.metric(FactorVaeScore.NAME));
        assertEquals(MetricSuite.multiFactorVotes(votes), suite.metric(MultiFactorVoteScore.NAME));
        List<String> counters = List.of(BetaVaeScore.NAME, FactorVaeScore.NAME, MultiFactorVoteScore.NAME);
        MetricSuite reference = new MetricSuite();
        for (MetricDeclaration d : Metrics.ALL) {
            Metric defaults = d.create(MetricSuite.Votes.REFERENCE);
            assertEquals(defaults, reference.metric(d.name()), d.name());
            if (!counters.contains(d.name())) assertEquals(defaults, suite.metric(d.name()), d.name());
        }
        assertEquals(new MigScore(), Metrics.MIG.create(votes));
        assertEquals(new MultiFactorVoteScore(), Metrics.M_FVM.create(MetricSuite.Votes.REFERENCE));
    }

    @Test
    void everyMetricCarriesItsDeclaredKeysOnArraysOrSaysWhyItCannot() {
        int[][] grid = MetricFixtures.fullGrid(3, 4, 20);
        LabelledCodes points = new LabelledCodes(MetricFixtures.codesFrom(grid, 0, 1), grid);
        SuiteResult r = new MetricSuite().evaluateArrays(points, points, MetricSuite.NAMES, 7, ProgressListener.NONE);
        for (MetricDeclaration d : Metrics.ALL) {
            if (d.needs(Need.ARRAYS)) {
                assertDeclaredKeys(d, r.scores().get(d.name()), List.of("factor0", "factor1"));
            } else {
                assertEquals("not applicable to arrays: " + d.notOnArrays().orElseThrow(), r.notApplicable().get(d.name()), d.name());
            }
        }
        assertEquals(Metrics.ALL.size(), r.scores().size() + r.notApplicable().size());
    }

    @Test
    void onAModelWithoutDecoderOrLatentNodesEveryMetricCarriesItsKeysButThoseThatNeedThem() {
        NoisyFactorDataset dataset = new NoisyFactorDataset(new int[] {3, 4}, 0, 0.0);
        MetricSuite suite = new MetricSuite(List.of(new BetaVaeScore(8, 200, 100), new FactorVaeScore(8, 200, 100, 500, 0.05),
                new LmsScore(600, 300, 64), new MeanTcScore(600, 200, 64), new MultiFactorVoteScore(20, 50, 50, 100, 0.06)), 600, 300, 16);
        SuiteResult r = suite.evaluateModel(dataset, NoisyFactorDataset.identity(2), MetricSuite.NAMES, 5, ProgressListener.NONE);
        for (MetricDeclaration d : Metrics.ALL) {
            if (d.needs(Need.DECODER_LAYERS) || d.needs(Need.INTERVENTIONS)) {
                assertTrue(r.notApplicable().containsKey(d.name()), d.name() + ": " + r.scores().get(d.name()));
            } else {
                assertDeclaredKeys(d, r.scores().get(d.name()), dataset.factors().names());
            }
        }
    }

    /** The declared keys, in order; any other key is named after a factor ({@code …_<factor>}). */
    private static void assertDeclaredKeys(MetricDeclaration d, Map<String, Double> result, List<String> factorNames) {
        assertTrue(result != null, d.name() + " was not scored");
        List<String> declared = new ArrayList<>();
        for (String key : result.keySet()) {
            if (d.resultKeys().contains(key)) {
                declared.add(key);
            } else {
                assertTrue(factorNames.stream().anyMatch(f -> key.endsWith("_" + f)), d.name() + " gives an undeclared key " + key);
            }
        }
        assertEquals(d.resultKeys(), declared, d.name());
    }

    @Test
    void aDeclarationScoresArraysOrAModelAndGivesAReasonOnlyWhenItCannotScoreArrays() {
        assertThrows(IllegalArgumentException.class,
                () -> new MetricDeclaration("x", MigScore.class, List.of("k"), Set.of(Need.FACTORS), Optional.empty(), v -> new MigScore()));
        assertThrows(IllegalArgumentException.class, () -> Metrics.MIG.notOnArrays("because"));
        assertThrows(IllegalArgumentException.class,
                () -> MetricDeclaration.of("x", MigScore.class, MigScore::new, List.of("k"), Need.MODEL_AND_DATASET).notOnArrays(" "));
    }
}
