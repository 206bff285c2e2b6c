package org.disentangle4j.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.disentangle4j.experiment.verdict.ClaimVerdict;
import org.disentangle4j.experiment.verdict.Verdict;
import org.disentangle4j.metrics.MeanTcScore;
import org.junit.jupiter.api.Test;

/** experiment mean-tc's verdicts: the means' TC of mean-tc-vae against beta-tcvae, on the Gaussian and the kNN estimate. */
class MeanTcClaimsTest {

    @Test
    void theGaussianAndTheKnnEstimateAreJudgedApart() {
        List<SweepResults.Row> rows = new ArrayList<>();
        for (SweepRun run : MeanTcExperiment.grid(5, 10).runs()) {
            boolean penalised = run.model().equals("mean-tc-vae") && run.hyperParameters().isEmpty();
            double noise = 0.01 * ((run.seed() * 3) % 5);
            Map<String, Double> metrics = new HashMap<>();
            // the penalty lowers the Gaussian TC it optimises; the kNN one stays where β-TCVAE's is
            metrics.put(MeanTcScore.NAME + "." + MeanTcScore.TC_MEAN, (penalised ? 0.1 + 0.01 * (run.seed() % 2) : 1.5) + noise);
            metrics.put(MeanTcScore.NAME + "." + MeanTcScore.TC_MEAN_KNN, 0.8 + noise + (penalised ? 0.02 * (run.seed() % 2 == 0 ? 1 : -1) : 0));
            rows.add(new SweepResults.Row(run, "complete", 10, Map.of(), metrics));
        }
        List<ClaimVerdict> verdicts = MeanTcExperiment.claims(rows);
        assertEquals(2, verdicts.size());
        assertEquals(Verdict.HOLDS, verdicts.get(0).verdict());
        assertEquals(Verdict.INCONCLUSIVE, verdicts.get(1).verdict());
        assertEquals("TC(μ) kNN", verdicts.get(1).claim().metric());
    }
}
