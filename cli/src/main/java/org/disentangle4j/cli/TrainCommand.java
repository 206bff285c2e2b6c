package org.disentangle4j.cli;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.disentangle4j.data.Datasets;
import org.disentangle4j.data.GroundTruthDataset;
import org.disentangle4j.io.UserInputException;
import org.disentangle4j.metrics.MetricSuite;
import org.disentangle4j.model.HyperParameter;
import org.disentangle4j.model.Method;
import org.disentangle4j.model.Methods;
import org.disentangle4j.nn.Torch;
import org.disentangle4j.train.BlockSpec;
import org.disentangle4j.train.Checkpoint;
import org.disentangle4j.train.Divergence;
import org.disentangle4j.train.Run;
import org.disentangle4j.train.RunDirectory;
import org.disentangle4j.train.TrainingConfig;
import org.disentangle4j.train.TrainingListener;
import org.disentangle4j.train.TrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code disentangle train}: trains a model, then writes its figures. */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = {
            "Train a model on a ground-truth dataset and write a run directory: config.json, log.jsonl,",
            "checkpoint.npz, reconstructions.png, traversals.png, samples.png, loss.png.",
            "Models that keep their lowest validation loss (ae, additive-ae) also write best.npz; figures",
            "and metrics then use those parameters.",
            "Ctrl-C writes a checkpoint first; continue with --resume RUN_DIR.",
            "A loss term or parameter that turns NaN or infinite stops training at once (status.json: diverged);",
            "the checkpoint keeps the last finite parameters, figures and report.html are made from them, no metrics."
        },
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {
            "  0:trained (and scored)",
            "  2:bad input (a one-line error)",
            "  3:training diverged (see above); the run is kept as it was at its last finite checkpoint",
            "130:interrupted (Ctrl-C, SIGTERM); checkpoint written, continue with --resume"},
        sortOptions = false)
public final class TrainCommand implements Callable<Integer> {
    /** Exit code of a run that diverged (2 is bad input, 130 an interruption). */
    static final int DIVERGED = 3;

    /** About 7 minutes of the standard β-VAE on 2 CPU cores. */
    static final long DEFAULT_STEPS = 4000;

    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "NAME", description = "method to train (see 'disentangle models'); default ${DEFAULT-VALUE}")
    String model = "beta-vae";

    @Option(names = "--dataset", paramLabel = "NAME", description = "dataset (see 'disentangle datasets list'); default ${DEFAULT-VALUE}")
    String dataset = "dsprites";

    @Option(names = "--data-file", paramLabel = "PATH", description = "official dataset file (.npz for dSprites, .h5 for Shapes3D) instead of the procedural renderer")
    Path dataFile;

    @Option(names = "--steps", paramLabel = "N", description = "training steps; default ${DEFAULT-VALUE} (a quick run: the study used 300,000)")
    long steps = DEFAULT_STEPS;

    @Option(names = "--batch-size", paramLabel = "N", description = "batch size; default ${DEFAULT-VALUE}")
    int batchSize = 64;

    @Option(names = "--lr", paramLabel = "X", description = "Adam learning rate; default ${DEFAULT-VALUE} (ae, additive-ae: 0.001)")
    double learningRate = 1e-4;

    @Option(names = "--latent-dim", paramLabel = "N", description = "latent size; default ${DEFAULT-VALUE} (ae, additive-ae: see --blocks)")
    int latentDim = 10;

    @Option(names = "--blocks", paramLabel = "N,N,...", description = "latent blocks of equal size: sets --latent-dim to their sum and, "
            + "for additive-ae, the block size (one decoder per block): 1,1 for balls-scalar, 2,2 for balls-block-*; "
            + "default for ae and additive-ae: the dataset's blocks (balls-*), else --latent-dim")
    String blocks;

    @Option(names = "--likelihood", paramLabel = "NAME", description = "bernoulli or gaussian; default ${DEFAULT-VALUE}")
    String likelihood = "bernoulli";

    @Option(names = "--seed", paramLabel = "N", description = "the run's one seed; default ${DEFAULT-VALUE}")
    long seed = 0;

    @Option(names = "--out", paramLabel = "DIR", description = "run directory to create; default runs/<model>-<dataset>-<time>")
    Path out;

    @Option(names = "--resume", paramLabel = "RUN_DIR", description = "continue an interrupted run (with --steps: train it further)")
    Path resume;

    @Option(names = "--log-every", paramLabel = "N", description = "log.jsonl line every N steps; default ${DEFAULT-VALUE}")
    int logEvery = 50;

    @Option(names = "--checkpoint-every", paramLabel = "N", description = "checkpoint every N steps; default ${DEFAULT-VALUE}")
    int checkpointEvery = 500;

    @Option(names = "--no-figures", description = "skip the figures at the end")
    boolean noFigures;

    @Option(names = "--metrics", paramLabel = "all|NAME,...", description = {
        "metrics to compute after training (written to metrics.json); default ${DEFAULT-VALUE}.",
        "beta_vae and factor_vae encode about a million images each: several minutes on 2 cores"})
    String metrics = DEFAULT_METRICS;

    @Option(names = "--votes", paramLabel = "TRAIN,EVAL", description = {
        "training and evaluation votes of beta_vae and factor_vae; default the reference's ${DEFAULT-VALUE}"})
    String votes = MetricSuite.Votes.REFERENCE.toString();

    @Option(names = "--no-evaluate", description = "skip the metrics at the end")
    boolean noEvaluate;

    private MetricSuite.Votes voteCounts;

    /** The suite without the two interventional scores, which alone would take longer than training. */
    static final String DEFAULT_METRICS = "mig,sap,dci,modularity_explicitness,irs,unsupervised";

    @Override
    public Integer call() throws Exception {
        Map<String, Double> hyper = HyperParameterOptions.given(spec.commandLine().getParseResult());
        List<String> names = noEvaluate ? List.of() : MetricSuite.parseSelection(metrics); // before any directory exists
        voteCounts = MetricSuite.Votes.parse(votes);
        try (var manager = Torch.newManager(); Run run = resume != null ? resumeRun(hyper, manager) : newRun(hyper, manager)) {
            return train(run, names);
        }
    }

    private Run newRun(Map<String, Double> hyper, ai.djl.ndarray.NDManager manager) {
        var parsed = spec.commandLine().getParseResult();
        Method method = Methods.get(model);
        Map<String, Double> hyperParameters = new java.util.TreeMap<>(hyper);
        int dim = latentDim;
        BlockSpec blockSpec = blocks != null ? BlockSpec.parse(blocks) : defaultBlocks(method, parsed.hasMatchedOption("--latent-dim"));
        if (blockSpec != null) {
            if (parsed.hasMatchedOption("--latent-dim") && latentDim != blockSpec.latentDim()) {
                throw new UserInputException("--blocks " + blockSpec + " makes a latent size of " + blockSpec.latentDim()
                        + ", but --latent-dim is " + latentDim + "; give one of them");
            }
            dim = blockSpec.latentDim();
            if (BlockSpec.usesBlocks(method)) {
                Double given = hyperParameters.get(BlockSpec.BLOCK_SIZE);
                if (given != null && given != blockSpec.blockSize()) {
                    throw new UserInputException("--blocks " + blockSpec + " has blocks of " + blockSpec.blockSize() + ", but --block-size is "
                            + HyperParameter.format(given) + "; give one of them");
                }
                hyperParameters.put(BlockSpec.BLOCK_SIZE, (double) blockSpec.blockSize());
            }
        }
        double lr = learningRate;
        if (!parsed.hasMatchedOption("--lr") && method.trainingDefaults().get("lr") instanceof Double methodDefault) lr = methodDefault;
        TrainingConfig config = new TrainingConfig(model, dataset, dataFile == null ? null : dataFile.toString(), steps,
                batchSize, lr, dim, likelihood, seed, hyperParameters, logEvery, checkpointEvery);
        Path dir = out != null ? out : Path.of("runs", model + "-" + dataset + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        return Run.create(config, dir, manager);
    }

    /** The dataset's blocks for a method whose {@code blocks} default says so, unless the latent size is given. */
    private BlockSpec defaultBlocks(Method method, boolean latentDimGiven) {
        if (latentDimGiven || !BlockSpec.FROM_DATASET.equals(method.trainingDefaults().get("blocks"))) return null;
        GroundTruthDataset data = Datasets.open(dataset, dataFile);
        try {
            return BlockSpec.of(data).orElse(null);
        } finally {
            Datasets.close(data);
        }
    }

    private Run resumeRun(Map<String, Double> hyper, ai.djl.ndarray.NDManager manager) {
        var parsed = spec.commandLine().getParseResult();
        for (String option : new String[] {"--model", "--dataset", "--data-file", "--batch-size", "--lr", "--latent-dim", "--blocks",
                "--likelihood", "--seed", "--out", "--log-every", "--checkpoint-every"}) {
            if (parsed.hasMatchedOption(option)) {
                throw new UserInputException("--resume continues a run with its own config; drop " + option);
            }
        }
        if (!hyper.isEmpty()) throw new UserInputException("--resume continues a run with its own config; drop the hyper-parameter options");
        RunDirectory dir = RunDirectory.open(resume);
        if (parsed.hasMatchedOption("--steps")) {
            TrainingConfig extended = dir.config().withSteps(steps).validate();
            dir.updateConfig(extended);
        }
        return Run.open(resume, manager);
    }

    private int train(Run run, List<String> names) throws Exception {
        TrainingConfig config = run.config();
        System.err.printf("training %s on %s for %,d steps (batch %d, %d threads) → %s%n", config.model(), config.dataset(),
                config.steps(), config.batchSize(), Torch.threads(), run.directory().path());
        TrainingResult result;
        try (ProgressListener progress = new ProgressListener(run.directory().path())) {
            result = run.trainer().train(progress);
        }
        if (result.interrupted()) return 130;
        if (result.diverged()) return finishDiverged(run, result.divergence());
        System.err.printf("trained %,d steps in %.0f s (%.0f images/s)%n", result.completedSteps(), result.seconds(),
                result.imagesPerSecond());
        run.useBestParameters().ifPresent(best -> System.err.printf(
                "figures and metrics use the parameters of step %,d, the lowest validation loss (%.6g), from %s%n",
                best.step(), best.validationLoss(), RunDirectory.BEST));
        if (!noFigures) run.writeFigures();
        if (!noEvaluate) {
            System.err.println("evaluating (" + String.join(", ", names) + ")");
            EvaluateCommand.evaluateRun(run, names, voteCounts, config.seed(), spec.commandLine().getOut());
        }
        Path report = RunReport.write(run.directory());
        run.directory().writeStatus(RunDirectory.State.COMPLETE, result.completedSteps());
        System.err.printf("done: %s%n", report);
        return 0;
    }

    /**
     * A diverged run: one line saying where and why, then figures and report.html from the last
     * finite parameters (the trainer reloaded them; best.npz's where the model keeps one). It is not
     * scored: a run cut short by a divergence is not the model that was asked for, and its scores
     * would sit beside complete runs' in tables; {@code evaluate RUN_DIR} scores it on request.
     */
    private int finishDiverged(Run run, Divergence divergence) throws Exception {
        System.err.println(divergence.message());
        long shown = run.useBestParameters().map(Checkpoint.Best::step).orElse(divergence.checkpointStep());
        if (!noFigures) {
            run.writeFigures();
            System.err.printf("figures show the parameters of step %,d; not scored (a diverged run)%n", shown);
        }
        Path report = RunReport.write(run.directory());
        System.err.printf("wrote %s%n", report);
        return DIVERGED;
    }

    /** Draws the progress bar: step, every loss term, images/s, ETA. */
    private static final class ProgressListener implements TrainingListener, AutoCloseable {
        private final Path dir;
        private ProgressBar bar;

        ProgressListener(Path dir) {
            this.dir = dir;
        }

        @Override
        public void started(long completedSteps, long totalSteps) {
            bar = ProgressBars.create("train", totalSteps, completedSteps);
        }

        @Override
        public void stepped(long completedSteps, Map<String, Float> terms, double imagesPerSecond) {
            StringBuilder message = new StringBuilder();
            terms.forEach((name, value) -> message.append(name).append(' ').append(String.format("%.4g", value)).append("  "));
            message.append(String.format("%.0f img/s", imagesPerSecond));
            bar.stepTo(completedSteps);
            bar.setExtraMessage(message.toString());
        }

        @Override
        public void interrupted(long completedSteps) {
            if (bar != null) bar.close();
            bar = null;
            System.err.printf("%ninterrupted after step %,d; checkpoint written. Continue with: ./disentangle train --resume %s%n",
                    completedSteps, dir);
        }

        @Override
        public void close() {
            if (bar != null) bar.close();
        }
    }
}
