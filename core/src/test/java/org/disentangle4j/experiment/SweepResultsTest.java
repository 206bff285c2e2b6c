package org.disentangle4j.experiment;

import org.disentangle4j.train.RunDirectory;
import org.disentangle4j.train.TrainingConfig;
import org.disentangle4j.train.TrainingLog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepResultsTest {

    @Test
    void meanAndStandardErrorByHand() {
        // 1, 2, 4: mean 7/3; sample variance ((4/3)² + (1/3)² + (5/3)²)/2 = (42/9)/2 = 7/3;
        // standard error √(7/3)/√3 = √7/3 = 0.881917
        double[] ms = SweepResults.meanAndStandardError(List.of(1.0, 2.0, 4.0));
        assertEquals(7.0 / 3, ms[0], 1e-12);
        assertEquals(Math.sqrt(7) / 3, ms[1], 1e-12);
        // two seeds: 0.2 and 0.4 → mean 0.3, sd 0.141421, se 0.1
        double[] two = SweepResults.meanAndStandardError(List.of(0.2, 0.4));
        assertEquals(0.3, two[0], 1e-12);
        assertEquals(0.1, two[1], 1e-12);
        assertTrue(Double.isNaN(SweepResults.meanAndStandardError(List.of(5.0))[1]));
        assertEquals("2.333 ± 0.8819", SweepResults.meanPlusMinus(List.of(1.0, 2.0, 4.0)));
        assertEquals("5.000 ± –", SweepResults.meanPlusMinus(List.of(5.0)));
    }

    /** A run directory as a finished training leaves it, with the given last losses and metrics. */
    private static void fakeRun(Path out, SweepRun run, RunDirectory.State state, double loss, Double mig) throws IOException {
        TrainingConfig c = new TrainingConfig(run.model(), "dsprites", null, 10, 64, 1e-4, 10, "bernoulli", run.seed(),
                run.hyperParameters(), 5, 500);
        RunDirectory rd = RunDirectory.create(out.resolve(run.name()), c, Map.of());
        try (TrainingLog log = new TrainingLog(rd.file(RunDirectory.LOG))) {
            log.append(5, Map.of("loss", 999.0, "elapsed_s", 1.0));
            Map<String, Double> last = new java.util.LinkedHashMap<>();
            last.put("loss", loss);
            last.put("kl", 2.0);
            last.put("elapsed_s", 2.0);
            log.append(10, last);
        }
        rd.writeStatus(state, state == RunDirectory.State.COMPLETE ? 10 : 5);
        if (mig != null) rd.writeJson(RunDirectory.METRICS, JsonParser.parseString("{\"mig\": {\"score\": " + mig + "}, \"note\": \"x\"}"));
    }

    @Test
    void aggregatesCompleteSeedsPerSetting(@TempDir Path out) throws IOException {
        SweepRun a0 = new SweepRun("beta-vae", Map.of(), Map.of("beta", 4.0), 0);
        SweepRun a1 = new SweepRun("beta-vae", Map.of(), Map.of("beta", 4.0), 1);
        SweepRun a2 = new SweepRun("beta-vae", Map.of(), Map.of("beta", 4.0), 2);
        SweepRun b0 = new SweepRun("beta-vae", Map.of(), Map.of("beta", 1.0), 0);
        SweepRun b1 = new SweepRun("beta-vae", Map.of(), Map.of("beta", 1.0), 1);
        fakeRun(out, a0, RunDirectory.State.COMPLETE, 100, 0.2);
        fakeRun(out, a1, RunDirectory.State.COMPLETE, 110, 0.4);
        fakeRun(out, a2, RunDirectory.State.INTERRUPTED, 500, null); // not complete: left out of the mean
        fakeRun(out, b0, RunDirectory.State.COMPLETE, 90, null);
        // b1 has no directory at all

        List<SweepResults.Row> rows = SweepResults.collect(out, List.of(a0, a1, a2, b0, b1));
        assertEquals(List.of("complete", "complete", "interrupted", "complete", "missing"), rows.stream().map(SweepResults.Row::state).toList());
        assertEquals(Map.of("loss", 100.0, "kl", 2.0), rows.get(0).losses());
        assertEquals(Map.of("mig.score", 0.2), rows.get(0).metrics());

        SweepResults.writeCsv(out.resolve("results.csv"), rows);
        List<String> csv = Files.readAllLines(out.resolve("results.csv"));
        assertEquals("run,model,seed,state,step,beta,loss,kl,mig.score", csv.get(0));
        assertEquals("beta-vae_beta=4_seed=0,beta-vae,0,complete,10,4,100.0,2.0,0.2", csv.get(1));
        assertEquals("beta-vae_beta=4_seed=2,beta-vae,2,interrupted,5,4,500.0,2.0,", csv.get(3));
        assertEquals("beta-vae_beta=1_seed=1,beta-vae,1,missing,0,1,,,", csv.get(5));

        SweepResults.writeMarkdown(out.resolve("results.md"), rows);
        String md = Files.readString(out.resolve("results.md"));
        assertTrue(md.contains("| model | settings | seeds complete | mig.score | loss | kl |"), md);
        // β = 4: mig 0.2, 0.4 → 0.3 ± 0.1; loss 100, 110 → 105 ± 5
        assertTrue(md.contains("| beta-vae | beta=4 | 2 of 3 | 0.3000 ± 0.1000 | 105.0 ± 5.000 | 2.000 ± 0 |"), md);
        assertTrue(md.contains("| beta-vae | beta=1 | 1 of 2 |  | 90.00 ± – | 2.000 ± – |"), md);
    }
}
