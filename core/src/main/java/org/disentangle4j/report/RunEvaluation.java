package org.disentangle4j.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.disentangle4j.data.GroundTruthDataset;
import org.disentangle4j.io.IoErrors;
import org.disentangle4j.metrics.MetricSuite;
import org.disentangle4j.metrics.MetricsJson;
import org.disentangle4j.metrics.ProgressListener;
import org.disentangle4j.metrics.SuiteResult;
import org.disentangle4j.train.Run;
import org.disentangle4j.train.RunDirectory;

/**
 * Scores a trained run and keeps the scores in its {@code metrics.json}: what {@code evaluate
 * RUN_DIR} and {@code train} do after training, for a library user as for the command line.
 */
public final class RunEvaluation {
    private RunEvaluation() {}

    /**
     * Samples the run's dataset, encodes with the model's representation (the posterior mean for
     * VAEs) and decodes codes with its generator ({@link ModelRepresentation}, {@link ModelDecoder}),
     * scores the named metrics and merges the scores into {@code metrics.json} (scores of other
     * metrics already there stay).
     */
    public static SuiteResult score(Run run, List<String> metrics, MetricSuite.Votes votes, long seed, ProgressListener progress)
            throws IOException {
        GroundTruthDataset dataset = run.dataset();
        SuiteResult result = new MetricSuite(votes).evaluateModel(dataset, new ModelRepresentation(run.model(), dataset.observationShape()),
                new ModelDecoder(run.model()), metrics, seed, progress, "run " + run.directory().path());
        Path json = run.directory().file(RunDirectory.METRICS);
        // the parameters scored: the lowest validation loss's where the run keeps it, else the last checkpoint's
        long step = java.nio.file.Files.exists(run.directory().file(RunDirectory.BEST))
                ? org.disentangle4j.train.Checkpoint.readBest(run.directory().file(RunDirectory.BEST)).step()
                : run.directory().statusStep();
        try {
            MetricsJson.merge(json, MetricsJson.atStep(result, step));
        } catch (IOException e) {
            throw IoErrors.cannotWrite(json, e);
        } catch (UncheckedIOException e) {
            throw IoErrors.cannotWrite(json, e.getCause());
        }
        return result;
    }
}
