package org.disentangle4j.run;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;
import org.disentangle4j.data.CsvTable;
import org.disentangle4j.data.Datasets;
import org.disentangle4j.data.GroundTruthDataset;
import org.disentangle4j.io.UserInputException;
import org.disentangle4j.model.HyperParameter;
import org.disentangle4j.model.Method;
import org.disentangle4j.model.Methods;
import org.disentangle4j.model.TrainingDefaults;
import org.disentangle4j.train.AfterTraining;
import org.disentangle4j.train.BlockSpec;
import org.disentangle4j.train.TrainingConfig;

/**
 * A new run as a caller describes it: the method and whatever settings the caller gives, every
 * other one left to be resolved. {@link #request()} resolves them in one order — what is given,
 * then the method's own {@link TrainingDefaults} (its learning rate, batch size, latent size on a
 * dataset or one latent per factor, blocks from the dataset), then the general defaults below —
 * so that {@code train}, sweeps, experiments and a Java caller get the same config from the same
 * settings.
 */
public final class NewRun {
    public static final String DEFAULT_DATASET = "dsprites";
    /** About 15 minutes of the standard β-VAE on 2 CPU cores (2026-12-02: 869 s of training, about 300 images/s). */
    public static final long DEFAULT_STEPS = 4000;
    public static final int DEFAULT_BATCH_SIZE = 64;
    public static final double DEFAULT_LEARNING_RATE = 1e-4;
    public static final int DEFAULT_LATENT_DIM = 10;
    public static final String DEFAULT_LIKELIHOOD = "bernoulli";
    public static final int DEFAULT_LOG_EVERY = 50;
    public static final int DEFAULT_CHECKPOINT_EVERY = 500;

    private final String method;
    private String dataset;
    private Path dataFile;
    private Path graph;
    private Long steps;
    private Integer batchSize;
    private Double learningRate;
    private Integer latentDim;
    private BlockSpec blocks;
    private String likelihood;
    private long seed;
    private final Map<String, Double> hyperParameters = new TreeMap<>();
    private Integer logEvery;
    private Integer checkpointEvery;
    private Integer trainingSet;
    private final Map<String, String> parts = new TreeMap<>();
    private Path dir;
    private AfterTraining after = RunLifecycle.DEFAULT_FINISHING;

    private NewRun(String method) {
        this.method = method;
    }

    /** A new run of the registered method {@code method} ({@code beta-vae}, {@code cdg-vae}, …). */
    public static NewRun of(String method) {
        return new NewRun(method);
    }

    /** The dataset by name; default {@value #DEFAULT_DATASET}, or {@code table} when a graph is given. */
    public NewRun dataset(String name) {
        this.dataset = name;
        return this;
    }

    /** An official dataset file (.npz, .h5) or a user's CSV table instead of the procedural renderer. */
    public NewRun dataFile(Path file) {
        this.dataFile = file;
        return this;
    }

    /** The causal graph of a user's table given as {@link #dataFile}. */
    public NewRun graph(Path file) {
        this.graph = file;
        return this;
    }

    public NewRun steps(long steps) {
        this.steps = steps;
        return this;
    }

    public NewRun batchSize(int batchSize) {
        this.batchSize = batchSize;
        return this;
    }

    public NewRun learningRate(double learningRate) {
        this.learningRate = learningRate;
        return this;
    }

    public NewRun latentDim(int latentDim) {
        this.latentDim = latentDim;
        return this;
    }

    /** Latent blocks: the latent size is their sum, and a method with blocks (additive-ae) gets their size. */
    public NewRun blocks(BlockSpec blocks) {
        this.blocks = blocks;
        return this;
    }

    public NewRun likelihood(String likelihood) {
        this.likelihood = likelihood;
        return this;
    }

    public NewRun seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** One of the method's hyper-parameters (a categorical one by its choice's index). */
    public NewRun hyperParameter(String name, double value) {
        hyperParameters.put(name, value);
        return this;
    }

    public NewRun hyperParameters(Map<String, Double> values) {
        hyperParameters.putAll(values);
        return this;
    }

    public NewRun logEvery(int steps) {
        this.logEvery = steps;
        return this;
    }

    public NewRun checkpointEvery(int steps) {
        this.checkpointEvery = steps;
        return this;
    }

    /** Train on a fixed set of this many observations drawn once from the dataset; default a fresh draw for every batch. */
    public NewRun trainingSet(int observations) {
        this.trainingSet = observations;
        return this;
    }

    /** An architecture part in place of the method's own ({@code PartChoices}): slot {@code encoder}, {@code structure} or {@code decoder}. */
    public NewRun part(String slot, String name) {
        parts.put(slot, name);
        return this;
    }

    /** The run directory to create; default {@code runs/<method>-<dataset>-<time>}. */
    public NewRun dir(Path dir) {
        this.dir = dir;
        return this;
    }

    /** What the run does after training; default figures and the default metrics. */
    public NewRun after(AfterTraining after) {
        this.after = after;
        return this;
    }

    /** The request with every default resolved. */
    public RunRequest.Start request() {
        TrainingConfig config = config();
        Path path = dir != null ? dir : Path.of("runs", method + "-" + config.dataset() + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        return new RunRequest.Start(config, path, after);
    }

    /** The training config with every default resolved. */
    public TrainingConfig config() {
        Method m = Methods.get(method);
        TrainingDefaults own = m.trainingDefaults();
        String data = dataset != null ? dataset : graph != null ? CsvTable.NAME : DEFAULT_DATASET;
        Map<String, Double> hyper = new TreeMap<>(hyperParameters);
        BlockSpec blockSpec = blocks != null ? blocks
                : latentDim == null && own.blocksFromDataset() ? fromDataset(data, d -> BlockSpec.of(d).orElse(null)) : null;
        int dim = latentDim != null ? latentDim : DEFAULT_LATENT_DIM;
        if (blockSpec != null) {
            if (latentDim != null && latentDim != blockSpec.latentDim()) {
                throw new UserInputException("--blocks " + blockSpec + " makes a latent size of " + blockSpec.latentDim()
                        + ", but --latent-dim is " + latentDim + "; give one of them");
            }
            dim = blockSpec.latentDim();
            if (BlockSpec.usesBlocks(m)) {
                Double given = hyper.get(BlockSpec.BLOCK_SIZE);
                if (given != null && given != blockSpec.blockSize()) {
                    throw new UserInputException("--blocks " + blockSpec + " has blocks of " + blockSpec.blockSize() + ", but --block-size is "
                            + HyperParameter.format(given) + "; give one of them");
                }
                hyper.put(BlockSpec.BLOCK_SIZE, (double) blockSpec.blockSize());
            }
        } else if (latentDim == null) {
            // the method's latent size: on this dataset (cfasl on shapes3d: 6), or one per factor (cdg-vae)
            if (own.latentDimOn().containsKey(data)) dim = own.latentDimOn().get(data);
            if (own.latentPerFactor()) dim = fromDataset(data, d -> d.factors().numFactors());
        }
        double lr = learningRate != null ? learningRate : own.learningRate() != null ? own.learningRate() : DEFAULT_LEARNING_RATE;
        int batch = batchSize != null ? batchSize : own.batchSize() != null ? own.batchSize() : DEFAULT_BATCH_SIZE;
        return new TrainingConfig(method, data, dataFile == null ? null : dataFile.toString(), steps != null ? steps : DEFAULT_STEPS,
                batch, lr, dim, likelihood != null ? likelihood : DEFAULT_LIKELIHOOD, seed, hyper,
                logEvery != null ? logEvery : DEFAULT_LOG_EVERY, checkpointEvery != null ? checkpointEvery : DEFAULT_CHECKPOINT_EVERY,
                graph == null ? null : graph.toString(), null, trainingSet, parts.isEmpty() ? null : parts);
    }

    /** What {@code read} takes from the dataset {@code data}, opened for it and closed after (an official file reader keeps its file open). */
    private <T> T fromDataset(String data, java.util.function.Function<GroundTruthDataset, T> read) {
        GroundTruthDataset opened = Datasets.open(data, dataFile, graph);
        try {
            return read.apply(opened);
        } finally {
            Datasets.close(opened);
        }
    }
}
