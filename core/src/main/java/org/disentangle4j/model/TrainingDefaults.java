package org.disentangle4j.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The training options whose default differs for a method from the run's general defaults; an
 * option the user gives wins.
 *
 * @param learningRate Adam's learning rate, or null for the general default
 * @param batchSize the batch size, or null for the general default
 * @param latentPerFactor whether the latent size is the dataset's number of factors (one latent per causal node)
 * @param latentDimOn the latent size on particular datasets, by dataset name (cfasl: 6 on shapes3d)
 * @param blocksFromDataset whether latent size and blocks come from the dataset's blocks (the additive-decoder paper's models)
 */
public record TrainingDefaults(Double learningRate, Integer batchSize, boolean latentPerFactor, Map<String, Integer> latentDimOn,
        boolean blocksFromDataset) {
    /** The general defaults, nothing of the method's own. */
    public static final TrainingDefaults NONE = new TrainingDefaults(null, null, false, Map.of(), false);

    public TrainingDefaults {
        latentDimOn = Map.copyOf(latentDimOn);
    }

    public TrainingDefaults withLearningRate(double lr) {
        return new TrainingDefaults(lr, batchSize, latentPerFactor, latentDimOn, blocksFromDataset);
    }

    public TrainingDefaults withBatchSize(int batch) {
        return new TrainingDefaults(learningRate, batch, latentPerFactor, latentDimOn, blocksFromDataset);
    }

    public TrainingDefaults withLatentPerFactor() {
        return new TrainingDefaults(learningRate, batchSize, true, latentDimOn, blocksFromDataset);
    }

    public TrainingDefaults withLatentDimOn(String dataset, int latentDim) {
        Map<String, Integer> on = new LinkedHashMap<>(latentDimOn);
        on.put(dataset, latentDim);
        return new TrainingDefaults(learningRate, batchSize, latentPerFactor, on, blocksFromDataset);
    }

    public TrainingDefaults withBlocksFromDataset() {
        return new TrainingDefaults(learningRate, batchSize, latentPerFactor, latentDimOn, true);
    }
}
