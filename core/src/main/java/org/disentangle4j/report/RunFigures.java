package org.disentangle4j.report;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.disentangle4j.model.ExtraFigure;
import org.disentangle4j.model.Model;
import org.disentangle4j.train.Run;
import org.disentangle4j.train.RunDirectory;
import org.disentangle4j.train.TrainingLog;
import org.disentangle4j.viz.LossPlot;

/** The figures of a run, written into its directory from the model's current parameters. */
public final class RunFigures {
    public static final String RECONSTRUCTIONS = "reconstructions.png";
    public static final String TRAVERSALS = "traversals.png";
    public static final String SAMPLES = "samples.png";
    public static final String LOSS = "loss.png";
    public static final String EXTRAPOLATION = "extrapolation.png";

    private RunFigures() {}

    /**
     * Writes reconstructions, samples, traversals, the extrapolation grid (two or more latent
     * dimensions), the method's own figures ({@link Model#extraFigures}, e.g. additive decoders'
     * {@code blocks.png}) and the loss curves.
     */
    public static void write(Run run) throws IOException {
        Model model = run.model();
        RunDirectory directory = run.directory();
        if (run.dataset().observationShape().length == 3) {
            ModelFigures figures = new ModelFigures(model, run.dataset(), model.manager(), run.config().seed());
            figures.writeReconstructions(directory.file(RECONSTRUCTIONS), 10);
            figures.writeSamples(directory.file(SAMPLES), 8, 8);
            figures.writeTraversals(directory.file(TRAVERSALS), ModelFigures.TRAVERSAL_STEPS);
            if (model.latentDim() >= 2) figures.writeExtrapolation(directory.file(EXTRAPOLATION), 7);
            for (ExtraFigure extra : model.extraFigures()) extra.write(figures.inputs(), directory.file(extra.file()));
        }
        List<LossPlot.Point> points = TrainingLog.read(directory.file(RunDirectory.LOG)).stream()
                .map(e -> new LossPlot.Point(e.step(), e.values())).toList();
        if (!points.isEmpty()) LossPlot.write(directory.file(LOSS), points, Set.of("images_per_s", "elapsed_s"));
    }
}
