package org.disentangle4j.experiment.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.disentangle4j.experiment.SweepResults;
import org.disentangle4j.experiment.SweepRun;
import org.disentangle4j.io.UserInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A study file is a product of models × datasets × grids × seeds; its report reads the runs' scores. */
class StudyTest {
    private static final String SMALLEST = "{\"models\": [\"beta-vae\", \"beta-tcvae\"], \"datasets\": [\"dsprites\"], \"seeds\": [0, 1], \"steps\": 20}";

    @Test
    void theSmallestStudyIsTwoModelsTimesTwoSeeds() {
        Study study = Study.parse(SMALLEST, "s.json");
        assertEquals(List.of("beta-vae", "beta-tcvae"), study.models());
        assertEquals(List.of("beta-vae_dataset=dsprites_steps=20_seed=0", "beta-vae_dataset=dsprites_steps=20_seed=1",
                "beta-tcvae_dataset=dsprites_steps=20_seed=0", "beta-tcvae_dataset=dsprites_steps=20_seed=1"),
                study.grid().runs().stream().map(SweepRun::name).toList());
        assertEquals(List.of("mig", "sap", "dci", "modularity_explicitness", "irs", "unsupervised"), study.grid().metrics());
        Study grid = Study.parse("{\"models\": [\"beta-vae\", \"vae\"], \"datasets\": [\"dsprites\", \"shapes3d\"], \"seeds\": [0],"
                + " \"metrics\": [\"mig\"], \"hyper\": {\"beta-vae\": {\"beta\": [1, 4]}}}", "s.json");
        // beta-vae: 2 datasets × 2 betas; vae: 2 datasets
        assertEquals(6, grid.grid().runs().size());
        assertEquals(List.of("mig"), grid.grid().metrics());
    }

    @Test
    void aBadStudyIsOneLineNamingTheFileAndKey() {
        assertEquals("s.json: models: expected a non-empty list of names",
                assertThrows(UserInputException.class, () -> Study.parse("{\"datasets\": [\"dsprites\"]}", "s.json")).getMessage());
        assertTrue(assertThrows(UserInputException.class, () -> Study.parse("{\"models\": [\"gan\"], \"datasets\": [\"dsprites\"]}", "s.json"))
                .getMessage().startsWith("s.json: models: unknown model 'gan'"));
        assertTrue(assertThrows(UserInputException.class, () -> Study.parse("{\"models\": [\"vae\"], \"datasets\": [\"mnist\"]}", "s.json"))
                .getMessage().startsWith("s.json: datasets: unknown dataset 'mnist'"));
        assertEquals("s.json: hyper.beta-vae: not one of the study's models [vae]", assertThrows(UserInputException.class,
                () -> Study.parse("{\"models\": [\"vae\"], \"datasets\": [\"dsprites\"], \"hyper\": {\"beta-vae\": {\"beta\": [2]}}}",
                        "s.json")).getMessage());
    }

    /** Runs of the smallest study with made-up scores: beta-vae's MIG 0.1 and 0.3, beta-tcvae's 0.5 and 0.7; recon falls as MIG rises. */
    private static List<SweepResults.Row> rows(Study study) {
        List<SweepResults.Row> rows = new ArrayList<>();
        double[] mig = {0.1, 0.3, 0.5, 0.7};
        double[] sap = {0.2, 0.1, 0.4, 0.3};
        int i = 0;
        for (SweepRun run : study.grid().runs()) {
            rows.add(new SweepResults.Row(run, "complete", 20, Map.of("recon", 100 - 100 * mig[i], "kl", 5.0),
                    Map.of("mig.discrete_mig", mig[i], "sap.SAP_score", sap[i])));
            i++;
        }
        return rows;
    }

    @Test
    void theReportIsMeansOverSeedsRankCorrelationsAndSelection() {
        Study study = Study.parse(SMALLEST, "s.json");
        StudyReport.DatasetView view = StudyReport.views(study, rows(study)).get(0);
        assertEquals(List.of("beta-vae", "beta-tcvae"), view.models());
        assertEquals(List.of("mig.discrete_mig", "sap.SAP_score"), view.metrics());
        // mean 0.2, sample sd √0.02, s.e. 0.1
        assertArrayEquals(new double[] {0.2, 0.1}, view.table().get("beta-vae").get("mig.discrete_mig"), 1e-12);
        assertArrayEquals(new double[] {0.6, 0.1}, view.table().get("beta-tcvae").get("mig.discrete_mig"), 1e-12);
        // ranks of MIG 1,2,3,4 and of SAP 2,1,4,3: ρ = 1 − 6·Σd²/(n(n²−1)) = 1 − 6·4/60 = 0.6
        assertEquals(0.6, view.correlation()[0][1], 1e-12);
        // recon falls exactly as MIG rises: ρ = −1; KL is constant, so it selects nothing and is left out
        assertEquals(List.of("recon"), view.unsupervised());
        assertEquals(-1.0, view.selection()[0][0], 1e-12);
    }

    @Test
    void thePageLinksEveryRunAndShowsTheFiguresAndTheRunsThatDidNotComplete(@TempDir Path dir) throws Exception {
        Study study = Study.parse(SMALLEST, "s.json");
        List<SweepResults.Row> rows = new ArrayList<>(rows(study));
        SweepResults.Row last = rows.remove(3);
        rows.add(new SweepResults.Row(last.run(), "diverged", 12, Map.of(), Map.of()));
        Path page = StudyPage.write(dir, study, rows, "Wall time: 1.0 min.");
        String html = Files.readString(page);
        assertTrue(html.contains("<a href=\"beta-vae_dataset=dsprites_steps=20_seed=1/report.html\">seed 1</a>"), html);
        assertTrue(html.contains("beta-tcvae_dataset=dsprites_steps=20_seed=1: diverged at step 12"), html);
        assertTrue(html.contains("3 of 4 runs complete"), html);
        for (String figure : List.of("correlation-dsprites.png", "strips-dsprites.png", "recon-dsprites.png")) {
            assertTrue(html.contains("<img src=\"" + figure + "\">"), figure);
            assertTrue(Files.size(dir.resolve(figure)) > 0, figure);
        }
        assertTrue(Files.readString(dir.resolve("study-dsprites.csv")).startsWith("model,mig.discrete_mig_mean,mig.discrete_mig_se"));
        assertTrue(Files.readString(dir.resolve(StudyPage.MARKDOWN)).contains("| beta-tcvae | 1 | **0.500** |"));
    }
}
