package org.disentangle4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.disentangle4j.io.UserInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricSuiteTest {
    private static final List<String> ARRAY_METRICS = List.of("mig", "sap", "dci", "modularity_explicitness", "irs", "unsupervised", "lms",
            "mean_tc", "disintegration");

    @Test
    void parsesSelections() {
        assertEquals(MetricSuite.NAMES, MetricSuite.parseSelection("all"));
        assertEquals(List.of("mig", "irs"), MetricSuite.parseSelection(" irs, MIG "));
        UserInputException e = assertThrows(UserInputException.class, () -> MetricSuite.parseSelection("mig,nope"));
        assertTrue(e.getMessage().contains("unknown metric 'nope'"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void theDefaultSelectionIsTheArrayScoresWithoutTheInterventionalOnesLmsAndTheMeanTcDiagnostics() {
        assertEquals(List.of("mig", "sap", "dci", "modularity_explicitness", "irs", "unsupervised"),
                MetricSuite.parseSelection(MetricSuite.DEFAULT_SELECTION));
    }

    @Test
    void rejectsBadArraysWithOneLine() {
        double[][] codes = {{0.0, 1.0}, {1.0, 0.0}};
        assertMessage("2 rows but f has 1", () -> MetricSuite.validate(codes, new int[][] {{0}}, "c", "f"));
        assertMessage("c: 1 of 2 rows have a non-finite code", () -> MetricSuite.validate(new double[][] {{0, Double.NaN}, {1, 1}}, new int[][] {{0}, {1}}, "c", "f"));
        assertMessage("c: 1 of 2 rows have a non-finite code", () -> MetricSuite.validate(new double[][] {{0, Double.POSITIVE_INFINITY}, {1, 1}}, new int[][] {{0}, {1}}, "c", "f"));
        assertMessage("is -1", () -> MetricSuite.validate(codes, new int[][] {{0}, {-1}}, "c", "f"));
    }

    private static void assertMessage(String part, org.junit.jupiter.api.function.Executable call) {
        UserInputException e = assertThrows(UserInputException.class, call);
        assertTrue(e.getMessage().contains(part), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void arraysGetEveryArrayMetricAndReasonsForTheRest() {
        int[][] grid = MetricFixtures.fullGrid(3, 4, 20);
        LabelledCodes points = new LabelledCodes(MetricFixtures.codesFrom(grid, 0, 1), grid);
        SuiteResult r = new MetricSuite().evaluateArrays(points, points, MetricSuite.NAMES, 7, ProgressListener.NONE);
        assertEquals(ARRAY_METRICS, List.copyOf(r.scores().keySet()));
        assertEquals(List.of("beta_vae", "factor_vae", "m_fvm", "spectral_independence", "cdm"), List.copyOf(r.notApplicable().keySet()));
        assertTrue(r.notApplicable().get("beta_vae").contains("interventional"));
        assertEquals(1.0, r.scores().get("mig").get("discrete_mig"), 1e-12);
        assertEquals(List.of("IRS", "num_active_dims"), List.copyOf(r.scores().get("irs").keySet()));
        // codes = the factors: LMS-Spearman of arrays is 100; arrays have no out-of-support set or reconstructions
        assertEquals(100, r.scores().get("lms").get("lms_in_support"), 1e-9);
        assertTrue(Double.isNaN(r.scores().get("lms").get("rmse_in_support")));
        // the only notes: mean_tc has no posterior to sample arrays from, disintegration lists its dimensions
        assertEquals(2, r.notes().size(), r.notes().toString());
        assertTrue(r.notes().get(0).startsWith("mean_tc: no posterior variances"), r.notes().toString());
        assertTrue(r.notes().get(1).startsWith("disintegration: ") && r.notes().get(1).endsWith("factor0: z0; factor1: z1"), r.notes().toString());
    }

    @Test
    void aConstantFactorIsSkippedWithANote() {
        int[][] grid = MetricFixtures.fullGrid(3, 4, 20);
        int[][] withConstant = new int[grid.length][];
        for (int i = 0; i < grid.length; i++) withConstant[i] = new int[] {grid[i][0], 5, grid[i][1]};
        LabelledCodes points = new LabelledCodes(MetricFixtures.codesFrom(grid, 0, 1), withConstant);
        SuiteResult r = new MetricSuite().evaluateArrays(points, points, List.of("mig", "irs"), 7, ProgressListener.NONE);
        assertEquals(1.0, r.scores().get("mig").get("discrete_mig"), 1e-12);
        assertEquals(1, r.notes().size());
        assertTrue(r.notes().get(0).startsWith("factor 1 takes a single value (5)"), r.notes().get(0));
    }

    @Test
    void withoutTestArraysAThirdIsHeldOutAndSaidSo() {
        int n = 600;
        LabelledCodes points = new LabelledCodes(MetricFixtures.gaussian(n, 3, 1), MetricFixtures.uniformFactors(n, 3, 2, 2));
        SuiteResult a = new MetricSuite().evaluateArrays(points, null, List.of("sap", "mig"), 3, ProgressListener.NONE);
        SuiteResult b = new MetricSuite().evaluateArrays(points, null, List.of("sap", "mig"), 3, ProgressListener.NONE);
        assertEquals(a.scores(), b.scores());
        assertTrue(a.notes().get(0).contains("train on a random 400 of the 600 points and test on the other 200"), a.notes().get(0));
        // MIG uses all points: the same as scoring them directly
        assertEquals(MigScore.score(points).get("discrete_mig"), a.scores().get("mig").get("discrete_mig"));
    }

    @Test
    void jsonHasExactlyMetricsAndKeys(@TempDir Path dir) throws Exception {
        SuiteResult r = new SuiteResult(
                Map.of("irs", new java.util.LinkedHashMap<>(Map.of("IRS", 0.25))),
                Map.of("beta_vae", "not applicable"), List.of(), Map.of());
        Map<String, Map<String, Double>> scores = new java.util.LinkedHashMap<>();
        scores.put("modularity_explicitness", new java.util.LinkedHashMap<>(Map.of("modularity_score", Double.NaN)));
        java.util.LinkedHashMap<String, Double> irs = new java.util.LinkedHashMap<>();
        irs.put("IRS", 0.25);
        irs.put("num_active_dims", 7.0);
        scores.put("irs", irs);
        r = new SuiteResult(scores, r.notApplicable(), List.of(), Map.of());
        Path file = dir.resolve("metrics.json");
        MetricsJson.write(file, r);
        String text = Files.readString(file);
        JsonObject json = JsonParser.parseString(text).getAsJsonObject();
        assertEquals(List.of("modularity_explicitness", "irs"), List.copyOf(json.keySet()));
        assertTrue(json.getAsJsonObject("modularity_explicitness").get("modularity_score").isJsonNull());
        assertEquals(0.25, json.getAsJsonObject("irs").get("IRS").getAsDouble());
        assertTrue(text.contains("\"num_active_dims\": 7\n") || text.contains("\"num_active_dims\": 7"), text);
        assertFalse(text.contains("7.0"), text);
        String table = MetricsTable.format(r);
        assertTrue(table.contains("beta_vae") && table.contains("n/a: not applicable"), table);
    }

    @Test
    void mergingKeepsMetricsNotRecomputed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("metrics.json");
        Files.writeString(file, "{\"lms\": {\"lms_in_support\": 12.5}, \"mig\": {\"discrete_mig\": 0.1}, \"custom\": {\"x\": 1}}");
        java.util.LinkedHashMap<String, Double> mig = new java.util.LinkedHashMap<>();
        mig.put("discrete_mig", 0.3);
        java.util.LinkedHashMap<String, Double> irs = new java.util.LinkedHashMap<>();
        irs.put("IRS", Double.NaN);
        irs.put("num_active_dims", 2.0);
        java.util.LinkedHashMap<String, Map<String, Double>> scores = new java.util.LinkedHashMap<>();
        scores.put("mig", mig);
        scores.put("irs", irs);
        MetricsJson.merge(file, new SuiteResult(scores, Map.of(), List.of(), Map.of()));
        JsonObject json = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        assertEquals(List.of("mig", "irs", "lms", "custom"), List.copyOf(json.keySet())); // the suite's order, then the rest
        assertEquals(0.3, json.getAsJsonObject("mig").get("discrete_mig").getAsDouble());
        assertTrue(json.getAsJsonObject("irs").get("IRS").isJsonNull());
        assertEquals(12.5, json.getAsJsonObject("lms").get("lms_in_support").getAsDouble());
        assertEquals(1, json.getAsJsonObject("custom").get("x").getAsInt());
        // a file that is not JSON is replaced
        Files.writeString(file, "not json");
        MetricsJson.merge(file, new SuiteResult(scores, Map.of(), List.of(), Map.of()));
        assertEquals(List.of("mig", "irs"), List.copyOf(JsonParser.parseString(Files.readString(file)).getAsJsonObject().keySet()));
    }

    @Test
    void modelModeComputesEveryMetric() {
        NoisyFactorDataset dataset = new NoisyFactorDataset(new int[] {3, 4}, 0, 0.0);
        MetricSuite suite = new MetricSuite(List.of(new BetaVaeScore(8, 200, 100), new FactorVaeScore(8, 200, 100, 500, 0.05),
                new MigScore(), new SapScore(), new DciScore(), new ModularityExplicitness(), new IrsScore(), new UnsupervisedScores(),
                new LmsScore(600, 300, 64), new MeanTcScore(600, 200, 64), new DisintegrationScore(),
                new MultiFactorVoteScore(20, 50, 50, 100, 0.06), new SpectralIndependenceScore()), 600, 300, 16);
        SuiteResult r = suite.evaluateModel(dataset, NoisyFactorDataset.identity(2), MetricSuite.NAMES, 5, ProgressListener.NONE);
        // spectral_independence reads a decoder's layers and cdm intervenes on a model's latent nodes: these codes have neither
        assertEquals(MetricSuite.NAMES.stream().filter(n -> !n.equals(SpectralIndependenceScore.NAME) && !n.equals("cdm")).toList(), List.copyOf(r.scores().keySet()));
        assertTrue(r.notApplicable().containsKey(SpectralIndependenceScore.NAME), r.notApplicable().toString());
        assertEquals("the model's latent nodes cannot be intervened on", r.notApplicable().get("cdm"));
        assertEquals(1.0, r.scores().get("beta_vae").get("eval_accuracy"));
        assertEquals(1.0, r.scores().get("dci").get("informativeness_test"));
        // codes are the factors; only sampling makes the other factor look slightly informative
        assertTrue(r.scores().get("mig").get("discrete_mig") > 0.95, r.scores().toString());
        assertEquals(1.0, r.scores().get("irs").get("IRS"), 1e-12);
        assertEquals(100, r.scores().get("lms").get("lms_in_support"), 1e-9);
        // two factors: only one can be fixed without fixing all; codes are the factors
        assertEquals(1.0, r.scores().get("m_fvm").get("m_fvm_1_eval"));
        assertTrue(Double.isNaN(r.scores().get("m_fvm").get("m_fvm_2_eval")));
    }

    @Test
    void multiFactorVotesAreTheReferencesAtTheReferenceVotesAndInProportionOtherwise() {
        MultiFactorVoteScore reference = MetricSuite.multiFactorVotes(MetricSuite.Votes.REFERENCE);
        assertEquals(List.of(800, 800), List.of(reference.numTrain(), reference.numEval()));
        MultiFactorVoteScore tenth = MetricSuite.multiFactorVotes(new MetricSuite.Votes(1000, 500));
        assertEquals(List.of(80, 80), List.of(tenth.numTrain(), tenth.numEval()));
        MultiFactorVoteScore few = MetricSuite.multiFactorVotes(new MetricSuite.Votes(20, 20000));
        assertEquals(List.of(10, 3200), List.of(few.numTrain(), few.numEval()));
    }
}
