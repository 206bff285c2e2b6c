package org.disentangle4j.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.disentangle4j.data.Datasets;
import org.disentangle4j.data.GroundTruthDataset;
import org.disentangle4j.experiment.verdict.ClaimVerdict;
import org.disentangle4j.experiment.verdict.Verdict;
import org.disentangle4j.metrics.MetricSuite;
import org.disentangle4j.metrics.MigScore;
import org.disentangle4j.metrics.FactorVaeScore;
import org.disentangle4j.metrics.SuiteResult;
import org.junit.jupiter.api.Test;

/** The verdicts experiment cfasl computes from its runs, and its chance row. */
class CfaslClaimsTest {

    /** Five seeds of every line, each metric at {@code value(entry, seed)}. */
    private static List<SweepResults.Row> rows(java.util.function.BiFunction<CfaslExperiment.Entry, Long, Double> value) {
        List<SweepResults.Row> rows = new ArrayList<>();
        for (SweepRun run : CfaslExperiment.grid(5, 10).runs()) {
            CfaslExperiment.Entry entry = CfaslExperiment.ENTRIES.stream()
                    .filter(e -> e.model().equals(run.model()) && e.hyperParameters().equals(run.hyperParameters())).findFirst().orElseThrow();
            Map<String, Double> metrics = new HashMap<>();
            for (ExperimentTable.Column c : CfaslExperiment.TABLE.columns()) metrics.put(c.key(), value.apply(entry, run.seed()));
            rows.add(new SweepResults.Row(run, "complete", 10, Map.of("recon", 100.0), metrics));
        }
        return rows;
    }

    @Test
    void oneClaimPerBaseAndMetricPairedBySeedWithTheDirectionTheSeedsShow() {
        // CFASL higher by 0.1 at every seed, with seed-to-seed spread shared by the pair: holds for every base and metric
        List<ClaimVerdict> higher = CfaslExperiment.claims(rows((e, seed) -> 0.3 + 0.05 * seed + (e.cfasl() ? 0.1 + 0.01 * (seed % 2) : 0)));
        assertEquals(4 * 6, higher.size()); // 4 bases × 6 metrics (recon is no claim)
        assertTrue(higher.stream().allMatch(v -> v.verdict() == Verdict.HOLDS && v.a().n() == 5 && v.claim().pairedBySeed()), higher.toString());
        assertEquals("cfasl-vae-FactorVAE", higher.get(0).claim().id());
        // lower on beta-vae only: against there, holds elsewhere
        List<ClaimVerdict> mixed = CfaslExperiment.claims(rows((e, seed) -> 0.3 + 0.05 * seed
                + (e.cfasl() ? (e.base().equals("beta-vae") ? -0.1 : 0.1) + 0.01 * (seed % 2) : 0)));
        assertTrue(mixed.stream().filter(v -> v.claim().groupB().equals("beta-vae")).allMatch(v -> v.verdict() == Verdict.AGAINST));
        assertTrue(mixed.stream().filter(v -> !v.claim().groupB().equals("beta-vae")).allMatch(v -> v.verdict() == Verdict.HOLDS));
        // no difference beyond noise: inconclusive
        List<ClaimVerdict> same = CfaslExperiment.claims(rows((e, seed) -> 0.3 + 0.05 * seed + (e.cfasl() ? 0.01 * (seed % 2 == 0 ? 1 : -1) : 0)));
        assertTrue(same.stream().allMatch(v -> v.verdict() == Verdict.INCONCLUSIVE), same.toString());
    }

    @Test
    void randomCodesScoreAtChance() {
        GroundTruthDataset dsprites = Datasets.open("dsprites", null);
        try {
            SuiteResult r = RandomCodes.score(dsprites, 10, List.of(FactorVaeScore.NAME, MigScore.NAME), new MetricSuite.Votes(200, 100), 0);
            double accuracy = r.scores().get(FactorVaeScore.NAME).get(FactorVaeScore.EVAL_ACCURACY);
            // five varying factors: a majority vote over random dimensions is right about one time in five
            assertTrue(accuracy > 0.05 && accuracy < 0.4, "FactorVAE score of random codes " + accuracy);
            assertTrue(r.scores().get(MigScore.NAME).get(MigScore.KEY) < 0.05, r.toString());
        } finally {
            Datasets.close(dsprites);
        }
    }
}
