package org.disentangle4j.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The registered experiments' declarations: each run of a grid is in exactly one line of its table, for every seed. */
class ExperimentsTest {

    @Test
    void everyDeclaredGridIsItsTablesLinesTimesTheSeeds() {
        for (Experiment e : Experiments.all()) {
            Experiment.Settings settings = new Experiment.Settings(3, 7, e.defaults().options());
            List<SweepRun> runs = e.design().grid(settings).runs();
            List<ExperimentTable.Group> groups = e.design().groups(settings);
            assertEquals(3 * groups.size(), runs.size(), e.name());
            for (SweepRun run : runs) assertEquals(1, groups.stream().filter(g -> g.member().test(run)).count(), e.name() + ": " + run.name());
            for (ExperimentTable.Group g : groups) assertEquals(3, runs.stream().filter(g.member()).count(), e.name() + ": " + g.labels());
            assertTrue(e.description().stream().allMatch(l -> l.length() <= 80), e.name());
        }
    }

    @Test
    void theSeedsAndStepsAreCheckedAndAnOwnOptionIsReadByName() {
        for (Experiment e : Experiments.all()) {
            Map<String, String> own = e.defaults().options();
            assertEquals("--seeds must be at least 1, got 0",
                    assertThrows(RuntimeException.class, () -> e.design().grid(new Experiment.Settings(0, 5, own))).getMessage());
            assertEquals("--steps must be positive, got 0",
                    assertThrows(RuntimeException.class, () -> e.design().grid(new Experiment.Settings(1, 0, own))).getMessage());
        }
        Experiment additive = AdditiveExperiment.DECLARATION;
        Experiment.Settings all = new Experiment.Settings(1, 5, Map.of("datasets", "all"));
        // per dataset: additive-ae, ae, the zoo's baseline, ae untrained
        assertEquals(AdditiveExperiment.DATASETS.size() * 4, additive.design().groups(all).size());
        assertEquals("balls-scalar,balls-block-independent", additive.defaults().option("datasets"));
        assertThrows(IllegalArgumentException.class, () -> additive.defaults().option("dataset"));
    }
}
