package org.disentangle4j.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.disentangle4j.io.IoErrors;
import org.disentangle4j.io.UserInputException;
import org.disentangle4j.report.MeanTcTheory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code disentangle theory mean-tc}: total correlation of mean vs sampled codes for a correlated bivariate Gaussian. */
@Command(
        name = "mean-tc",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Why penalising the total correlation (TC) of sampled codes need not factorise",
            "the mean representation (issue 14). Means mu ~ N(0, [[1, rho], [rho, 1]]),",
            "sampled codes z = mu + s*eps: TC(mu) = -1/2 log(1 - rho^2) grows without bound",
            "as rho -> 1, while corr(z) = rho/(1 + s^2) keeps TC(z) below",
            "-1/2 log(1 - (1 + s^2)^-2). Prints, for rho in 0, 0.5, 0.9, 0.99, 0.999, 0.9999",
            "and s in 0.5, 1, 2, the closed forms of TC(mu), TC(z) and the bound beside",
            "Monte-Carlo estimates (Gaussian TC of the sample covariance of --draws seeded",
            "draws, standard error about |corr|/sqrt(draws)), all in nats, and draws the",
            "curves against -log10(1 - rho) into --out. Takes a few seconds.",
            ""
        })
public final class MeanTcTheoryCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "FILE.png", description = "the figure; default ${DEFAULT-VALUE} in the current directory")
    Path out = Path.of("mean-tc-theory.png");

    @Option(names = "--draws", paramLabel = "N", description = "Monte-Carlo draws per correlation; default ${DEFAULT-VALUE}")
    int draws = MeanTcTheory.DEFAULT_DRAWS;

    @Option(names = "--seed", paramLabel = "N", description = "seed of the Monte-Carlo draws; default ${DEFAULT-VALUE}")
    long seed = MeanTcTheory.DEFAULT_SEED;

    @Override
    public Integer call() {
        if (draws < 2) throw new UserInputException("--draws: expected at least 2 draws, got " + draws);
        if (!out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
            throw new UserInputException("--out: the figure is a PNG; give a file name ending in .png, got " + out);
        }
        IoErrors.requireWritable(out); // before the work, not after
        List<MeanTcTheory.Row> rows = MeanTcTheory.table(draws, seed);
        System.out.print(MeanTcTheory.text(rows, draws, seed));
        try {
            MeanTcTheory.writeFigure(out, rows);
        } catch (IOException e) {
            throw IoErrors.cannotWrite(out, e);
        }
        System.out.println("wrote " + out);
        return 0;
    }
}
