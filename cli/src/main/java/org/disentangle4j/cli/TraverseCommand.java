package org.disentangle4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.disentangle4j.intervene.ModelFigures;
import org.disentangle4j.io.UserInputException;
import org.disentangle4j.model.LatentVariableModel;
import org.disentangle4j.nn.Torch;
import org.disentangle4j.train.Run;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code disentangle traverse RUN_DIR}: latent traversals of a trained model. */
@Command(
        name = "traverse",
        mixinStandardHelpOptions = true,
        description = {"Draw latent traversals of a trained run: one row per latent, most used (highest KL) first,",
            "each swept over ±2.5 standard deviations of that code around one sample's code."})
public final class TraverseCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "a run directory written by 'disentangle train'")
    Path runDir;

    @Option(names = "--out", paramLabel = "FILE.png", description = "where to write the picture; default RUN_DIR/traversals.png")
    Path out;

    @Option(names = "--steps", paramLabel = "N", description = "values per row; default ${DEFAULT-VALUE}")
    int steps = 10;

    @Option(names = "--seed", paramLabel = "N", description = "which sample to start from; default: the run's seed")
    Long seed;

    @Override
    public Integer call() throws Exception {
        if (steps < 2) throw new UserInputException("--steps must be at least 2, got " + steps);
        try (var manager = Torch.newManager(); Run run = Run.open(runDir, manager)) {
            if (!(run.model() instanceof LatentVariableModel latent)) {
                throw new UserInputException("model " + run.config().model() + " has no latent code to traverse");
            }
            Path file = out != null ? out : run.directory().file(Run.TRAVERSALS);
            long s = seed != null ? seed : run.config().seed();
            new ModelFigures(latent, run.dataset(), run.model().manager(), s).writeTraversals(file, steps);
            System.out.println(file);
        }
        return 0;
    }
}
