package org.disentangle4j.data;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The discrete ground-truth factors of a dataset: their names, how many levels each has, and
 * the real value of every level (e.g. dSprites scale 0.5 … 1.0).
 *
 * <p>Factor vectors are class indices {@code int[numFactors]}; a batch of them is
 * {@code int[n][numFactors]}.
 */
public final class FactorSpace {
    private final List<String> names;
    private final double[][] levelValues;
    private final double[] minValues;
    private final double[] maxValues;

    /** @param levelValues {@code levelValues[f][i]} is the real value of level i of factor f */
    public FactorSpace(List<String> names, double[][] levelValues) {
        if (names.size() != levelValues.length) {
            throw new IllegalArgumentException(
                    names.size() + " factor names but " + levelValues.length + " value lists");
        }
        for (double[] v : levelValues) {
            if (v.length == 0) throw new IllegalArgumentException("a factor needs at least one level");
        }
        this.names = List.copyOf(names);
        this.levelValues = Arrays.stream(levelValues).map(double[]::clone).toArray(double[][]::new);
        this.minValues = Arrays.stream(levelValues).mapToDouble(v -> Arrays.stream(v).min().getAsDouble()).toArray();
        this.maxValues = Arrays.stream(levelValues).mapToDouble(v -> Arrays.stream(v).max().getAsDouble()).toArray();
    }

    /** Levels spaced evenly from {@code from} to {@code to}; {@code endpoint} says whether {@code to} is one of them. */
    public static double[] linspace(double from, double to, int count, boolean endpoint) {
        double[] v = new double[count];
        int divisions = endpoint ? count - 1 : count;
        for (int i = 0; i < count; i++) {
            v[i] = divisions == 0 ? from : from + (to - from) * i / divisions;
        }
        return v;
    }

    public int numFactors() {
        return names.size();
    }

    public List<String> names() {
        return names;
    }

    public String name(int factor) {
        return names.get(factor);
    }

    public int size(int factor) {
        return levelValues[factor].length;
    }

    public int[] sizes() {
        int[] s = new int[numFactors()];
        for (int f = 0; f < s.length; f++) s[f] = size(f);
        return s;
    }

    public double value(int factor, int level) {
        return levelValues[factor][level];
    }

    /**
     * The value of a level min-max scaled over the factor's level values to [0, 1]: 0 at the
     * smallest value, 1 at the largest; 0 for a factor whose values are all equal.
     */
    public double scaledValue(int factor, int level) {
        double min = minValues[factor], max = maxValues[factor];
        return max > min ? (levelValues[factor][level] - min) / (max - min) : 0.0;
    }

    /** Number of distinct factor combinations. */
    public long numCombinations() {
        long n = 1;
        for (double[] v : levelValues) n *= v.length;
        return n;
    }

    /** Uniformly random factor vectors, one per row. */
    public int[][] sample(int n, RandomGenerator rng) {
        int[][] out = new int[n][numFactors()];
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < numFactors(); f++) out[i][f] = rng.nextInt(size(f));
        }
        return out;
    }

    /** Throws IllegalArgumentException unless {@code factors} has one valid level per factor. */
    public void validate(int[] factors) {
        if (factors.length != numFactors()) {
            throw new IllegalArgumentException(factors.length + " factor levels given, expected " + numFactors()
                    + " (" + String.join(", ", names) + ")");
        }
        flatIndex(factors);
    }

    /** Mixed-radix index of a factor vector, last factor fastest (the layout of the official files). */
    public long flatIndex(int[] factors) {
        long index = 0;
        for (int f = 0; f < numFactors(); f++) {
            if (factors[f] < 0 || factors[f] >= size(f)) {
                throw new IllegalArgumentException("factor " + name(f) + " level " + factors[f]
                        + " outside 0.." + (size(f) - 1));
            }
            index = index * size(f) + factors[f];
        }
        return index;
    }
}
