package org.disentangle4j.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.disentangle4j.train.RunDirectory;
import org.disentangle4j.train.TrainingConfig;
import org.disentangle4j.train.TrainingLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReportTest {

    @Test
    void reportShowsConfigLastLossesScoresAndOnlyTheFiguresThatExist(@TempDir Path tmp) throws Exception {
        TrainingConfig c = new TrainingConfig("beta-vae", "dsprites", null, 10, 64, 1e-4, 10, "bernoulli", 3, Map.of("beta", 4.0), 5, 10);
        RunDirectory run = RunDirectory.create(tmp.resolve("my<run>"), c, Map.of("engine", "PyTorch"));
        try (TrainingLog log = new TrainingLog(run.file(RunDirectory.LOG))) {
            log.append(5, Map.of("recon", 200.0));
            log.append(10, Map.of("recon", 123.456));
        }
        // as MetricsJson writes it: a score that could not be computed is null
        Files.writeString(run.file(RunDirectory.METRICS), "{\"mig\": {\"discrete_mig\": 0.25}, \"irs\": {\"IRS\": null}}");
        Files.writeString(run.file(RunFigures.TRAVERSALS), "png bytes");

        String html = Files.readString(RunReport.write(run));

        assertTrue(html.contains("<title>my&lt;run&gt;</title>"), "the directory name is escaped");
        assertTrue(html.contains("<td class=\"n\">123.5</td>"), "the last logged recon, 4 significant digits");
        assertFalse(html.contains("200.0"), "only the last log line is shown");
        assertTrue(html.contains("<td>discrete_mig</td><td class=\"n\">0.2500</td>"));
        assertTrue(html.contains("<td>IRS</td><td class=\"n\">n/a</td>"));
        assertTrue(html.contains("<img src=\"traversals.png\""));
        assertFalse(html.contains("reconstructions.png"), "a figure that was not written is not linked");
        assertTrue(html.contains("<th>engine</th><td>PyTorch</td>"));
    }
}
