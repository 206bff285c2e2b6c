package org.disentangle4j.data;

import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * A training set of a fixed size drawn once from a dataset's distribution, as the papers' reference
 * code trains on one (CDG-VAE: 7,500 pendulum images): {@link #sampleFactors} draws rows of that
 * set with replacement, so an "epoch" is as many draws as the set has rows, not a permutation of
 * it. Everything else — rendering, factors, blocks, out-of-support sets — is the dataset's own.
 * The set is a function of {@code setSeed} alone, so a resumed run draws from the same images.
 */
public final class FiniteTrainingSet implements GroundTruthDataset {
    /** More rows than any reference trains on; a bound before the table is allocated. */
    public static final int MAX_SIZE = 10_000_000;

    private final GroundTruthDataset population;
    private final int[][] rows;

    public FiniteTrainingSet(GroundTruthDataset population, int size, long setSeed) {
        if (size < 1 || size > MAX_SIZE) throw new IllegalArgumentException("a training set has 1 to " + MAX_SIZE + " rows, got " + size);
        this.population = population;
        this.rows = population.sampleFactors(size, new SplittableRandom(setSeed));
    }

    /** The number of rows of the set. */
    public int size() {
        return rows.length;
    }

    @Override
    public int[][] sampleFactors(int n, RandomGenerator rng) {
        int[][] out = new int[n][];
        for (int i = 0; i < n; i++) out[i] = rows[rng.nextInt(rows.length)].clone();
        return out;
    }

    @Override
    public String name() {
        return population.name();
    }

    @Override
    public FactorSpace factors() {
        return population.factors();
    }

    @Override
    public int[] observationShape() {
        return population.observationShape();
    }

    @Override
    public void render(int[] factors, float[] out, int offset) {
        population.render(factors, out, offset);
    }

    @Override
    public float[] render(int[][] factors) {
        return population.render(factors);
    }

    @Override
    public Optional<FactorSampler> outOfSupport() {
        return population.outOfSupport();
    }

    @Override
    public Optional<int[][]> latentBlocks() {
        return population.latentBlocks();
    }

    @Override
    public Optional<float[][]> blockMasks() {
        return population.blockMasks();
    }

    @Override
    public double[][] scaledLabels(int[][] factors) {
        return population.scaledLabels(factors);
    }

    @Override
    public Optional<CausalGraph> causalGraph() {
        return population.causalGraph();
    }
}
