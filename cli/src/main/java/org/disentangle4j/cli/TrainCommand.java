package org.disentangle4j.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.disentangle4j.io.UserInputException;
import org.disentangle4j.metrics.MetricSuite;
import org.disentangle4j.nn.Torch;
import org.disentangle4j.run.NewRun;
import org.disentangle4j.run.RunLifecycle;
import org.disentangle4j.run.RunOutcome;
import org.disentangle4j.run.RunRequest;
import org.disentangle4j.train.AfterTraining;
import org.disentangle4j.train.BlockSpec;
import org.disentangle4j.train.Run;
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
            "Ctrl-C writes a checkpoint first; continue with --resume RUN_DIR. A resumed run keeps its config.json;",
            "only --steps (more steps), --metrics, --votes, --no-evaluate and --no-figures may be given again.",
            "A loss term or parameter that turns NaN or infinite stops training at once (status.json: diverged);",
            "the checkpoint keeps the last finite parameters, figures and report.html are made from them, no metrics."
        },
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {
            "  0:trained (and scored)",
            "  2:bad input (a one-line error)",
            "  3:training diverged (see above); the run is kept as it was at its last finite checkpoint",
            "  4:trained, but the figures or the scoring failed; the run is complete, status.json notes the failure",
            "130:interrupted by Ctrl-C; checkpoint written, continue with --resume",
            "143:stopped by SIGTERM (the JVM's code for it); checkpoint written, continue with --resume"},
        sortOptions = false)
public final class TrainCommand implements Callable<Integer> {
    /** Exit code of a run that diverged (2 is bad input, 130 an interruption). */
    static final int DIVERGED = 3;
    /** Exit code of a run that trained to the end but whose figures or scoring failed (noted in status.json). */
    static final int FINISHING_FAILED = 4;
    /** Exit code after Ctrl-C (SIGINT): the checkpoint was written first. */
    static final int INTERRUPTED = 130;
    /** Exit code after SIGTERM (the JVM's 128 + 15): the checkpoint was written first, as for Ctrl-C. */
    static final int TERMINATED = 143;

    static final long DEFAULT_STEPS = NewRun.DEFAULT_STEPS;

    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "NAME", description = "method to train (see 'disentangle models'); default ${DEFAULT-VALUE}")
    String model = "beta-vae";

    @Option(names = "--dataset", paramLabel = "NAME", description = "dataset (see 'disentangle datasets list'); default ${DEFAULT-VALUE}")
    String dataset = NewRun.DEFAULT_DATASET;

    @Option(names = "--data-file", paramLabel = "PATH", description = "official dataset file (.npz for dSprites, .h5 for Shapes3D) instead of the procedural renderer")
    Path dataFile;

    @Option(names = "--graph", paramLabel = "PATH", description = "causal graph of your own table (a CSV given as --data-file): "
            + "a d x d 0/1 adjacency CSV, or edge rows naming a cause column and its effect; sets the dataset to 'table'")
    Path graph;

    @Option(names = "--steps", paramLabel = "N", description = "training steps; default ${DEFAULT-VALUE} (a quick run: the study used 300,000)")
    long steps = DEFAULT_STEPS;

    @Option(names = "--batch-size", paramLabel = "N", description = "batch size; default ${DEFAULT-VALUE} (cdg-vae, mlp-vae: 128)")
    int batchSize = NewRun.DEFAULT_BATCH_SIZE;

    @Option(names = "--lr", paramLabel = "X", description = "Adam learning rate; default ${DEFAULT-VALUE} (ae, additive-ae: 0.001)")
    double learningRate = NewRun.DEFAULT_LEARNING_RATE;

    @Option(names = "--latent-dim", paramLabel = "N", description = "latent size; default ${DEFAULT-VALUE} (ae, additive-ae: see --blocks; cfasl on shapes3d: 6; cdg-vae, mlp-vae: one per factor)")
    int latentDim = NewRun.DEFAULT_LATENT_DIM;

    @Option(names = "--blocks", paramLabel = "N,N,...", description = "latent blocks of equal size: sets --latent-dim to their sum and, "
            + "for additive-ae, the block size (one decoder per block): 1,1 for balls-scalar, 2,2 for balls-block-*; "
            + "default for ae and additive-ae: the dataset's blocks (balls-*), else --latent-dim")
    String blocks;

    @Option(names = "--likelihood", paramLabel = "NAME", description = "bernoulli or gaussian; default ${DEFAULT-VALUE}")
    String likelihood = NewRun.DEFAULT_LIKELIHOOD;

    @Option(names = "--training-set", paramLabel = "N", description = "train on a fixed set of N observations drawn once from the "
            + "dataset (batches draw from it with replacement), as reference code with a finite training set does; default a fresh draw "
            + "for every batch")
    Integer trainingSet;

    @Option(names = "--part", paramLabel = "SLOT=NAME", description = "an architecture part in place of the method's own (repeatable): "
            + "encoder=conv|mlp, structure=none|causal, decoder=conv|mlp|blocks; e.g. --part decoder=mlp trains the method's objective "
            + "with an MLP decoder; default the method's parts (see 'disentangle models')")
    java.util.Map<String, String> parts;

    @Option(names = "--seed", paramLabel = "N", description = "the run's one seed; default ${DEFAULT-VALUE}")
    long seed = 0;

    @Option(names = "--out", paramLabel = "DIR", description = "run directory to create; default runs/<model>-<dataset>-<time>")
    Path out;

    @Option(names = "--resume", paramLabel = "RUN_DIR", description = "continue an interrupted run (with --steps: train it further; a complete run only so)")
    Path resume;

    @Option(names = "--log-every", paramLabel = "N", description = "log.jsonl line every N steps; default ${DEFAULT-VALUE}")
    int logEvery = NewRun.DEFAULT_LOG_EVERY;

    @Option(names = "--checkpoint-every", paramLabel = "N", description = "checkpoint every N steps; default ${DEFAULT-VALUE}")
    int checkpointEvery = NewRun.DEFAULT_CHECKPOINT_EVERY;

    @Option(names = "--no-figures", description = "skip the figures at the end")
    boolean noFigures;

    @Option(names = "--metrics", paramLabel = "all|NAME,...", description = {
        "metrics to compute after training (written to metrics.json); default ${DEFAULT-VALUE}.",
        "beta_vae and factor_vae encode about a million images each: several minutes on 2 cores"})
    String metrics = MetricSuite.DEFAULT_SELECTION;

    @Option(names = "--votes", paramLabel = "TRAIN,EVAL", description = {
        "training and evaluation votes of beta_vae and factor_vae; default the reference's ${DEFAULT-VALUE}"})
    String votes = MetricSuite.Votes.REFERENCE.toString();

    @Option(names = "--no-evaluate", description = "skip the metrics at the end")
    boolean noEvaluate;

    @Override
    public Integer call() throws Exception {
        Map<String, Double> hyper = HyperParameterOptions.given(spec.commandLine().getParseResult());
        try (var manager = Torch.newManager(); CommandLineEvents events = new CommandLineEvents(spec.commandLine().getOut())) {
            RunRequest request;
            Path dir;
            if (resume != null) {
                refuseFixedOptions(hyper);
                var parsed = spec.commandLine().getParseResult();
                request = new RunRequest.Resume(resume, parsed.hasMatchedOption("--steps") ? steps : null, finishingGivenAgain());
                dir = resume;
            } else {
                AfterTraining after = RunLifecycle.checked(new AfterTraining(!noFigures, !noEvaluate, metrics, votes)); // before any directory exists
                RunRequest.Start start = newRequest(hyper);
                request = new RunRequest.Start(start.config(), start.dir(), after);
                dir = start.dir();
            }
            return exitCode(RunLifecycle.run(request, manager, events.forRun(dir)));
        }
    }

    /** The command's exit code for an outcome (see the help's list). */
    static int exitCode(RunOutcome outcome) {
        return switch (outcome.kind()) {
            case COMPLETE, ALREADY_COMPLETE -> 0;
            case FINISHED_WITH_FAILURE -> FINISHING_FAILED;
            case DIVERGED -> DIVERGED;
            case INTERRUPTED -> INTERRUPTED;
        };
    }

    /** What is given again on a resume replaces the saved finishing choice. */
    private AfterTraining.Change finishingGivenAgain() {
        var parsed = spec.commandLine().getParseResult();
        boolean metricsGiven = parsed.hasMatchedOption("--metrics");
        Boolean figures = noFigures ? Boolean.FALSE : null;
        Boolean evaluate = noEvaluate ? Boolean.FALSE : metricsGiven ? Boolean.TRUE : null;
        return new AfterTraining.Change(figures, evaluate,
                metricsGiven ? metrics : null, parsed.hasMatchedOption("--votes") ? votes : null);
    }

    /** The run these parsed options describe, with every default resolved as {@code train} resolves it ({@code bench} uses it). */
    Run createRun(ai.djl.ndarray.NDManager manager) {
        RunRequest.Start request = newRequest(HyperParameterOptions.given(spec.commandLine().getParseResult()));
        return Run.create(request.config(), request.dir(), manager);
    }

    /** A new run's request: the options given on the command line, every other default resolved by {@link NewRun}. */
    private RunRequest.Start newRequest(Map<String, Double> hyper) {
        var parsed = spec.commandLine().getParseResult();
        NewRun run = NewRun.of(model).seed(seed).hyperParameters(hyper).dataFile(dataFile).graph(graph).dir(out);
        if (parsed.hasMatchedOption("--dataset")) run.dataset(dataset);
        if (parsed.hasMatchedOption("--steps")) run.steps(steps);
        if (parsed.hasMatchedOption("--batch-size")) run.batchSize(batchSize);
        if (parsed.hasMatchedOption("--lr")) run.learningRate(learningRate);
        if (parsed.hasMatchedOption("--latent-dim")) run.latentDim(latentDim);
        if (blocks != null) run.blocks(BlockSpec.parse(blocks));
        if (trainingSet != null) run.trainingSet(trainingSet);
        if (parts != null) parts.forEach(run::part);
        if (parsed.hasMatchedOption("--likelihood")) run.likelihood(likelihood);
        if (parsed.hasMatchedOption("--log-every")) run.logEvery(logEvery);
        if (parsed.hasMatchedOption("--checkpoint-every")) run.checkpointEvery(checkpointEvery);
        return run.request();
    }

    /** A resumed run keeps its config: options that shape training are refused, and so are hyper-parameters. */
    private void refuseFixedOptions(Map<String, Double> hyper) {
        var parsed = spec.commandLine().getParseResult();
        for (String option : FIXED_ON_RESUME) {
            if (parsed.hasMatchedOption(option)) {
                throw new UserInputException("--resume continues a run with its own config; drop " + option
                        + " (a resumed run may change only " + String.join(", ", CHANGEABLE_ON_RESUME) + ")");
            }
        }
        if (!hyper.isEmpty()) throw new UserInputException("--resume continues a run with its own config; drop the hyper-parameter options");
    }

    /** Options that shape training: a resumed run keeps its own. */
    private static final String[] FIXED_ON_RESUME = {"--model", "--dataset", "--data-file", "--graph", "--batch-size", "--lr", "--latent-dim",
        "--blocks", "--likelihood", "--training-set", "--part", "--seed", "--out", "--log-every", "--checkpoint-every"};
    /** Options a resumed run may be given again. */
    static final List<String> CHANGEABLE_ON_RESUME = List.of("--steps", "--metrics", "--votes", "--no-evaluate", "--no-figures");

    /** An exception as one line for a person: its message, or what it is when it has none. */
    static String describe(Throwable e) {
        return RunLifecycle.oneLine(e);
    }
}
