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

    /** The causal graph over the factors, when the dataset has one. */
    default Optional<CausalGraph> causalGraph() {
        return Optional.empty();
    }
}
