package org.disentangle4j.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.disentangle4j.experiment.verdict.ClaimVerdict;
import org.disentangle4j.experiment.verdict.Verdict;
import org.junit.jupiter.api.Test;

/** experiment cdg's verdicts: robustness and generativeness against each baseline, on the paper's pairs, paired by seed. */
class CdgClaimsTest {

    @Test
    void robustnessAndGenerativenessAgainstEachBaselineOnThePapersPairs() {
        List<SweepResults.Row> rows = new ArrayList<>();
        for (SweepRun run : CdgExperiment.grid(5, 10).runs()) {
            boolean cdg = run.model().equals("cdg-vae") && run.hyperParameters().isEmpty();
            Map<String, Double> metrics = new HashMap<>();
            for (ExperimentTable.Column c : CdgExperiment.TABLE.columns()) {
                // cdg-vae: robustness 0, generativeness 0.6 + seed noise; baselines: robustness 0.3 + noise, generativeness 0.6 + the same noise
                boolean robustnessPair = CdgExperiment.ROBUSTNESS_PAIRS.stream()
                        .anyMatch(p -> c.key().endsWith("cdm_L_" + p[0] + "_" + p[1]));
                double noise = 0.02 * ((run.seed() * 7) % 5);
                metrics.put(c.key(), robustnessPair ? (cdg ? 0 : 0.3 + noise) : 0.6 + noise);
            }
            rows.add(new SweepResults.Row(run, "complete", 10, Map.of(), metrics));
        }
        List<ClaimVerdict> verdicts = CdgExperiment.claims(rows);
        assertEquals(4, verdicts.size()); // 2 baselines × (robustness, generativeness)
        assertEquals(Verdict.HOLDS, verdicts.get(0).verdict());            // 0 < 0.3 + noise at every seed
        assertEquals(0.0, verdicts.get(0).claim().paperA());
        assertEquals((.44 + .33 + .38 + .28) / 4, verdicts.get(0).claim().paperB(), 1e-12);
        assertEquals(Verdict.INCONCLUSIVE, verdicts.get(1).verdict());     // the same generativeness at every seed
        assertEquals(Verdict.HOLDS, verdicts.get(2).verdict());
        assertEquals("InfoMax (cdg-infomax)", verdicts.get(2).claim().groupB());
        assertEquals(5, verdicts.get(2).a().n());
    }

    @Test
    void theClassifiersHeldOutErrorIsReadFromAnyCompleteRun() {
        SweepRun run = CdgExperiment.grid(1, 10).runs().get(0);
        assertEquals("", CdgExperiment.classifierLine(List.of(new SweepResults.Row(run, "complete", 10, Map.of(), Map.of()))));
        Map<String, Double> metrics = new HashMap<>();
        String[] factors = {"light", "angle", "length", "position"};
        for (int f = 0; f < 4; f++) {
            metrics.put("cdm.cdm_classifier_error_" + factors[f], 0.01 * (f + 1));
            metrics.put("cdm.cdm_classifier_accuracy_" + factors[f], 1 - 0.1 * f);
        }
        String line = CdgExperiment.classifierLine(List.of(new SweepResults.Row(run, "interrupted", 5, Map.of(), Map.of()),
                new SweepResults.Row(run, "complete", 10, Map.of(), metrics)));
        assertTrue(line.contains("light 0.010 (100% within 0.1); angle 0.020 (90% within 0.1); length 0.030 (80% within 0.1); "
                + "position 0.040 (70% within 0.1)."), line);
    }
}
