package org.disentangle4j.data;

import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * A factor space plus a deterministic renderer: factors in, observation out.
 *
 * <p>Models train on rendered samples; metrics sample factors, render, encode and compare the
 * codes with the factors. Observations are float pixels in [0, 1], laid out channel-first
 * (C, H, W) for images or (D) for tables. Implementations must be safe to call from several
 * threads at once (rendering runs on a background producer).
 */
public interface GroundTruthDataset {

    /** Registered name, e.g. {@code dsprites}. */
    String name();

    FactorSpace factors();

    /** Shape of one observation: {C, H, W} for images, {D} for tables. */
    int[] observationShape();

    /** Number of floats in one observation. */
    default int observationSize() {
        int n = 1;
        for (int d : observationShape()) n *= d;
        return n;
    }

    /**
     * Draws {@code n} factor vectors from the dataset's training distribution (uniform over the
     * factor space unless the dataset says otherwise).
     */
    default int[][] sampleFactors(int n, RandomGenerator rng) {
        return factors().sample(n, rng);
    }

    /** Renders one observation for a factor vector into {@code out[offset … offset+observationSize)}. */
    void render(int[] factors, float[] out, int offset);

    /** Renders a batch, observation i at {@code i * observationSize()}. */
    default float[] render(int[][] factors) {
        int size = observationSize();
        float[] out = new float[factors.length * size];
        for (int i = 0; i < factors.length; i++) render(factors[i], out, i * size);
        return out;
    }

    /**
     * A sampler of factor vectors outside the training support, for datasets that train on part of
     * their factor space only (e.g. the L-shaped support of {@link Balls} ScalarLatents). Training
     * never calls it: the trainer draws from {@link #sampleFactors} alone, so what it gives is a
     * test set of combinations no training batch contains.
     */
    default Optional<FactorSampler> outOfSupport() {
        return Optional.empty();
    }

    /**
     * How the factors group into blocks of latent variables that each drive one part of the
     * observation (e.g. the (x, y) position of one ball), as lists of factor indices; empty when
     * the dataset declares no such grouping (every factor then counts as its own block).
     */
    default Optional<int[][]> latentBlocks() {
        return Optional.empty();
    }

    /**
     * One mask per latent block, in the order of {@link #latentBlocks()}: {@code masks[b]} has
     * {@link #observationSize()} floats, each 0 or 1, marking the part of the observation that
     * block b drives (e.g. for pendulum the image rows 0:20, 20:51 and 51:64, every channel and
     * column). The masks cover the observation exactly once: their element-wise sum is all ones.
     * Empty when the dataset declares no such partition (block-separable decoders then cannot be
     * used on it).
     */
    default Optional<float[][]> blockMasks() {
        return Optional.empty();
    }

    /**
     * The factor labels as real values min-max scaled to [0, 1]: {@code scaled[i][f]} is
     * {@code (v − min_f) / (max_f − min_f)} where v is the value of level {@code factors[i][f]}
     * ({@link FactorSpace#value}) and min_f, max_f the smallest and largest level value of factor f
     * (see {@link FactorSpace#scaledValue}); a factor with a single value scales to 0. The raw
     * labels are {@link FactorSpace#value}. Used as the supervision targets u of CDG-VAE.
     */
    default double[][] scaledLabels(int[][] factors) {
        FactorSpace space = factors();
        double[][] out = new double[factors.length][space.numFactors()];
        for (int i = 0; i < factors.length; i++) {
            for (int f = 0; f < space.numFactors(); f++) out[i][f] = space.scaledValue(f, factors[i][f]);
        }
        return out;
    }

    /** The causal graph over the factors, when the dataset has one. */
    default Optional<CausalGraph> causalGraph() {
        return Optional.empty();
    }
}
