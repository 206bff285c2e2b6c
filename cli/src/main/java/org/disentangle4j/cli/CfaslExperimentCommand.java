package org.disentangle4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.disentangle4j.experiment.CfaslExperiment;
import org.disentangle4j.experiment.SweepGrid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code disentangle experiment cfasl}: each base VAE with and without CFASL on dSprites. */
@Command(
        name = "cfasl",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "CFASL: trains vae, beta-vae (beta 4), beta-tcvae (beta 6) and factor-vae",
            "(gamma 40), each with and without CFASL (cfasl --base B with the same",
            "hyper-parameters and CFASL's defaults) on dSprites for N seeds at the same",
            "budget (batch 64, Adam lr 5e-4, 10 latent dimensions), scores every run and",
            "prints the table: FactorVAE score (500/250 votes), m-FVM_2..4 (40 + 40",
            "votes per k), MIG, DCI disentanglement and the last logged reconstruction",
            "loss, mean +- standard error over seeds, with the training seconds per run.",
            "The paper's claim: CFASL improves single- and multi-factor disentanglement",
            "over its base. The default budget (2 seeds x 400 steps) is a short one, sized",
            "for about 30 minutes on 2 idle cores (see the README); the paper trains for",
            "hundreds of thousands of steps on GPUs at lr 1e-4, which at this budget",
            "leaves every model collapsed, hence 5e-4.",
            "",
            "The runs are a sweep: DIR/<run name> is a normal run directory, output in",
            "DIR/logs/; rerunning skips complete runs and resumes interrupted ones. Writes",
            "DIR/results.md, DIR/results.csv (the table) and DIR/runs.csv (every run).",
            ""
        })
public final class CfaslExperimentCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--seeds", paramLabel = "N", description = "seeds 0..N-1 per line of the table; default ${DEFAULT-VALUE}")
    int seeds = CfaslExperiment.DEFAULT_SEEDS;

    @Option(names = "--steps", paramLabel = "S", description = "training steps per run; default ${DEFAULT-VALUE}")
    long steps = CfaslExperiment.DEFAULT_STEPS;

    @Option(names = "--out", paramLabel = "DIR", description = "directory of the runs and tables; default ${DEFAULT-VALUE}")
    Path out = Path.of("runs", "experiment-cfasl");

    @Mixin
    ExperimentRunOptions runner;

    @Override
    public Integer call() throws Exception {
        SweepGrid grid = CfaslExperiment.grid(seeds, steps);
        return runner.run(spec, grid, out, CfaslExperiment.TABLE, CfaslExperiment.groups(),
                (dir, rows, summaries, wall) -> CfaslExperiment.write(dir, rows, summaries, seeds, steps, wall));
    }
}
