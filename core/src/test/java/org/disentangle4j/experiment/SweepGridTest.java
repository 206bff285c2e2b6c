package org.disentangle4j.experiment;

import org.disentangle4j.train.TrainingConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.disentangle4j.io.UserInputException;
import org.junit.jupiter.api.Test;

class SweepGridTest {
    private static final String GRID = """
            {"dataset": "dsprites", "steps": 2000, "seeds": [0, 1],
             "runs": [{"model": "beta-vae", "beta": [1, 4]},
                      {"model": "factor-vae", "gamma": [10], "lr": [0.0001, 0.001], "seeds": [5]},
                      {"model": "vae"}]}""";

    @Test
    void listsExpandToTheirProductTimesTheSeeds() {
        SweepGrid grid = SweepGrid.parse(GRID, "grid.json");
        List<String> names = grid.runs().stream().map(SweepRun::name).toList();
        assertEquals(List.of(
                "beta-vae_beta=1_dataset=dsprites_steps=2000_seed=0",
                "beta-vae_beta=1_dataset=dsprites_steps=2000_seed=1",
                "beta-vae_beta=4_dataset=dsprites_steps=2000_seed=0",
                "beta-vae_beta=4_dataset=dsprites_steps=2000_seed=1",
                "factor-vae_dataset=dsprites_gamma=10_lr=0.0001_steps=2000_seed=5",
                "factor-vae_dataset=dsprites_gamma=10_lr=0.001_steps=2000_seed=5",
                "vae_dataset=dsprites_steps=2000_seed=0",
                "vae_dataset=dsprites_steps=2000_seed=1"), names);
        SweepRun fv = grid.runs().get(5);
        assertEquals("factor-vae", fv.model());
        assertEquals(Map.of("gamma", 10.0), fv.hyperParameters());
        assertEquals(Map.of("dataset", "dsprites", "steps", 2000L, "lr", 0.001), fv.options());
        assertEquals(5, fv.seed());
        assertEquals(SweepGrid.DEFAULT_METRICS, grid.metrics());
    }

    @Test
    void aRunEntryOverridesTheTopLevelAndDefaultsAreOneSeedAndTheStandardMetrics() {
        SweepGrid grid = SweepGrid.parse("""
                {"steps": [100, 200], "metrics": "mig, dci", "runs": [{"model": "vae", "steps": 50}]}""", "g.json");
        assertEquals(1, grid.runs().size());
        assertEquals("vae_steps=50_seed=0", grid.runs().get(0).name());
        assertEquals(List.of("mig", "dci"), grid.metrics());
    }

    @Test
    void theRequestCarriesEverySettingAndTheDefaultsOfTrain() {
        SweepRun run = SweepGrid.parse(GRID, "g").runs().get(5);
        var request = run.request(Path.of("out/x"), SweepGrid.parse(GRID, "g").after());
        TrainingConfig expected = new TrainingConfig("factor-vae", "dsprites", null, 2000, 64, 0.001, 10, "bernoulli", 5,
                Map.of("gamma", 10.0), 50, 500);
        assertEquals(expected, request.config());
        assertEquals(Path.of("out/x"), request.dir());
        assertNull(run.mismatch(request.config()), "the run it starts is the run the sweep recognises");
    }

    @Test
    void aConfigMatchesTheRunThatWroteIt() {
        SweepRun run = SweepGrid.parse(GRID, "g").runs().get(5);
        TrainingConfig c = new TrainingConfig("factor-vae", "dsprites", null, 2000, 64, 0.001, 10, "bernoulli", 5,
                Map.of("gamma", 10.0), 50, 500);
        assertNull(run.mismatch(c));
        assertEquals("seed 6 instead of 5", run.mismatch(new TrainingConfig("factor-vae", "dsprites", null, 2000, 64, 0.001, 10,
                "bernoulli", 6, Map.of("gamma", 10.0), 50, 500)));
        assertEquals("steps 3000 instead of 2000", run.mismatch(c.withSteps(3000)));
        assertEquals("gamma 20 instead of 10", run.mismatch(c.withHyperParameters(Map.of("gamma", 20.0))));
    }

    private static String error(String json) {
        return assertThrows(UserInputException.class, () -> SweepGrid.parse(json, "grid.json")).getMessage();
    }

    @Test
    void badGridsGetOneLineNamingTheFileAndKey() {
        assertEquals("grid.json: no \"runs\": expected a list of {\"model\": …} objects", error("{\"steps\": 5}"));
        assertTrue(error("{\"runs\": [").startsWith("grid.json is not valid JSON"));
        assertEquals("grid.json: runs[0].model: unknown model 'gan'; expected one of: "
                + String.join(", ", org.disentangle4j.model.Methods.all().stream().map(org.disentangle4j.model.Method::name).toList()),
                error("{\"runs\": [{\"model\": \"gan\"}]}"));
        assertTrue(error("{\"runs\": [{\"model\": \"beta-vae\", \"gama\": 3}]}")
                .startsWith("grid.json: runs[0].gama: model beta-vae has no hyper-parameter or training option 'gama'"));
        assertEquals("grid.json: runs[0].beta: expected a number or a list of them, got \"four\"",
                error("{\"runs\": [{\"model\": \"beta-vae\", \"beta\": \"four\"}]}"));
        assertEquals("grid.json: steps: expected a whole number or a list of them, got 2.5",
                error("{\"steps\": 2.5, \"runs\": [{\"model\": \"vae\"}]}"));
        assertEquals("grid.json: runs[1].steps: must be positive, got 0",
                error("{\"runs\": [{\"model\": \"vae\"}, {\"model\": \"vae\", \"steps\": [10, 0]}]}"));
        assertTrue(error("{\"beta\": 4, \"runs\": [{\"model\": \"vae\"}]}").startsWith("grid.json: beta: unknown key"));
        assertTrue(error("{\"dataset\": \"mnist\", \"runs\": [{\"model\": \"vae\"}]}").startsWith("grid.json: dataset: unknown dataset 'mnist'"));
        assertEquals("grid.json: runs[0].beta: an empty list gives no runs; give at least one value",
                error("{\"runs\": [{\"model\": \"beta-vae\", \"beta\": []}]}"));
        assertEquals("grid.json: runs[1]: run vae_seed=0 is in the grid twice",
                error("{\"runs\": [{\"model\": \"vae\"}, {\"model\": \"vae\"}]}"));
        assertEquals("grid.json: seeds: a seed is listed twice", error("{\"seeds\": [1, 1], \"runs\": [{\"model\": \"vae\"}]}"));
    }

    @Test
    void theZooBaselineGridHasEveryModelTwice() {
        SweepGrid grid = SweepGrid.read(Path.of("..", "sweeps", "zoo-dsprites.json"));
        assertEquals(14, grid.runs().size());
        assertEquals(java.util.Set.of("vae", "beta-vae", "annealed-vae", "factor-vae", "dip-vae-i", "dip-vae-ii", "beta-tcvae"),
                grid.runs().stream().map(SweepRun::model).collect(java.util.stream.Collectors.toSet()));
        assertTrue(grid.runs().stream().allMatch(r -> r.seed() == 0 || r.seed() == 1));
    }

    @Test
    void namesAreSafeFileNames() {
        SweepRun run = new SweepRun("vae", Map.of("data-file", "/data/my files/dsprites.npz", "lr", 1e-4), Map.of(), 3);
        assertEquals("vae_data-file=dsprites.npz_lr=0.0001_seed=3", run.name());
        assertEquals("beta=2.5, steps=7", new SweepRun("beta-vae", Map.of("steps", 7L), Map.of("beta", 2.5), 0).settingsLabel());
        // logging intervals do not change what a run computes, so they are not part of its name
        SweepRun logged = new SweepRun("vae", Map.of("steps", 7L, "log-every", 5L, "checkpoint-every", 5L), Map.of(), 0);
        assertEquals("vae_steps=7_seed=0", logged.name());
        TrainingConfig config = logged.request(Path.of("d"), SweepGrid.parse("{\"runs\": [{\"model\": \"vae\"}]}", "g").after()).config();
        assertEquals(List.of(7L, 5, 5), List.of(config.steps(), config.logEvery(), config.checkpointEvery()));
    }

    @Test
    void eachRunFinishesWithTheGridsMetricsAndVotes() {
        SweepGrid plain = SweepGrid.parse("{\"metrics\": \"mig,factor_vae\", \"runs\": [{\"model\": \"vae\"}]}", "g");
        assertEquals(new org.disentangle4j.train.AfterTraining(true, true, "mig,factor_vae", "10000,5000"), plain.after());
        SweepGrid fewer = SweepGrid.parse("{\"votes\": \"1000,500\", \"runs\": [{\"model\": \"vae\"}]}", "g");
        assertEquals("1000,500", fewer.after().votes());
        assertEquals("g: votes: --votes: expected TRAIN,EVAL (two positive counts, e.g. 1000,500), got '1000'",
                assertThrows(UserInputException.class,
                        () -> SweepGrid.parse("{\"votes\": \"1000\", \"runs\": [{\"model\": \"vae\"}]}", "g")).getMessage());
    }
}
