package org.disentangle4j.train;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.disentangle4j.data.GroundTruthDataset;
import org.disentangle4j.io.UserInputException;

/**
 * Bounds on the sizes a user gives, derived from what this machine can hold and checked before
 * anything is allocated, so that a size too large is one line naming the bound rather than an
 * out-of-memory error or the kernel killing the process.
 */
public final class ResourceBounds {
    /**
     * Bytes a training step costs per float of one observation of its batch: the networks'
     * activations and their gradients. β-VAE on dSprites grew to 24 GB at batch 100,000 (about 60
     * times the batch's own 4 bytes per float); this allows twice that.
     */
    static final long STEP_BYTES_PER_OBSERVATION_FLOAT = 4 * 128;
    /** The latent size is bounded by the observation's size, or this when the observation is smaller (a table). */
    static final int MIN_LATENT_BOUND = 1024;

    private ResourceBounds() {}

    /** The physical memory of this machine in bytes (the heap's maximum where the platform does not say). */
    public static long machineMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long total = os.getTotalMemorySize();
            if (total > 0) return total;
        }
        return Runtime.getRuntime().maxMemory();
    }

    /** The largest batch a training step on observations of this size may take: half the machine's memory. */
    public static int maxBatchSize(int observationSize, long memory) {
        long max = memory / 2 / (observationSize * STEP_BYTES_PER_OBSERVATION_FLOAT);
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, max));
    }

    /** The largest latent size for observations of this size. */
    public static int maxLatentDim(int observationSize) {
        return Math.max(MIN_LATENT_BOUND, observationSize);
    }

    /** Refuses a batch or latent size this machine cannot train on the dataset, naming the bound. */
    public static void check(TrainingConfig config, GroundTruthDataset dataset) {
        check(config, dataset.observationSize(), dataset.name());
    }

    /** As {@link #check(TrainingConfig, GroundTruthDataset)}, for observations of {@code size} values of the dataset named. */
    public static void check(TrainingConfig config, int size, String datasetName) {
        long memory = machineMemory();
        int maxBatch = maxBatchSize(size, memory);
        if (config.batchSize() > maxBatch) {
            throw new UserInputException(String.format(Locale.ROOT, "--batch-size %d is more than this machine can train on %s: at most %,d "
                    + "(a step needs about %d KB per observation of %,d values, and this machine has %.1f GB)", config.batchSize(),
                    datasetName, maxBatch, size * STEP_BYTES_PER_OBSERVATION_FLOAT / 1024, size, memory / 1e9));
        }
        int maxLatent = maxLatentDim(size);
        if (config.latentDim() > maxLatent) {
            throw new UserInputException(String.format(Locale.ROOT, "--latent-dim %d is more than the %,d values of a %s observation; "
                    + "at most %,d", config.latentDim(), size, datasetName, maxLatent));
        }
    }
}
