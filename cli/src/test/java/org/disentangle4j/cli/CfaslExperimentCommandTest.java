package org.disentangle4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.disentangle4j.experiment.CfaslExperiment;
import org.disentangle4j.experiment.ExperimentTable;
import org.disentangle4j.experiment.SweepRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code experiment cfasl}: its plan, its table's lines and its one-line errors (training it is the experiment, not a test). */
class CfaslExperimentCommandTest {

    private static String[] run(String... args) {
        return CommandRunner.run(args);
    }

    @Test
    void dryRunListsEachBaseWithAndWithoutCfaslForEachSeed(@TempDir Path tmp) {
        String[] plan = run("experiment", "cfasl", "--seeds", "2", "--steps", "5", "--out", tmp.toString(), "--dry-run");
        assertEquals("0", plan[0], plan[2]);
        List<String> train = plan[1].lines().filter(l -> l.startsWith("train")).toList();
        assertEquals(16, train.size(), plan[1]); // 4 bases × with/without × 2 seeds
        for (String base : List.of("vae", "beta-vae", "beta-tcvae", "factor-vae")) {
            assertEquals(2, train.stream().filter(l -> l.contains("cfasl_base=" + base + "_")).count(), plan[1]);
        }
        assertEquals(8, train.stream().filter(l -> l.contains("cfasl_")).count(), plan[1]);
        // a CFASL run has its base's hyper-parameters
        assertEquals(2, train.stream().filter(l -> l.contains("cfasl_base=beta-tcvae_") && l.contains("_beta=6_")).count(), plan[1]);
        assertEquals(2, train.stream().filter(l -> l.contains("cfasl_base=factor-vae_") && l.contains("_gamma=40_")).count(), plan[1]);

        String[] help = run("experiment", "cfasl", "--help");
        assertTrue(help[1].lines().allMatch(l -> l.length() <= 80), help[1]);
        assertTrue(help[1].contains("(2 seeds x 400 steps)"), help[1]);
        for (String[] bad : new String[][] {{"--seeds", "0"}, {"--steps", "0"}}) {
            String[] o = run("experiment", "cfasl", bad[0], bad[1], "--out", tmp.toString());
            assertEquals("2", o[0], o[2]);
            assertEquals(1, o[2].lines().count(), o[2]);
            assertTrue(o[2].contains(bad[0] + " must be"), o[2]);
        }
    }

    @Test
    void everyRunBelongsToExactlyOneLineOfTheTable() {
        List<SweepRun> runs = CfaslExperiment.grid(3, 7).runs();
        List<ExperimentTable.Group> groups = CfaslExperiment.groups();
        assertEquals(8, groups.size());
        for (SweepRun run : runs) {
            assertEquals(1, groups.stream().filter(g -> g.member().test(run)).count(), run.name());
        }
        for (ExperimentTable.Group g : groups) assertEquals(3, runs.stream().filter(g.member()).count(), g.labels().toString());
        assertEquals(List.of("FactorVAE", "m-FVM2", "m-FVM3", "m-FVM4", "MIG", "DCI", "recon"),
                CfaslExperiment.TABLE.columns().stream().map(ExperimentTable.Column::title).toList());
    }
}
