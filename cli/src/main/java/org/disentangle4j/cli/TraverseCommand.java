package org.disentangle4j.cli;

import org.disentangle4j.report.RunFigures;
import org.disentangle4j.report.RunReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.disentangle4j.report.ModelFigures;
import org.disentangle4j.io.IoErrors;
import org.disentangle4j.io.UserInputException;
import java.util.Optional;
import java.util.stream.Collectors;
import org.disentangle4j.model.ExtraFigure;
import org.disentangle4j.model.Model;
import org.disentangle4j.nn.Torch;
import org.disentangle4j.train.Run;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code disentangle traverse RUN_DIR}: latent traversals of a trained model, or with
 * {@code --figure} another figure that walks its latent space (the extrapolation grid, or one of
 * the method's own figures such as additive decoders' block renderings), or every figure of the
 * run again.
 */
@Command(
        name = "traverse",
        mixinStandardHelpOptions = true,
        description = {"Draw latent traversals of a trained run: one row per latent, most used (highest KL) first,",
            "each swept over ±2.5 standard deviations of that code around one sample's code",
            "(left column: the sample; middle column: the sample's own code, decoded).",
            "--figure extrapolation draws the Cartesian-product grid over two learned latents (out-of-support cells framed),",
            "--figure NAME a figure of the run's method (e.g. blocks: each block's own rendering, additive decoders),",
            "--figure all every figure of the run again."})
public final class TraverseCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "a run directory written by 'disentangle train'")
    Path runDir;

    @Option(names = "--figure", paramLabel = "NAME", description = {
        "traversals (default), extrapolation, a figure of the run's method (e.g. blocks for additive-ae),",
        "or all (the figures training writes, into RUN_DIR)"})
    String figure = "traversals";

    @Option(names = "--out", paramLabel = "FILE.png", description = "where to write the picture; default RUN_DIR/<figure>.png")
    Path out;

    @Option(names = "--steps", paramLabel = "N", description = {"values per row: default 11 for traversals (an even N is drawn as N + 1, so that the middle",
        "column is the sample's own code), 7 for the extrapolation grid"})
    Integer steps;

    /** Values per row of a figure: 201 columns of 64 px is a 12,900-px-wide image already. */
    static final int MAX_STEPS = 201;

    @Option(names = "--seed", paramLabel = "N", description = "which samples to draw; default: the run's seed")
    Long seed;

    @Override
    public Integer call() throws Exception {
        boolean standard = figure.equals("traversals") || figure.equals("extrapolation");
        boolean all = figure.equals("all");
        if (!standard && !all && !figure.matches("[a-z][a-z0-9-]*")) {
            throw new UserInputException("--figure must be traversals, extrapolation, all or the name of a figure of the run's method"
                    + " (e.g. blocks), got '" + figure + "'");
        }
        if (all && (out != null || steps != null || seed != null)) {
            throw new UserInputException("--figure all writes the run's figures as training does; drop --out, --steps and --seed");
        }
        if (steps != null && !standard) {
            throw new UserInputException("--steps does not apply to --figure " + figure + " (only to traversals and extrapolation)");
        }
        if (steps != null && (steps < 2 || steps > MAX_STEPS)) {
            throw new UserInputException("--steps must be at least 2 and at most " + MAX_STEPS + " values per row, got " + steps);
        }
        if (out != null) IoErrors.requireWritable(out);
        try (var manager = Torch.newManager(); Run run = Run.open(runDir, manager, "used")) {
            Model model = run.model();
            String method = run.config().model();
            if (run.dataset().observationShape().length != 3) {
                throw new UserInputException("dataset " + run.dataset().name() + " has no images to draw");
            }
            if (all) {
                RunFigures.write(run);
                refreshReport(run);
                System.out.println(run.directory().path());
                return 0;
            }
            Optional<ExtraFigure> own = model.extraFigures().stream().filter(f -> f.name().equals(figure)).findFirst();
            if (!standard && own.isEmpty()) {
                String owned = model.extraFigures().stream().map(ExtraFigure::name).collect(Collectors.joining(", "));
                throw new UserInputException("model " + method + " has no figure '" + figure + "'; it draws traversals, extrapolation"
                        + (owned.isEmpty() ? "" : ", " + owned) + " or all");
            }
            ModelFigures figures = new ModelFigures(model, run.dataset(), model.manager(), seed != null ? seed : run.config().seed());
            Path file = out != null ? out : run.directory().file(own.map(ExtraFigure::file).orElse(figure + ".png"));
            try {
                if (own.isPresent()) {
                    own.get().write(figures.inputs(), file);
                } else if (figure.equals("traversals")) {
                    figures.writeTraversals(file, steps != null ? steps : ModelFigures.TRAVERSAL_STEPS);
                } else {
                    if (model.latentDim() < 2) {
                        throw new UserInputException("model " + method + " has a 1-dimensional code; the extrapolation grid needs two dimensions");
                    }
                    figures.writeExtrapolation(file, steps != null ? steps : 7);
                }
            } catch (IOException e) {
                throw IoErrors.cannotWrite(file, e);
            }
            if (out == null) refreshReport(run);
            System.out.println(file);
        }
        return 0;
    }

    /** A run's report.html shows the figures its directory holds: redraw it when it is there. */
    private static void refreshReport(Run run) throws IOException {
        if (Files.exists(run.directory().file(RunReport.FILE))) RunReport.write(run.directory(), run.model().extraFigures());
    }
}
