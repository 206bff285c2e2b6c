package org.disentangle4j.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentTableTest {

    private static SweepResults.Row row(String model, long seed, String state, double recon, Double mig) {
        SweepRun run = new SweepRun(model, Map.of("dataset", "dsprites"), Map.of(), seed);
        return new SweepResults.Row(run, state, 10, Map.of("recon", recon), mig == null ? Map.of() : Map.of("mig.discrete_mig", mig));
    }

    @Test
    void meansAndStandardErrorsOverTheCompleteRunsOfEachGroup(@TempDir Path out) {
        ExperimentTable table = new ExperimentTable(List.of("model"), List.of(
                new ExperimentTable.Column("mig.discrete_mig", "MIG", "%.3f"),
                new ExperimentTable.Column(ExperimentTable.LOSS + "recon", "recon", "%.1f")));
        List<SweepResults.Row> rows = List.of(
                row("a", 0, "complete", 100, 0.1), row("a", 1, "complete", 110, 0.3), row("a", 2, "diverged", 1e9, 0.9),
                row("b", 0, "complete", 50, null));
        List<ExperimentTable.Group> groups = List.of(
                new ExperimentTable.Group(List.of("a"), r -> r.model().equals("a")),
                new ExperimentTable.Group(List.of("b"), r -> r.model().equals("b")));
        List<ExperimentTable.Summary> s = table.summarise(out, rows, groups);
        // a: complete runs 0 and 1 only; MIG mean 0.2, s.e. = sd/√2 = 0.1414.../√2 = 0.1; recon 105 ± 5
        assertEquals(2, s.get(0).complete());
        assertEquals(3, s.get(0).total());
        assertEquals(0.2, s.get(0).meanAndError().get("mig.discrete_mig")[0], 1e-12);
        assertEquals(0.1, s.get(0).meanAndError().get("mig.discrete_mig")[1], 1e-12);
        assertEquals(105, s.get(0).meanAndError().get("loss:recon")[0], 1e-12);
        assertEquals(5, s.get(0).meanAndError().get("loss:recon")[1], 1e-12);
        assertEquals(null, s.get(1).meanAndError().get("mig.discrete_mig"));
        String md = table.markdown(s);
        assertTrue(md.startsWith("| model | seeds | MIG | recon | train s/run |\n|---|---|---|---|---|\n"), md);
        assertTrue(md.contains("| a | 2 of 3 | 0.200 ± 0.100 | 105.0 ± 5.0 |"), md);
        assertTrue(md.contains("| b | 1 of 1 | – | 50.0 ± – |"), md);
        assertTrue(table.csv(s).startsWith("model,seeds_complete,seeds,discrete_mig_mean,discrete_mig_se,recon_mean,recon_se,train_seconds_mean\n"));
    }

    @Test
    void theMeanTcGridTrainsEachModelForEachSeedAndScoresWithFewerVotes() {
        SweepGrid grid = MeanTcExperiment.grid(2, 300);
        assertEquals(8, grid.runs().size());
        assertEquals(List.of("beta-tcvae", "beta-tcvae", "factor-vae", "factor-vae", "mean-tc-vae", "mean-tc-vae", "mean-tc-vae", "mean-tc-vae"),
                grid.runs().stream().map(SweepRun::model).toList());
        assertEquals(Map.of(), grid.runs().get(4).hyperParameters());
        assertEquals(Map.of("mean-tc-weight", 0.1), grid.runs().get(6).hyperParameters());
        // each run is in exactly one line of the table
        for (SweepRun run : grid.runs()) {
            assertEquals(1, MeanTcExperiment.groups().stream().filter(g -> g.member().test(run)).count(), run.name());
        }
        assertEquals(Map.of("dataset", "dsprites", "steps", 300L, "batch-size", 64L, "lr", 1e-4, "latent-dim", 10L),
                grid.runs().get(0).options());
        assertEquals(new org.disentangle4j.train.AfterTraining(true, true, String.join(",", grid.metrics()), "1000,500"), grid.after());
    }
}
