package org.disentangle4j.experiment;

import org.disentangle4j.train.RunDirectory;
import org.disentangle4j.train.TrainingConfig;
import org.disentangle4j.train.TrainingLog;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.disentangle4j.io.UserInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in grid of {@code experiment additive} and its table; no training. */
class AdditiveExperimentTest {

    @Test
    void theDefaultGridIsTwoDatasetsTimesTwoModelsTimesThreeSeeds() {
        List<String> datasets = AdditiveExperiment.parseDatasets("balls-scalar,balls-block-independent");
        assertEquals(AdditiveExperiment.DEFAULT_DATASETS, datasets);
        assertEquals(List.of(new AdditiveExperiment.Cell("balls-scalar", "additive-ae"), new AdditiveExperiment.Cell("balls-scalar", "ae"),
                new AdditiveExperiment.Cell("balls-scalar", "beta-vae"), new AdditiveExperiment.Cell("balls-scalar", "ae", true),
                new AdditiveExperiment.Cell("balls-block-independent", "additive-ae"),
                new AdditiveExperiment.Cell("balls-block-independent", "ae"), new AdditiveExperiment.Cell("balls-block-independent", "beta-vae"),
                new AdditiveExperiment.Cell("balls-block-independent", "ae", true)), AdditiveExperiment.cells(datasets));
        SweepGrid grid = AdditiveExperiment.grid(datasets, 3, 200);
        assertEquals(24, grid.runs().size());
        assertEquals(List.of("lms"), grid.metrics());
        assertEquals(List.of(0L, 1L, 2L), grid.runs().subList(0, 3).stream().map(SweepRun::seed).toList());
    }

    @Test
    void eachRunHasItsDatasetsBlocksAndTheReferenceSettings() {
        SweepGrid grid = AdditiveExperiment.grid(AdditiveExperiment.parseDatasets("all"), 1, 300);
        assertEquals(12, grid.runs().size());
        SweepRun scalarAdditive = grid.runs().get(0);
        assertEquals("additive-ae", scalarAdditive.model());
        // the reference's: a training set of 20,000 images, its loss (recon-loss 1: "reference")
        assertEquals(Map.of("dataset", "balls-scalar", "steps", 300L, "batch-size", 64L, "lr", 0.001, "latent-dim", 2L, "training-set", 20000L),
                scalarAdditive.options());
        assertEquals(Map.of("block-size", 1.0, "validate-every", 60.0, "recon-loss", 1.0), scalarAdditive.hyperParameters());
        var request = scalarAdditive.request(Path.of("d"), grid.after());
        assertEquals(new org.disentangle4j.train.TrainingConfig("additive-ae", "balls-scalar", null, 300, 64, 0.001, 2, "bernoulli", 0,
                Map.of("block-size", 1.0, "validate-every", 60.0, "recon-loss", 1.0), 50, 500, null, null, 20000), request.config());
        assertEquals(Path.of("d"), request.dir());
        // the non-additive model of the same latent size has no blocks to set
        SweepRun blockAe = grid.runs().get(9);
        assertEquals("ae", blockAe.model());
        assertEquals("balls-block-dependent", blockAe.options().get("dataset"));
        assertEquals(4L, blockAe.options().get("latent-dim"));
        assertEquals(Map.of("validate-every", 60.0, "recon-loss", 1.0), blockAe.hyperParameters());
        assertEquals(50000L, blockAe.options().get("training-set"));
        assertEquals("additive-ae", grid.runs().get(8).model());
        assertEquals(2.0, grid.runs().get(8).hyperParameters().get("block-size"));
        // the zoo's baseline: the same data, latent size and budget, no validation to choose by
        SweepRun zoo = grid.runs().get(2);
        assertEquals(List.of("beta-vae", 300L, 2L), List.of(zoo.model(), zoo.options().get("steps"), zoo.options().get("latent-dim")));
        assertEquals(Map.of(), zoo.hyperParameters());
        // the trivial row: ae after one step, in its own line of the table and not in the trained ae's
        SweepRun untrained = grid.runs().get(3);
        assertEquals(List.of("ae", 1L), List.of(untrained.model(), untrained.options().get("steps")));
        var groups = AdditiveExperiment.groups(AdditiveExperiment.parseDatasets("all"));
        assertEquals(List.of("balls-scalar", "ae, 1 step (untrained)", "Spearman"), groups.get(3).labels());
        assertTrue(groups.get(3).member().test(untrained) && !groups.get(1).member().test(untrained));
        // run names are distinct and stable: the same options name the same directories
        assertEquals("ae_batch-size=64_dataset=balls-block-dependent_latent-dim=4_lr=0.001_recon-loss=reference_steps=300"
                + "_training-set=50000_validate-every=60_seed=0", blockAe.name());
        // at least 25 steps between validations, five per run beyond that
        assertEquals(25, AdditiveExperiment.validateEvery(100));
        assertEquals(200, AdditiveExperiment.validateEvery(1000));
    }

    @Test
    void badOptionsAreOneLine() {
        for (var call : List.<org.junit.jupiter.api.function.Executable>of(
                () -> AdditiveExperiment.parseDatasets("balls-scalar,dsprites"),
                () -> AdditiveExperiment.parseDatasets(" , "),
                () -> AdditiveExperiment.grid(AdditiveExperiment.DEFAULT_DATASETS, 0, 100),
                () -> AdditiveExperiment.grid(AdditiveExperiment.DEFAULT_DATASETS, 1, 0),
                () -> AdditiveExperiment.grid(AdditiveExperiment.DEFAULT_DATASETS, 1, 1))) {
            UserInputException e = assertThrows(UserInputException.class, call);
            assertFalse(e.getMessage().contains("\n"));
        }
        assertTrue(assertThrows(UserInputException.class, () -> AdditiveExperiment.parseDatasets("dsprites")).getMessage()
                .contains("'dsprites' is not one of the experiment's datasets"));
        // the order of the table is the experiment's, whatever order the user names them in
        assertEquals(List.of("balls-scalar", "balls-block-dependent"), AdditiveExperiment.parseDatasets("balls-block-dependent,balls-scalar"));
    }

    @Test
    void theTableIsMeanAndStandardErrorOverCompleteSeeds(@TempDir Path out) throws Exception {
        List<String> datasets = List.of("balls-scalar");
        SweepGrid grid = AdditiveExperiment.grid(datasets, 3, 50);
        // additive-ae: seeds 0 and 1 complete with LMS 90 and 80 (mean 85, s.e. 10/√2 · … = 5), seed 2 interrupted
        // with a score that must not count; ae: seed 0 complete with LMS 40, no out-of-support value
        double[][] scores = {{90, 70, 0.02, 0.05}, {80, 60, 0.04, 0.07}, {10, 10, 1, 1}, {40, Double.NaN, 0.03, 0.2}};
        String[] states = {"COMPLETE", "COMPLETE", "INTERRUPTED", "COMPLETE"};
        for (int i = 0; i < 4; i++) {
            SweepRun run = grid.runs().get(i);
            TrainingConfig c = new TrainingConfig(run.model(), "balls-scalar", null, 50, 64, 1e-3, 2, "bernoulli", run.seed(), Map.of(), 50, 500);
            RunDirectory rd = RunDirectory.create(out.resolve(run.name()), c, Map.of());
            rd.writeStatus(RunDirectory.State.valueOf(states[i]), 50);
            String oos = Double.isNaN(scores[i][1]) ? "null" : Double.toString(scores[i][1]);
            rd.writeJson(RunDirectory.METRICS, JsonParser.parseString("{\"lms\": {\"lms_in_support\": " + scores[i][0]
                    + ", \"lms_out_of_support\": " + oos + ", \"rmse_in_support\": " + scores[i][2] + ", \"rmse_out_of_support\": "
                    + scores[i][3] + ", \"tree\": 0}}"));
            try (TrainingLog log = new TrainingLog(rd.file(RunDirectory.LOG))) {
                log.append(50, Map.of("loss", 1.0, "elapsed_s", 100.0 + 20 * i));
            }
        }
        List<SweepResults.Row> rows = SweepResults.collect(out, grid.runs());
        List<ExperimentTable.Summary> summaries = AdditiveExperiment.summarise(out, rows, datasets);
        ExperimentTable.Summary additive = summaries.get(0);
        assertEquals(2, additive.complete());
        assertEquals(3, additive.total());
        // mean 85, sample sd √50, s.e. √50/√2 = 5
        assertArrayEquals(new double[] {85, 5}, additive.meanAndError().get("lms.lms_in_support"), 1e-9);
        assertArrayEquals(new double[] {0.03, 0.01}, additive.meanAndError().get("lms.rmse_in_support"), 1e-12);
        assertEquals(110, additive.trainSeconds(), 1e-9); // (100 + 120) / 2
        ExperimentTable.Summary ae = summaries.get(1);
        assertEquals(1, ae.complete());
        assertTrue(Double.isNaN(ae.meanAndError().get("lms.lms_in_support")[1]), "one seed has no standard error");
        assertEquals(null, ae.meanAndError().get("lms.lms_out_of_support"));

        String md = AdditiveExperiment.markdown(summaries, 3, 50, "Wall time: 1.0 min.");
        assertTrue(md.contains("| balls-scalar | additive-ae | Spearman | 2 of 3 | 85.0 ± 5.0 | 65.0 ± 5.0 | 0.0300 ± 0.0100 | 0.0600 ± 0.0100 | 110 |"), md);
        assertTrue(md.contains("| balls-scalar | ae | Spearman | 1 of 3 | 40.0 ± – | – | 0.0300 ± – | 0.2000 ± – | 160 |"), md);
        String csv = AdditiveExperiment.TABLE.csv(summaries);
        assertEquals("dataset,model,LMS,seeds_complete,seeds,lms_in_support_mean,lms_in_support_se,lms_out_of_support_mean,"
                + "lms_out_of_support_se,rmse_in_support_mean,rmse_in_support_se,rmse_out_of_support_mean,rmse_out_of_support_se,"
                + "train_seconds_mean", csv.lines().findFirst().orElseThrow());
        assertTrue(csv.contains("balls-scalar,ae,Spearman,1,3,40.0,,,,0.03,,0.2,,160.0"), csv);
        String text = AdditiveExperiment.TABLE.text(summaries);
        assertTrue(text.lines().anyMatch(l -> l.replaceAll(" +", " ").startsWith("balls-scalar additive-ae Spearman 2/3 85.0 ± 5.0")), text);
    }
}
