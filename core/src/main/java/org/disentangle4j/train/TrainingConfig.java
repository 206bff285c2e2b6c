package org.disentangle4j.train;

import java.util.Map;
import java.util.TreeMap;
import org.disentangle4j.io.UserInputException;

/**
 * Everything that determines a training run. Written to the run's {@code config.json}; with the
 * same config, seed and machine a run gives the same numbers.
 *
 * @param dataFile the official dataset file, or null for the procedural renderer
 * @param hyperParameters the method's hyper-parameters, defaults filled in
 * @param logEvery write a line to log.jsonl every this many steps
 * @param checkpointEvery write a checkpoint every this many steps (and always at the end)
 * @param graphFile the causal graph of a user's table (dataset {@code table}, its CSV the
 *     {@code dataFile}), or null; absent from the config.json of every other run
 * @param engineThreads the engine's intra-op threads the run trains with (its numbers depend on
 *     them); set when the run is created, null in runs from before it was recorded
 * @param trainingSet the number of observations of a fixed training set drawn once from the
 *     dataset, batches drawing from it with replacement ({@code FiniteTrainingSet}); null (and
 *     absent from config.json): every batch is drawn afresh from the dataset's distribution
 * @param parts architecture parts chosen in place of the method's ({@code PartChoices}: slot to
 *     name, e.g. decoder to mlp); null (and absent from config.json): the method's own
 */
public record TrainingConfig(
        String model,
        String dataset,
        String dataFile,
        long steps,
        int batchSize,
        double learningRate,
        int latentDim,
        String likelihood,
        long seed,
        Map<String, Double> hyperParameters,
        int logEvery,
        int checkpointEvery,
        String graphFile,
        Integer engineThreads,
        Integer trainingSet,
        Map<String, String> parts) {

    public TrainingConfig {
        hyperParameters = new TreeMap<>(hyperParameters);
        if (parts != null) parts = parts.isEmpty() ? null : new TreeMap<>(parts);
    }

    /** A config with the method's own parts. */
    public TrainingConfig(String model, String dataset, String dataFile, long steps, int batchSize, double learningRate,
                          int latentDim, String likelihood, long seed, Map<String, Double> hyperParameters, int logEvery,
                          int checkpointEvery, String graphFile, Integer engineThreads, Integer trainingSet) {
        this(model, dataset, dataFile, steps, batchSize, learningRate, latentDim, likelihood, seed, hyperParameters, logEvery,
                checkpointEvery, graphFile, engineThreads, trainingSet, null);
    }

    /** A config of batches drawn afresh from the distribution (no fixed training set). */
    public TrainingConfig(String model, String dataset, String dataFile, long steps, int batchSize, double learningRate,
                          int latentDim, String likelihood, long seed, Map<String, Double> hyperParameters, int logEvery,
                          int checkpointEvery, String graphFile, Integer engineThreads) {
        this(model, dataset, dataFile, steps, batchSize, learningRate, latentDim, likelihood, seed, hyperParameters, logEvery,
                checkpointEvery, graphFile, engineThreads, null);
    }

    /** A config whose engine thread count is not recorded yet ({@link Run#create} records it). */
    public TrainingConfig(String model, String dataset, String dataFile, long steps, int batchSize, double learningRate,
                          int latentDim, String likelihood, long seed, Map<String, Double> hyperParameters, int logEvery,
                          int checkpointEvery, String graphFile) {
        this(model, dataset, dataFile, steps, batchSize, learningRate, latentDim, likelihood, seed, hyperParameters, logEvery,
                checkpointEvery, graphFile, null);
    }

    /** A run without a graph file (every dataset but a user's table). */
    public TrainingConfig(String model, String dataset, String dataFile, long steps, int batchSize, double learningRate,
                          int latentDim, String likelihood, long seed, Map<String, Double> hyperParameters, int logEvery,
                          int checkpointEvery) {
        this(model, dataset, dataFile, steps, batchSize, learningRate, latentDim, likelihood, seed, hyperParameters, logEvery,
                checkpointEvery, null);
    }

    /** Rejects values no run can use, with the option's name. */
    public TrainingConfig validate() {
        if (steps <= 0) throw new UserInputException("--steps must be a positive number of steps, got " + steps);
        if (batchSize <= 0) throw new UserInputException("--batch-size must be positive, got " + batchSize);
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new UserInputException("--lr must be a positive number, got " + learningRate);
        }
        if (latentDim <= 0) throw new UserInputException("--latent-dim must be positive, got " + latentDim);
        if (logEvery <= 0) throw new UserInputException("--log-every must be positive, got " + logEvery);
        if (checkpointEvery <= 0) throw new UserInputException("--checkpoint-every must be positive, got " + checkpointEvery);
        if (parts != null) org.disentangle4j.model.PartChoices.check(parts);
        if (trainingSet != null && (trainingSet < 1 || trainingSet > org.disentangle4j.data.FiniteTrainingSet.MAX_SIZE)) {
            throw new UserInputException("--training-set must be between 1 and " + org.disentangle4j.data.FiniteTrainingSet.MAX_SIZE
                    + " observations, got " + trainingSet);
        }
        for (Map.Entry<String, Double> h : hyperParameters.entrySet()) {
            if (h.getValue() == null || h.getValue().isNaN() || h.getValue().isInfinite()) {
                throw new UserInputException("--" + h.getKey() + " must be a finite number, got " + h.getValue());
            }
        }
        return this;
    }

    public TrainingConfig withHyperParameters(Map<String, Double> values) {
        return new TrainingConfig(model, dataset, dataFile, steps, batchSize, learningRate, latentDim, likelihood,
                seed, values, logEvery, checkpointEvery, graphFile, engineThreads, trainingSet, parts);
    }

    public TrainingConfig withSteps(long newSteps) {
        return new TrainingConfig(model, dataset, dataFile, newSteps, batchSize, learningRate, latentDim, likelihood,
                seed, hyperParameters, logEvery, checkpointEvery, graphFile, engineThreads, trainingSet, parts);
    }

    public TrainingConfig withEngineThreads(int threads) {
        return new TrainingConfig(model, dataset, dataFile, steps, batchSize, learningRate, latentDim, likelihood,
                seed, hyperParameters, logEvery, checkpointEvery, graphFile, threads, trainingSet, parts);
    }

    public TrainingConfig withTrainingSet(Integer observations) {
        return new TrainingConfig(model, dataset, dataFile, steps, batchSize, learningRate, latentDim, likelihood,
                seed, hyperParameters, logEvery, checkpointEvery, graphFile, engineThreads, observations, parts);
    }

    /** The chosen parts, empty for the method's own. */
    public Map<String, String> partChoices() {
        return parts == null ? Map.of() : parts;
    }
}
